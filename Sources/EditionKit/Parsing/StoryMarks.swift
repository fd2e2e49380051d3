/// Recognisers for the printed marks around a story: bylines, datelines,
/// photo credits and jump lines. Each works on one line or one paragraph and
/// says nothing about where the mark belongs; `PageParser` decides that.
enum StoryMarks {
    /// Agencies and papers that open a byline or a dateline.
    static let agencies = ["本报", "新华社", "中新社", "人民日报", "光明日报", "经济日报", "人民网", "新华网", "央视网", "中国新闻社"]
    /// Roles a byline names (`本报记者 李 明`, `通讯员 王强`).
    static let reporterRoles = ["记者", "通讯员", "评论员", "特约撰稿人", "实习生", "撰稿", "文/图", "文／图", "文/", "文／", "图/", "图／"]

    static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        s.isIdeographic || s.isSpaceLike || s == "·" || s == "、"
    }

    /// A byline printed on its own line at the head of a story:
    /// `本报记者 向子丰 胡笑源`, `新华社记者 王明`, `By JANE DOE`.
    static func topByline(_ line: SourceLine) -> String? {
        // An English byline opens with `B`; a Chinese one with an ideograph
        // (an agency or a role) and is short: most lines fail here.
        guard let f = line.text.first, f == "B" || f.isIdeographic && line.text.count <= 40 else { return nil }
        // A Chinese byline is names only: a column line has punctuation.
        if f != "B", !line.raw.allSatisfy({ isNameScalar($0) || $0 == "/" || $0 == "／" }) { return nil }
        let t = line.raw.trimmed
        if let english = englishByline(t) { return english }
        guard t.count <= 40, !t.endsSentence, t.allSatisfy({ isNameScalar($0) || $0 == "/" || $0 == "／" }) else { return nil }
        var rest = t[...]
        var agency = false
        for a in agencies where Array(rest).hasPrefix(a) { rest = rest.dropFirst(a.unicodeScalars.count); agency = true; break }
        while let f = rest.first, f.isSpaceLike || f == "特" || f == "约" { rest = rest.dropFirst() }
        guard let role = reporterRoles.first(where: { Array(rest).hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(role.unicodeScalars.count)
        // A paper's role alone (`本报记者`): plain `pdftotext` prints the
        // names apart, a block of their own. It is the byline's start, not
        // a headline's words.
        if agency, rest.allSatisfy(\.isSpaceLike) { return t.withoutSpaces.string }
        // Names follow the role: set apart by spaces (`记者 李 明`), or run on
        // after an agency (`本报记者王丹`); each name is two to four characters.
        let names = FolioReader.groupNames(FolioReader.tokens(Array(rest).map { $0 == "、" ? " " : $0 }))
        let spaced = rest.first?.isSpaceLike == true
        // (Names run together after an agency and a role, `本报记者李心萍郑智文`,
        // are several names the text no longer parts: still a byline.)
        // (They open with a surname: `本报记者深入基层采访干部` is a column line.)
        let runTogether = agency && names.count == 1 && (5...12).contains(names[0].unicodeScalars.count)
            && names[0].unicodeScalars.first.map { surnames.contains($0) } == true
        guard !names.isEmpty, spaced || agency, runTogether || names.allSatisfy({ (1...4).contains($0.unicodeScalars.count) }) else { return nil }
        return t.withoutSpaces.string
    }

    /// A byline that is an agency's role and no name (`本报记者`): its names
    /// were printed apart.
    static func isRoleAlone(_ byline: String) -> Bool {
        agencies.contains { a in reporterRoles.contains { byline == a + $0 } }
    }

    /// `By Jane Doe` or `BY JANE DOE and JOHN ROE`.
    static func englishByline(_ t: [Unicode.Scalar]) -> String? {
        guard t.count > 3, t[0] == "B", t[1] == "y" || t[1] == "Y", t[2] == " " else { return nil }
        let s = t.string
        guard s.hasPrefix("By ") || s.hasPrefix("BY ") else { return nil }
        let name = String(s.dropFirst(3))
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.count <= 8, !t.endsSentence || s.hasSuffix(".") && words.count <= 4,
              words.allSatisfy({ w in w.first!.isUppercase || ["and", "&", "de", "van", "von", "in"].contains(String(w)) })
        else { return nil }
        return name
    }

    /// A two-character name padded to three with a space (`王 观`): a byline
    /// when it stands alone in a headline group.
    static func paddedName(_ line: SourceLine) -> String? {
        guard line.raw.count <= 12, line.text.count <= 4 else { return nil }
        let t = line.raw.trimmed
        let letters = t.withoutSpaces
        guard (2...4).contains(letters.count), letters.allSatisfy(\.isIdeographic), letters.count < t.count else { return nil }
        return letters.string
    }

    /// The most common Chinese surnames (about nine people in ten bear one
    /// of them), and the compound ones still in use.
    static let surnames: Set<Unicode.Scalar> = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由".unicodeScalars)
    static let compoundSurnames: [[Unicode.Scalar]] = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤"].map { Array($0.unicodeScalars) }

    /// A name on a line of its own, unpadded (`任仲平`, `孙秀艳`): two or three
    /// ideographs opening with a common surname (four with a compound one).
    /// Under a title it is the byline; alone above a column, the byline of
    /// the story that starts there. A line this short without punctuation is
    /// no column text (a paragraph's last line ends on a mark).
    static func plainName(_ line: SourceLine) -> String? {
        let t = line.raw.trimmed
        guard (2...4).contains(t.count), t.allSatisfy(\.isIdeographic) else { return nil }
        if compoundSurnames.contains(where: { t.starts(with: $0) }) { return t.count >= 3 ? t.string : nil }
        return t.count <= 3 && surnames.contains(t[0]) ? t.string : nil
    }

    /// `——编 者` (or `——编辑`): the signature that ends an editor's note.
    /// Text that ends with the editor's signature after a sentence end
    /// (`…记录…新变化。——编者`): an editor's note, finished.
    static func endsWithEditorsSignature(_ t: [Unicode.Scalar]) -> Bool {
        // (Asked of every paragraph: most end on a mark, not a name.)
        guard let end = t.last(where: { !$0.isSpaceLike }), end == "者" || end == "辑" || end == "部" else { return false }
        let letters = t.suffix(32).filter { !$0.isSpaceLike }
        for sign in editorsSignatures {
            let w = Array(sign.unicodeScalars)
            guard letters.count > w.count + 2, Array(letters.suffix(w.count)) == w else { continue }
            var k = letters.count - w.count
            guard letters[k - 1] == "—" || letters[k - 1] == "-" else { continue }
            while k > 0, letters[k - 1] == "—" || letters[k - 1] == "-" { k -= 1 }
            return k > 0 && (letters[k - 1] == "。" || letters[k - 1] == "！" || letters[k - 1] == "？" || letters[k - 1] == "”" || letters[k - 1] == "."
                || letters[k - 1] == "…")
        }
        return false
    }

    static func isEditorsSignature(_ t: [Unicode.Scalar]) -> Bool {
        guard t.count <= 12, let f = t.first, f == "—" || f == "-" else { return false }
        let letters = t.filter { !$0.isSpaceLike }
        guard letters.count <= 6, letters.first == "—" || letters.first == "-" else { return false }
        let word = String(String.UnicodeScalarView(letters.drop { $0 == "—" || $0 == "-" }))
        return editorsSignatures.contains(word)
    }

    /// The names an editor's text is signed with, after a dash.
    static let editorsSignatures = ["编者", "编辑", "本报编辑部"]

    /// What a closing bracket group names: `（张荣）` a byline, `（本报德国法兰克福
    /// 10月19日电）` a dateline. Notes such as `（某某参与采写）` are neither.
    enum Closing: Equatable { case byline(String), dateline(String) }

    static func closing(_ inner: [Unicode.Scalar]) -> Closing? {
        let t = inner.withoutSpaces
        guard t.count >= 2, t.count <= 30 else { return nil }
        if t.last == "电" || t.last == "讯", let d = datelinePrefix(Array(t.dropLast())) { return .dateline(d) }
        for note in ["参与", "采写", "整理", "摄", "供图", "据", "本文", "来源", "编者", "下转", "上接", "转第", "接第"] where t.contains(note) { return nil }
        guard t.allSatisfy({ isNameScalar($0) }), t.count <= 24 else { return nil }
        return .byline(t.string)
    }

    /// Splits a closing mark off the end of a paragraph: `…温度。 （张荣）`.
    static func trailingClosing(_ text: [Unicode.Scalar]) -> (body: [Unicode.Scalar], mark: Closing)? {
        guard let last = text.last, last == "）" || last == ")" else { return nil }
        guard let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
        let body = Array(text[..<open]).trimmed
        // The mark closes a paragraph only after a sentence end (or alone),
        // or after a note in brackets that itself closed the text
        // (`…采访整理）（赵佳洁）`).
        guard body.isEmpty || body.endsSentence || body.last == "）" || body.last == ")" else { return nil }
        guard let mark = closing(Array(text[(open + 1)..<(text.count - 1)])) else { return nil }
        return (body, mark)
    }

    /// A place-and-date prefix: contains a date (`10月19日`), an agency, or is a
    /// short place name (`经棚`).
    static func datelinePrefix(_ p: [Unicode.Scalar]) -> String? {
        guard p.count >= 2, p.count <= 24, p.allSatisfy({ $0.isIdeographic || $0.isASCIIDigit || $0 == "·" }) else { return nil }
        return p.string
    }

    /// A dateline lead opening a paragraph.
    struct Lead {
        /// The dateline without 电/讯.
        var dateline: String
        /// The reporter named in brackets right after it (`（记者王丹）`).
        var reporter: String?
    }

    /// `本报南昌10月19日电（记者王丹）…`, `新华社北京10月19日电 …`, `经棚讯 前不久…`.
    /// `spacedStart` is the paragraph's first line with its spaces, which shows
    /// whether a short place name is followed by a space.
    static func lead(_ text: [Unicode.Scalar], spacedStart: [Unicode.Scalar]) -> Lead? {
        if let english = englishDateline(spacedStart) { return Lead(dateline: english, reporter: nil) }
        let limit = min(text.count, 26)
        var k = 0
        while k < limit, text[k].isIdeographic || text[k].isASCIIDigit || text[k] == "·" {
            if text[k] == "电" || text[k] == "讯", k >= 2 {
                let prefix = Array(text[..<k])
                let hasDate = prefix.contains("月") && prefix.last == "日"
                let hasAgency = agencies.contains(where: { prefix.hasPrefix($0) })
                // A short place: `经棚讯 前不久` prints a space after 讯.
                var short = false
                if prefix.count <= 6, let at = spacedStart.firstRange(of: prefix.string + String(Character(text[k]))),
                   at.upperBound < spacedStart.count, spacedStart[at.upperBound].isSpaceLike || spacedStart[at.upperBound] == "（" {
                    short = at.lowerBound == 0
                }
                guard hasDate || hasAgency || short, let d = datelinePrefix(prefix) else { return nil }
                var reporter: String?
                if k + 1 < text.count, text[k + 1] == "（" || text[k + 1] == "(",
                   let close = text[(k + 1)...].firstIndex(where: { $0 == "）" || $0 == ")" }),
                   case .byline(let r) = closing(Array(text[(k + 2)..<close])) {
                    reporter = r
                }
                return Lead(dateline: d, reporter: reporter)
            }
            k += 1
        }
        return nil
    }

    /// `WASHINGTON —`, `PARIS, France —`, `NEW YORK (AP) —`.
    static func englishDateline(_ t: [Unicode.Scalar]) -> String? {
        guard let first = t.first, first.isUppercaseLatin else { return nil }
        for dash in [" — ", " – ", " -- "] {
            guard let r = t.firstRange(of: dash) else { continue }
            let place = Array(t[..<r.lowerBound]).string
            guard place.count <= 40, let firstWord = place.split(separator: " ").first,
                  firstWord.allSatisfy({ $0.isUppercase || $0 == "," || $0 == "." }), firstWord.count >= 2 else { return nil }
            return place
        }
        return nil
    }

    /// A photo credit at the end of a line: `季晓敏 摄`, `本报记者 乔 栋摄`,
    /// `康 岩 摄（新华社发）`, `Photo: Jane Doe`. Returns the text before it and the credit.
    static func credit(_ raw: [Unicode.Scalar]) -> (before: [Unicode.Scalar], credit: String)? {
        guard let last = raw.last(where: { !$0.isSpaceLike }), last == "摄" || last == "）" || raw.contains(where: { $0 == "P" }) else { return nil }
        var t = raw.trimmed
        // `康 岩 摄（新华社发）`: the agency that supplied the photo follows
        // the credit in brackets; the credit is the name before 摄.
        if t.last == "）", let open = t.lastIndex(of: "（"), t.count - open <= 12, t[t.count - 2] == "发",
           t[open + 1..<(t.count - 2)].allSatisfy({ $0.isIdeographic }) {
            t = Array(t[..<open]).trimmed
        }
        if let r = t.firstRange(of: "Photo: ") ?? t.firstRange(of: "Photograph: ") ?? t.firstRange(of: "Photo by ") {
            let name = Array(t[r.upperBound...]).trimmed
            guard !name.isEmpty, name.count <= 60 else { return nil }
            return (Array(t[..<r.lowerBound]).trimmed, name.string)
        }
        guard t.last == "摄", t.count >= 2 else { return nil }
        var j = t.count - 1
        while j > 0, isNameScalar(t[j - 1]) && t[j - 1] != "、" { j -= 1 }
        var name = Array(t[j..<(t.count - 1)])
        let hasSpace = name.contains(where: \.isSpaceLike)
        name = name.withoutSpaces
        guard name.count >= 2, name.count <= 14 else { return nil }
        // `拍摄`, `航拍摄` end words, not credits: a credit is set apart by a
        // space, or stands alone, or follows the caption's closing mark.
        let before = Array(t[..<j]).trimmed
        guard hasSpace || before.isEmpty || before.last.map({ $0.isWidePunctuation }) == true else { return nil }
        if name.last == "拍" { return nil }
        return (before, name.string)
    }

    /// `Continued on Page B5`, `（下转第5版）`.
    static func isJump(_ t: [Unicode.Scalar]) -> Bool {
        guard let f = t.first, t.count <= 40 else { return false }
        switch f {
        case "C", "S", "（", "下", "上", "转", "接": break
        default: return false
        }
        let s = t.string
        if s.hasPrefix("Continued on") || s.hasPrefix("Continued from") || s.hasPrefix("CONTINUED ON") || s.hasPrefix("CONTINUED FROM") { return s.count <= 40 }
        if (s.hasPrefix("See ") || s.hasPrefix("SEE ")) && (s.contains("Page") || s.contains("PAGE")) && s.count <= 40 { return true }
        let inner = s.hasPrefix("（") && s.hasSuffix("）") ? String(s.dropFirst().dropLast()) : s
        return inner.count <= 12 && (inner.hasPrefix("下转") || inner.hasPrefix("上接") || inner.hasPrefix("转第") || inner.hasPrefix("接第")) && inner.hasSuffix("版")
    }
}
