/// Reads the folio (the page header: page number, section, paper, date,
/// weekday) and the staff lines of a page.
///
/// The folio is the run of lines at the top of the page whose every token is a
/// folio item; it ends at the first line that is not. Staff lines
/// (`责编：钱 虹`, `本版责编：袁振喜 白之羽 张雪妍`, `责任编辑：王 静 美编：刘 洋`) are
/// recognised wherever they stand, since papers print them at the head or the
/// foot of the page.
struct FolioReader {
    var page = Page()

    /// Words a staff role ends with. A role is a short all-CJK word ending in
    /// one of these, so body text such as `她说：` is never taken for staff.
    static let roleEndings = ["编", "编辑", "制版", "校对", "版式", "设计", "摄影", "统筹", "审校", "监制",
                              "排版", "组版", "照排", "策划", "视觉", "制图", "审核", "校审", "责校", "美术", "签发"]

    /// Consumes folio lines from the top of `lines`; returns how many it took.
    ///
    /// Extractors often print the folio band one item a line (`人民日报` /
    /// `2025年10月20日 星期一` / `要闻` / `2`, or `THE MORNING LEDGER` / the
    /// date / `D1` / `SPORTS`). A bare word (`要闻`, `SPORTS`) or a paper name
    /// in capitals says nothing by itself, so it is read as the folio's when
    /// another folio line follows it (it stands inside the band), or, at the
    /// band's end, when it has the shape only a section has: two characters,
    /// or one word in capitals. Anything longer there is the first story's
    /// kicker (`科技视点`), which the band never takes.
    mutating func readHeader(_ lines: [SourceLine]) -> Int {
        var taken = 0
        var sawFolio = false
        let window = Array(lines.prefix(16))
        var i = 0
        while i < window.count {
            let line = window[i]
            defer { i += 1 }
            if line.isBlank { taken += 1; continue }
            if let end = readSpacedStaffLine(window, at: i) {
                sawFolio = true
                taken += end - i
                i = end - 1
                continue
            }
            if readStaffLine(line.raw) || readFolioLine(line.raw, first: !sawFolio) {
                sawFolio = true
                taken += 1
                continue
            }
            guard let weak = Self.weakFolioItem(line.raw), weak.isSection ? page.section == nil : page.paper == nil else { break }
            var trial = self
            if weak.isSection { trial.page.section = weak.text } else { trial.page.paper = weak.text }
            var next = trial
            let following = window[(i + 1)...].first { !$0.isBlank }
            let inBand = following.map { next.readStaffLine($0.raw) || next.readFolioLine($0.raw, first: false) } ?? false
            guard inBand || (sawFolio && weak.isSection && weak.sectionShaped) else { break }
            self = trial
            sawFolio = true
            taken += 1
        }
        return sawFolio ? taken : 0
    }

    /// A staff line whose last name is cut after one character (`本版责编：陈`),
    /// its other names printed one a line after it (`凌` / `石` / `羚` / `常` /
    /// `晋`, the folio's weekday perhaps amid them: plain `pdftotext` prints a
    /// spaced line a piece a block): the whole staff line is read, and the
    /// index after its last name returned. Only a name cut short opens the
    /// lines after it to names: a section word after a staff line is not one.
    mutating func readSpacedStaffLine(_ lines: [SourceLine], at i: Int) -> Int? {
        let raw = lines[i].raw.trimmed
        guard raw.contains(where: { $0 == "：" || $0 == ":" }), raw.count >= 2, raw[raw.count - 1].isIdeographic,
              raw[raw.count - 2] == "：" || raw[raw.count - 2] == ":" || raw[raw.count - 2].isSpaceLike else { return nil }
        var joined = raw
        var weekday: String?
        var j = i + 1, end = i + 1
        while j < lines.count {
            if lines[j].isBlank { j += 1; continue }
            if weekday == nil, page.weekday == nil, let w = Self.weekdayAlone(lines[j]) { weekday = w; j += 1; continue }
            guard Self.isNamesOnly(lines[j].raw) else { break }
            joined += [" "] + lines[j].raw.trimmed
            j += 1
            end = j
        }
        var trial = self
        guard end > i + 1, trial.readStaffLine(joined) else { return nil }
        self = trial
        if let weekday, page.weekday == nil { page.weekday = weekday }
        return end
    }

