/// Splits a headline group's lines into kicker (引题), title and subtitle.
///
/// Chinese papers set the main title largest; a kicker above it and a
/// subtitle below it are explanatory and usually longer. The text keeps no
/// type sizes, so the rules go by order and length:
/// - one line is the title;
/// - a line opening with a dash (`——记…`) or a date (`2025年2月 …`) is a subtitle;
/// - of two lines, a short label first (`记者手记`, ≤ 6 characters) or a longer
///   first line is a kicker above the title, unless that line is two clauses
///   parted by a space (a title's shape); a shorter first line is the title
///   over its subtitle;
/// - of three, kicker, title, subtitle;
/// - a line that leaves a quote or bracket open continues on the next line;
/// - a long line over a short tail, with no mark between, is one wrapped title;
/// - a series label (`栏目·主题`) over a title is the kicker.
struct HeadlineParts: Equatable {
    var kicker: String?
    var title: String?
    var subtitle: String?

    /// The parts when it is known which line is the title (a line set on
    /// one baseline with another story's title): lines above it are the
    /// kicker, lines under it the subtitle.
    init(lines: [String], titleLine: Int) {
        kicker = titleLine > 0 ? lines[..<titleLine].joined(separator: " ") : nil
        title = lines[titleLine]
        subtitle = titleLine + 1 < lines.count ? lines[(titleLine + 1)...].joined(separator: " ") : nil
    }

    init(lines input: [String]) {
        var lines = Self.joiningOpenLines(input)
        // A title too long for its measure wraps, leaving a short tail
        // (`中共中央总书记习近平电贺郑丽文当选中国` / `国民党主席`): a long first
        // line that stops on a character, not a mark, over a line under two
        // fifths of it is one title. A kicker is a phrase of its own: it ends
        // on a mark or a quote, or is a series label (`·`).
        if lines.count == 2, Self.wraps(lines[0], into: lines[1]) {
            lines = [lines[0] + lines[1]]
        }
        let latin = lines.allSatisfy { $0.unicodeScalars.allSatisfy { !$0.isWide } }
        if latin && lines.count >= 2 {
            // English: the headline's lines, then a deck. A headline carries
            // no closing period, in title case, sentence case or capitals
            // alike; a deck is a sentence (or set in title case below a
            // headline in capitals).
            var k = 0
            if Self.isTitleCase(lines[0]) && !Self.isCapitals(lines[0]) {
                // A title-case headline ends where title case does; a line
                // that opens in lower case goes on with it (a deck is a
                // sentence and opens with a capital).
                while k < lines.count && (Self.isTitleCase(lines[k]) || lines[k].first?.isLowercase == true) { k += 1 }
            } else {
                while k < lines.count && !Self.endsSentence(lines[k]) && lines[k].count <= 60
                        && (k == 0 || Self.isCapitals(lines[k]) == Self.isCapitals(lines[k - 1])) { k += 1 }
            }
            if k == 0 { k = 1 }
            title = lines[..<k].joined(separator: " ")
            if k < lines.count { subtitle = lines[k...].joined(separator: " ") }
            return
        }
        switch lines.count {
        case 0: break
        case 1: title = lines[0]
        case 2:
            let (a, b) = (lines[0], lines[1])
            if Self.startsWithDash(b) || Self.opensWithDate(b) && !Self.opensWithDate(a) {
                title = a; subtitle = b
            } else if Self.isCouplet(a, b) {
                title = a + " " + b
            } else if Self.isLabel(a) || Self.length(a) > Self.length(b) && !Self.isClausePair(a, over: b)
                        || Self.isSeriesLabel(a) && !Self.isSeriesLabel(b) {
                kicker = a; title = b
            } else {
                title = a; subtitle = b
            }
        default:
            if Self.startsWithDash(lines[1]) || Self.opensWithDate(lines[1]) && !Self.opensWithDate(lines[0]) {
                title = lines[0]; subtitle = lines[1...].joined(separator: " ")
            } else {
                kicker = lines[0]; title = lines[1]; subtitle = lines[2...].joined(separator: " ")
            }
        }
    }

    /// Two phrases of the same short length, ideographs only (`中国科技` /
    /// `活力奔涌`): one title set in two parallel halves (对仗), not a kicker
    /// over a title — a kicker is longer than its title, or a column's
    /// label, which names a kind of text (`记者手记`, `科技视点`).
    static func isCouplet(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
        guard x.count == y.count, (4...6).contains(x.count), x.allSatisfy(\.isIdeographic), y.allSatisfy(\.isIdeographic) else { return false }
        return !labelWords.contains { a.hasSuffix($0) }
    }