    /// A line that is a folio item only inside the band: a bare section word
    /// (≤ 6 ideographs, or one or two words in capitals) or a paper's name in
    /// capitals (`THE MORNING LEDGER`).
    static func weakFolioItem(_ raw: [Unicode.Scalar]) -> (text: String, isSection: Bool, sectionShaped: Bool)? {
        let tokens = Self.tokens(raw)
        guard let first = tokens.first else { return nil }
        if tokens.count == 1, first.count <= 6, first.allSatisfy({ $0.isIdeographic || $0 == "·" }) {
            return (first.string, true, first.count <= 2)
        }
        let capitals = tokens.allSatisfy { t in t.allSatisfy { $0.isUppercaseLatin || $0 == "&" || $0 == "-" } }
        guard capitals, tokens.joined().count <= 30 else { return nil }
        let text = tokens.map(\.string).joined(separator: " ")
        if tokens.count == 1 { return (text, true, true) }
        return tokens.count <= 4 ? (text, false, false) : nil
    }

    /// Reads the staff lines of the page body and takes them out of it.
    /// An extractor may print a staff line's names one a line (`本版责编：周`
    /// / `正` / `林` / `立`): lines of nothing but short names right after a
    /// staff line are its names. A weekday alone on a line is the folio's.
    mutating func takeStaffLines(_ lines: inout [SourceLine]) {
        var kept: [SourceLine] = []
        kept.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            // A weekday alone on a line, the folio still without one, is the
            // folio's (plain `pdftotext` may print it amid the stories).
            if page.weekday == nil, let w = Self.weekdayAlone(line) {
                page.weekday = w
                i += 1
                continue
            }
            // (Most lines have no role colon: no copy of the reader for them.)
            guard !line.isBlank, line.raw.contains(where: { $0 == "：" || $0 == ":" }) else { kept.append(line); i += 1; continue }
            var probe = self
            guard probe.readStaffLine(line.raw) else { kept.append(line); i += 1; continue }
            takeNamesAbove(from: &kept)
            probe = self
            _ = probe.readStaffLine(line.raw)
            var raw = line.raw
            var j = i + 1
            var end = i + 1
            var weekday: String?
            while j < lines.count, j < i + 16 {
                if lines[j].isBlank { j += 1; continue }
                // (The folio's weekday may stand amid the names.)
                if weekday == nil, page.weekday == nil, let w = Self.weekdayAlone(lines[j]) { weekday = w; j += 1; continue }
                guard Self.isNamesOnly(lines[j].raw) else { break }
                raw += [" "] + lines[j].raw
                j += 1
                end = j
            }
            var joined = self
            if end > i + 1, joined.readStaffLine(raw) {
                self = joined
                if let weekday, page.weekday == nil { page.weekday = weekday }
            } else {
                self = probe
                end = i + 1
            }
            i = end
        }
        lines = kept
    }

    /// Names printed right above a staff line (`张帅祯` / `赵` / `政` /
    /// `栾心怡 张宇杰` / `版式设计：沈亦伶`), nothing but blank lines between,
    /// are the names of the staff line before it, whose role the page has
    /// read already: names follow their role in print, so they cannot be the
    /// next line's, and plain `pdftotext` prints a staff line's tail a block
    /// a name, wherever its reading order puts it. Names under a reporter's
    /// role (`本报记者` / `李心萍`) are a byline's, not staff.
    private mutating func takeNamesAbove(from kept: inout [SourceLine]) {
        guard let role = page.staff.last?.role else { return }
        var start = kept.count
        var k = kept.count - 1
        while k >= 0 {
            if kept[k].isBlank { k -= 1; continue }
            guard Self.isNamesOnly(kept[k].raw) else { break }
            start = k
            k -= 1
        }
        guard start < kept.count, k < 0 || !kept[k].raw.trimmed.string.hasSuffix("记者") else { return }
        let names = kept[start...].filter { !$0.isBlank }.flatMap { Self.tokens($0.raw) }
        page.staff += Self.groupNames(names).map { StaffMember(role: role, name: $0) }
        kept.removeSubrange(start...)
    }

    /// `星期一` (or `Monday`) alone on a line.
    static func weekdayAlone(_ line: SourceLine) -> String? {
        guard line.raw.count <= 12, !line.isBlank else { return nil }
        let t = line.raw.trimmed.string
        return DateText.isWeekday(t) ? t : nil
    }

    /// A line of one to three names and nothing else (`祁嘉润`, `正`). Names
    /// are three characters at most here: a four-character word after the
    /// staff line is a kicker (`记者手记`), not a name.
    static func isNamesOnly(_ raw: [Unicode.Scalar]) -> Bool {
        let tokens = Self.tokens(raw)
        return !tokens.isEmpty && tokens.count <= 3 && tokens.allSatisfy { $0.count <= 3 && $0.allSatisfy(\.isIdeographic) }
    }

    /// Reads a line made only of staff entries. Returns false (and changes
    /// nothing) for any other line.
    mutating func readStaffLine(_ raw: [Unicode.Scalar]) -> Bool {
        guard raw.contains(where: { $0 == "：" || $0 == ":" }) else { return false }
        let line = raw.trimmed
        // Positions of the colons that end a role.
        var roles: [(role: String, nameStart: Int, roleStart: Int)] = []
        for (i, s) in line.enumerated() where s == "：" || s == ":" {
            var j = i
            while j > 0, line[j - 1].isIdeographic { j -= 1 }
            let role = Array(line[j..<i])
            guard role.count >= 2, role.count <= 6, Self.roleEndings.contains(where: { role.hasSuffix($0) }) else { return false }
            if j > 0, !line[j - 1].isSpaceLike { return false }
            roles.append((role.string, i + 1, j))
        }
        guard let first = roles.first, first.roleStart == 0 else { return false }
        var found: [StaffMember] = []
        var trailingNumber: Int?
        for (k, r) in roles.enumerated() {
            let end = k + 1 < roles.count ? roles[k + 1].roleStart : line.count
            var tokens = Self.tokens(Array(line[r.nameStart..<end]))
            if k == roles.count - 1, let last = tokens.last, let n = DecimalNumber.value(of: last, maxDigits: 3) {
                trailingNumber = n
                tokens.removeLast()
            }
            guard tokens.allSatisfy({ $0.allSatisfy { $0.isIdeographic || $0 == "·" || $0.isWordCharacter } }) else { return false }
            for name in Self.groupNames(tokens) { found.append(StaffMember(role: r.role, name: name)) }
        }
        guard !found.isEmpty else { return false }
        page.staff.append(contentsOf: found)
        if page.number == nil, let n = trailingNumber { page.number = n }
        return true
    }

    /// Two-character Chinese names are padded to three with a space (`钱 虹`):
    /// single characters pair up into one name, longer tokens are names.
    static func groupNames(_ tokens: [[Unicode.Scalar]]) -> [String] {
        var names: [String] = []
        var pending: [Unicode.Scalar] = []
        for t in tokens {
            if t.count == 1 && t[0].isIdeographic {
                pending.append(t[0])
                if pending.count == 2 { names.append(pending.string); pending = [] }
            } else {
                if !pending.isEmpty { names.append(pending.string); pending = [] }
                names.append(t.string)
            }
        }
        if !pending.isEmpty { names.append(pending.string) }
        return names
    }

    static func tokens(_ line: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var cur: [Unicode.Scalar] = []
        for s in line {
            if s.isSpaceLike { if !cur.isEmpty { out.append(cur); cur = [] } } else { cur.append(s) }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Reads a line whose every token is a folio item. `first` allows a bare
    /// short word to be the section name (only near the page number).
    mutating func readFolioLine(_ raw: [Unicode.Scalar], first: Bool) -> Bool {
        if readEnglishFolio(raw) { return true }
        var tokens = Self.tokens(raw)
        guard !tokens.isEmpty, tokens.count <= 8 else { return false }
        // Dates spaced out by justification (`2024 年 8 月 8 日`) are one token.
        var merged: [[Unicode.Scalar]] = []
        var i = 0
        while i < tokens.count {
            var best = 1
            var acc = tokens[i]
            var j = i + 1
            while j < tokens.count && j < i + 6 {
                acc += tokens[j]
                if DateText.chinese(acc) != nil { best = j - i + 1 }
                j += 1
            }
            merged.append(Array(tokens[i..<(i + best)].joined()))
            i += best
        }
        tokens = merged
        var trial = page
        var sectionCandidates: [String] = []
        for t in tokens {
            let s = t.string
            if let d = DateText.chinese(t) ?? DateText.numeric(t) {
                guard trial.date == nil else { return false }
                trial.date = d
            } else if DateText.isWeekday(s) {
                trial.weekday = s
            } else if s.hasPrefix("农历") {
                trial.lunarDate = s
            } else if let n = Self.pageNumber(t) {
                guard trial.number == nil else { return false }
                trial.number = n.number
                if let l = n.label { trial.label = l }
            } else if Self.isPaperName(t) {
                trial.paper = s
            } else if t.count <= 6, t.allSatisfy({ $0.isIdeographic || $0 == "·" }) {
                sectionCandidates.append(s)
            } else {
                return false
            }
        }
        if !sectionCandidates.isEmpty {
            // A bare word is a section only beside the other folio items, or
            // right under the page number; otherwise it is the page's first text.
            let besideOthers = tokens.count > sectionCandidates.count
            guard sectionCandidates.count == 1, trial.section == nil,
                  besideOthers || (first == false && page.number != nil && page.date == nil) || (first && tokens.count > 1)
            else { return false }
            trial.section = sectionCandidates[0]
        }
        page = trial
        return true
    }

    static func pageNumber(_ t: [Unicode.Scalar]) -> (number: Int, label: String?)? {
        if let n = DecimalNumber.value(of: t, maxDigits: 3) { return (n, nil) }
        if t.first == "第", t.last == "版", let n = DecimalNumber.value(of: t.dropFirst().dropLast(), maxDigits: 4) {
            return (n, t.string)
        }
        if t.count >= 2, t[0].isUppercaseLatin, let n = DecimalNumber.value(of: t.dropFirst(), maxDigits: 3) {
            return (n, t.string)
        }
        return nil
    }

    static func isPaperName(_ t: [Unicode.Scalar]) -> Bool {
        t.count >= 2 && t.count <= 10 && t.allSatisfy(\.isIdeographic) && t.last == "报"
    }

    /// `B3 THE EVENING POST Monday, March 3, 2025`: page label, paper name in
    /// capitals, weekday and date.
    mutating func readEnglishFolio(_ raw: [Unicode.Scalar]) -> Bool {
        let words = Self.tokens(raw).map { $0.string }
        guard let (date, range) = DateText.english(words) else { return false }
        var trial = page
        trial.date = date
        var rest = words
        rest.removeSubrange(range)
        // The page label stands first or last; the weekday right before the date.
        if let f = rest.first, let n = Self.pageNumber(Array(f.unicodeScalars)) {
            trial.number = n.number; trial.label = n.label ?? f; rest.removeFirst()
        } else if let l = rest.last, let n = Self.pageNumber(Array(l.unicodeScalars)) {
            trial.number = n.number; trial.label = n.label ?? l; rest.removeLast()
        }
        if range.lowerBound > 0, let w = Optional(words[range.lowerBound - 1].trimmingCommas), DateText.isWeekday(w),
           let k = rest.lastIndex(of: words[range.lowerBound - 1]) {
            trial.weekday = w; rest.remove(at: k)
        }
        if rest.contains("|") {
            // `SECTION | The Paper | date`: fields between bars. A field in
            // capitals is the section, one in title case the paper's name
            // (both in capitals: the paper first, as papers print it).
            let fields = rest.split(separator: "|").map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
            guard !fields.isEmpty, fields.count <= 3,
                  fields.allSatisfy({ f in f.split(separator: " ").allSatisfy { $0.first.map { $0.isUppercase || $0.isNumber } ?? false } })
            else { return false }
            let caps = fields.filter { f in !f.unicodeScalars.contains(where: \.isLowercaseLatin) }
            let named = fields.filter { f in f.unicodeScalars.contains(where: \.isLowercaseLatin) }
            if named.isEmpty {
                trial.paper = caps[0]
                if caps.count > 1 { trial.section = caps[1] }
            } else {
                trial.paper = named[0]
                if let c = caps.first { trial.section = c }
            }
            page = trial
            return true
        }
        // What is left must be capitals: the paper's name, then a section.
        guard rest.allSatisfy({ $0.unicodeScalars.allSatisfy { !$0.isLowercaseLatin } }) else { return false }
        if !rest.isEmpty {
            if let bar = rest.firstIndex(where: { $0 == "·" || $0 == "-" || $0 == "—" }) {
                trial.paper = rest[..<bar].joined(separator: " ")
                let section = rest[(bar + 1)...].joined(separator: " ")
                if !section.isEmpty { trial.section = section }
            } else {
                trial.paper = rest.joined(separator: " ")
            }
        }
        page = trial
        return true
    }
}

extension String {
    var trimmingCommas: String {
        var s = self
        while s.last == "," || s.last == "." { s.removeLast() }
        return s
    }
}