    /// Words a column's label ends with: the kind of text under it.
    static let labelWords = ["手记", "点评", "视点", "观察", "评论", "快评", "时评", "短评", "链接", "聚焦", "走笔", "随笔", "札记", "调查", "故事", "访谈", "专访", "特写", "速递", "关注", "新闻", "纵横", "微观", "论坛", "看台", "笔谈"]

    /// A line of two clauses parted by a space over a line of one: the
    /// title over its subtitle, however long (`中国人保 五年来累计赔付支出超1.7万亿元`
    /// / `多领域发展成果显著`). Titles are set in clauses; a kicker is one
    /// phrase (or a series label, `·`).
    static func isClausePair(_ a: String, over b: String) -> Bool {
        let clauses = a.split(separator: " ")
        return clauses.count == 2 && !b.contains(" ") && !isSeriesLabel(a)
            && clauses.allSatisfy { $0.unicodeScalars.filter(\.isIdeographic).count >= 2 }
    }

    static func length(_ s: String) -> Int { s.unicodeScalars.filter { !$0.isSpaceLike }.count }

    static func isLabel(_ s: String) -> Bool { length(s) <= 6 && !s.contains(" ") }

    /// `总书记的关切·落地的回响`, `深度观察·做好金融“五篇大文章”`: a column or series
    /// name with its theme, printed as the kicker.
    static func isSeriesLabel(_ s: String) -> Bool { s.contains("·") }

    static func wraps(_ a: String, into b: String) -> Bool {
        let la = length(a), lb = length(b)
        guard la >= 12, lb * 5 < la * 2, !a.contains(" "), !isSeriesLabel(a), !startsWithDash(b),
              let last = a.unicodeScalars.last, last.isIdeographic || last.isASCIIAlphanumeric,
              let first = b.unicodeScalars.first, first.isIdeographic || first.isASCIIAlphanumeric,
              a.unicodeScalars.contains(where: \.isIdeographic) else { return false }
        return true
    }

    /// `2025年2月`, `2023年4月 主持召开…`: a deck that says when. A title
    /// names its subject; a line opening on a date is the line under it.
    static func opensWithDate(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars.prefix(8))
        guard u.count >= 7, u[0...3].allSatisfy(\.isASCIIDigit), u[4] == "年", u[5].isASCIIDigit else { return false }
        return u[6] == "月" || u[6].isASCIIDigit && u.count >= 8 && u[7] == "月"
    }

    static func startsWithDash(_ s: String) -> Bool { s.hasPrefix("——") || s.hasPrefix("—") || s.hasPrefix("--") }

    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.unicodeScalars.last else { return false }
        return last == "." || last == "!" || last == "?" || (s.count > 1 && (last == "\"" || last == "”") && s.dropLast().last == ".")
    }

    /// Set in capitals (`KMART TO BUY SEARS`): no lowercase letter, some capitals.
    static func isCapitals(_ s: String) -> Bool {
        !s.unicodeScalars.contains(where: \.isLowercaseLatin) && s.unicodeScalars.contains(where: \.isUppercaseLatin)
    }

    static func isTitleCase(_ s: String) -> Bool {
        let small: Set<String> = ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "as", "by", "with", "from", "is", "vs."]
        let words = s.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { w in w.first!.isUppercase || w.first!.isNumber || small.contains(String(w)) || !w.first!.isLetter }
    }

    /// Headline lines with each line that leaves a quote or bracket open
    /// joined to the next: a title wrapped inside its quotes is one line.
    static func joiningOpenLines(_ input: [String]) -> [String] {
        var lines: [String] = []
        for l in input {
            if let last = lines.last, leavesOpen(last) {
                lines[lines.count - 1] = joinWrapped(last, l)
            } else {
                lines.append(l)
            }
        }
        return lines
    }

    /// More opening than closing quotes or brackets.
    static func leavesOpen(_ s: String) -> Bool {
        var depth = 0
        for u in s.unicodeScalars {
            switch u {
            case "“", "（", "《", "「", "『", "【", "(": depth += 1
            case "”", "）", "》", "」", "』", "】", ")": depth -= 1
            default: break
            }
        }
        return depth > 0
    }

    static func joinWrapped(_ a: String, _ b: String) -> String {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return a + b }
        return x.isWide || y.isWide ? a + b : a + " " + b
    }

    /// Where a line of four or more space-separated clauses of three
    /// characters or more parts into two headlines set side by side, when no
    /// other evidence says (Chinese headlines are one or two clauses each):
    /// the first clause of the second half, or `nil`.
    static func halvingPoint(_ clauses: [String]) -> Int? {
        guard clauses.count >= 4, clauses.allSatisfy({ length($0) >= 3 && $0.unicodeScalars.contains(where: \.isIdeographic) }) else { return nil }
        return (clauses.count + 1) / 2
    }
}
