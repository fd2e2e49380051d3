/// Groups the lines of a page body into units (paragraphs, headings, captions
/// and marks), undoing hard wraps and column breaks.
///
/// The rules read the geometry the extractor left behind. Every line is
/// measured in ems against the column measure around it (a robust local
/// estimate over nearby lines), and then:
/// - a line shorter than the measure ends its paragraph, except the first
///   line of a paragraph, which is two ems short because of the indent;
/// - a blank line alone decides nothing (extractors write them at column
///   breaks and after indented first lines);
/// - a full line that ends a sentence ends the paragraph when the next line is
///   short (an indented first line, or a heading);
/// - a line much wider than the column is a headline, caption or box, and
///   never joins the column text around it;
/// - bylines, credits, jump lines and bracketed closing marks stand alone.
struct LineFlow {
    let lines: [SourceLine]
    private(set) var measures: [Double] = []
    private let joiner: TextJoiner

    init(lines: [SourceLine]) {
        self.lines = lines
        joiner = TextJoiner(lines: lines.map(\.text))
    }

    /// How far a CJK line may fall short of the measure and still be full.
    /// Type set on the ideographic grid prints full lines at the measure or
    /// a character short (kinsoku pushes one to the next line) and indented
    /// first lines two short: halfway between parts them whatever the width
    /// of the column. (A share of the width, as before, grew past two ems in
    /// columns of 25 and more, where an indented first line passed for full.)
    static let gridTolerance = 1.5

    /// The same for line `l`: CJK is set on a grid, so its full lines differ
    /// by a character or two; Latin text is measured with typical widths of
    /// proportional type (`SourceLine.latinWidth`), which still miss a given
    /// font and its justification by a tenth or so (and an indent is a shift
    /// the extractor does not print).
    static func tolerance(_ m: Double, for l: SourceLine) -> Double {
        l.proportional ? max(gridTolerance, m * 0.15) : gridTolerance
    }

    func isFull(_ l: SourceLine, _ m: Double) -> Bool { l.stretched || l.em >= m - Self.tolerance(m, for: l) }

    /// A line that stops mid-sentence (on a character, a comma, an opening
    /// quote) rarely ends a paragraph, so it counts as full with a wider
    /// margin: justification leaves lines without punctuation an em or two
    /// shorter than lines with it.
    func isOpenEnded(_ l: SourceLine, _ m: Double) -> Bool {
        !l.text.endsSentence && l.em >= m - max(2.5, m * (l.proportional ? 0.25 : 0.15))
    }

    /// As long as a column line, give or take the grid's tolerance: neither
    /// short (a heading's line in large type) nor over the column (a
    /// headline set across columns).
    /// (The grid's tolerance even for Latin lines: a title-case line set
    /// apart is at least an em and a half off the column's length.)
    func inColumnBand(_ l: SourceLine, _ m: Double) -> Bool { abs(l.em - m) <= Self.gridTolerance }

    /// Two ems short: the length of an indented first line.
    func inIndentBand(_ l: SourceLine, _ m: Double) -> Bool {
        // Latin text prints no indent the extractor could count: only spaces tell.
        if l.proportional { return l.indent >= 1 }
        let t = Self.gridTolerance
        return l.indent >= 1 || (l.em >= m - 2 - t && l.em < m - t)
    }

    /// An indented first line whose last mark hangs past the measure
    /// (kinsoku): `绿色金融，“绿色”` is eight characters and a closing quote in a
    /// ten-character column, one em over the indent band.
    func opensWithHangingMark(_ l: SourceLine, _ m: Double) -> Bool {
        guard !l.proportional, let last = l.text.last, last.isClosingMark || last == "，" || last == "、" else { return false }
        let t = Self.gridTolerance
        return l.em - 1 >= m - 2 - t && l.em - 1 < m - t
    }

    /// Much wider than the column. Punctuation counts half here: a column
    /// line full of quotes and commas can run an em or two past the measure.
    func isWide(_ l: SourceLine, _ m: Double) -> Bool {
        // Both rules need more than m + 1 ems even before punctuation is
        // discounted: most lines stop here without a pass over their text.
        guard l.em > m + 1 else { return false }
        // Measured widths of proportional type are rough: a Latin line must
        // run well past the measure to be wider than the column.
        if l.proportional { return l.em > m * 1.3 }
        let e = l.em - 0.5 * Double(l.text.count { $0.isWidePunctuation })
        if e > m + Self.gridTolerance + 1 && e > m * 1.15 { return true }
        // CJK is set on a grid: a CJK line over the measure by more than an
        // em (punctuation still counted half) is not in the column, however
        // narrow the column. On the real pages no column line is over it at
        // all; Latin text, set in proportional type, gets no such rule. A line
        // ending on a sentence or clause mark is a column line whose mark
        // hangs past the measure (figures in it count wider than they print).
        return e > m + 1 && Self.isCJKLine(l) && !l.text.endsSentence && !Self.endsClause(l.text)
    }

    /// Plain `pdftotext` takes the hyphen off a word broken at a line's end
    /// and runs the two lines into one (`has been released on November 9,
    /// 2004 by the Mozilla`, `Eastern Africa continues to rise, passing`):
    /// under running text, a Latin line up to two columns wide that carries
    /// on an open sentence is two of its lines, not a deck or a box — any
    /// number when it goes on a word (lower case), even past a blank line (a
    /// column break). A deck under a headline's short lines runs longer; a
    /// headline follows a sentence end.
    func runTogether(_ line: SourceLine, after unit: FlowUnit, _ m: Double, next: () -> SourceLine?) -> Bool {
        guard line.proportional, unit.kind == .text, !unit.wide, !unit.headingLike,
              unit.lines.allSatisfy(\.proportional), let first = line.text.first else { return false }
        // A word in lower case goes on a sentence, whatever the width (no
        // sentence, and no headline, opens in lower case); so does a figure
        // after a line that stops on a word (`…open late since` / `1998 …`).
        if first.isLowercaseLatin { return true }
        if ("0"..."9").contains(first), unit.lines[unit.lines.count - 1].text.last?.isLowercaseLatin == true { return true }
        // A line opening with a capital: under running text only, not past
        // a blank line, with lower case in it (a line in capitals is a
        // headline), two columns wide at the most — three under a long run
        // of text when the next line goes on its sentence in lower case (a
        // headline's two or three lines are short, and a deck under them
        // runs longer; a wider line is columns side by side).
        guard unit.lines.count >= 2, !line.blankBefore, line.text.contains(where: \.isLowercaseLatin) else { return false }
        // (A figure goes on a sentence as a word does when this line stops
        // on a word in lower case: `…ruled Chile from` / `1973 until 1990`.)
        let nextFirst = next()?.text.first
        let nextGoesOn = nextFirst?.isLowercaseLatin == true
            || nextFirst.map { ("0"..."9").contains($0) } == true && line.text.last?.isLowercaseLatin == true
        // Between a sentence left open above and its next line going on in
        // lower case, a line is the sentence's at any width (`…from the
        // disaster. The` / `World Health Organization (WHO) estimates that 5
        // million` / `people lack food, water`): no deck sits inside a
        // sentence. (Running text, that is, with a sentence ended in it: a
        // headline ends no sentence, and its deck's lines go on in lower case.)
        let last = unit.lines[unit.lines.count - 1].text
        if !last.endsSentence, !Self.endsClause(last), nextFirst?.isLowercaseLatin == true,
           unit.lines.contains(where: { Self.holdsSentenceEnd($0.text) }) { return true }
        guard line.em <= m * (unit.lines.count >= 4 && nextGoesOn ? 3 : 2.15) else { return false }
        // After a sentence end it opens a paragraph, or is a headline: the
        // paragraph's when its sentence goes on in it (`…, the Rettig`, a
        // comma before a lower-case word: a headline keeps no such clause)
        // or in the next line (lower case).
        guard unit.lines[unit.lines.count - 1].text.endsSentence else { return true }
        return Self.hasClauseInLowerCase(line.text) || nextGoesOn
    }

    /// A Latin sentence ended in the line: at its end, or a full stop, `?`
    /// or `!` before a space, after a word in lower case (`disaster. The`;
    /// not an abbreviation's period, `Kmart Corp. to buy`).
    static func holdsSentenceEnd(_ t: [Unicode.Scalar]) -> Bool {
        if t.endsSentence { return true }
        guard t.count >= 3 else { return false }
        for i in 1..<(t.count - 1) where (t[i] == "." || t[i] == "?" || t[i] == "!") && t[i + 1] == " " {
            var j = i - 1
            while j > 0, t[j - 1].isLowercaseLatin { j -= 1 }
            if j < i - 1, t[j].isLowercaseLatin, j == 0 || !t[j - 1].isUppercaseLatin { return true }
        }
        return false
    }

    /// A column's label on a line of its own (`编辑手记`, `专家点评`: up to six
    /// ideographs, a unit by itself): a kicker, which stands over its title,
    /// not over text. A wrapped title's short tail (`国民党主席`) is no label.
    func isLabelSetApart(_ u: FlowUnit, after previous: FlowUnit?) -> Bool {
        guard u.lines.count == 1, let l = u.lines.first, !u.wide, !l.proportional,
              l.text.allSatisfy(\.isIdeographic), case let t = l.text.string, HeadlineParts.isLabel(t) else { return false }
        return !(previous.map { $0.kind == .text && HeadlineParts.wraps($0.text.string, into: t) } ?? false)
    }

    /// Whether `line` (line `i`), under a label, is its title: no
    /// sentence or clause ends it, and the line after it is not full (the
    /// paragraph's own first line follows; under a subhead set apart, a
    /// paragraph's first line is followed by its full second).
    private func titlesLabel(_ line: SourceLine, at i: Int, _ kinds: [FlowUnit.Kind?]) -> Bool {
        guard !line.proportional, !line.text.endsSentence, !Self.endsClause(line.text), line.text.count <= 40 else { return false }
        return followingLine(after: i, kinds).map { measuresAsFirstLine($0.line, $0.m) || opensWithHangingMark($0.line, $0.m) } ?? true
    }

    /// `…, the Rettig`: a comma and a space before a lower-case word.
    static func hasClauseInLowerCase(_ t: [Unicode.Scalar]) -> Bool {
        var k = 0
        while k + 2 < t.count {
            if t[k] == ",", t[k + 1] == " ", t[k + 2].isLowercaseLatin { return true }
            k += 1
        }
        return false
    }

    /// Two thirds of the line's letters are set on the ideographic grid (a
    /// year or a figure in a CJK line is fine; a line of Latin words is not).
    static func isCJKLine(_ l: SourceLine) -> Bool {
        l.wideCount * 3 >= l.text.count * 2
    }

    static func special(_ l: SourceLine) -> FlowUnit.Kind? {
        if let c = StoryMarks.credit(l.raw), c.before.isEmpty { return .credit(c.credit) }
        if let b = StoryMarks.topByline(l) { return .byline(b) }
        if let n = StoryMarks.paddedName(l) ?? StoryMarks.plainName(l) { return .name(n) }
        let t = l.text
        if StoryMarks.isJump(t) { return .jump(l.spaced.string) }
        if let c = StoryMarks.trailingClosing(t), c.body.isEmpty { return .closing(c.mark) }
        return nil
    }

    /// The column measure at each line: a little above the median length of
    /// the lines nearby, after dropping those far shorter or longer (last
    /// lines, headings, captions).
    mutating func estimateMeasures(_ kinds: [FlowUnit.Kind?]) {
        var ems: [Double] = []
        var owner: [Int] = []
        for (i, l) in lines.enumerated() where !l.isBlank && kinds[i] == nil {
            ems.append(l.em)
            owner.append(i)
        }
        measures = Array(repeating: 0, count: lines.count)
        guard !ems.isEmpty else { return }
        let radius = 10
        // The window of ems[p - radius ... p + radius], kept sorted as it
        // slides: one insertion and one removal per line, no sort.
        var window: [Double] = []
        window.reserveCapacity(2 * radius + 1)
        func insert(_ v: Double) {
            var k = window.count
            window.append(v)
            while k > 0, window[k - 1] > v { window[k] = window[k - 1]; k -= 1 }
            window[k] = v
        }
        // The window keeps its full size at the page's ends (it shifts
        // rather than shrinks): a few short headline lines at the foot of a
        // page must not pull the measure of its last column down.
        let size = min(ems.count, 2 * radius + 1)
        func start(_ p: Int) -> Int { min(max(0, p - radius), ems.count - size) }
        for q in 0..<size { insert(ems[q]) }
        var perEligible = [Double](repeating: 0, count: ems.count)
        for p in 0..<ems.count {
            if p > 0, start(p) > start(p - 1) {
                let gone = start(p - 1), added = start(p) + size - 1
                if let k = window.firstIndex(of: ems[gone]) { window.remove(at: k) }
                insert(ems[added])
            }
            let median = window[window.count / 2]
            // The lines near the median measure: a contiguous run of the sorted window.
            var lo = 0
            while lo < window.count, window[lo] < median * 0.7 { lo += 1 }
            var hi = lo
            while hi < window.count, window[hi] <= median * 1.35 + 1 { hi += 1 }
            let kept = hi - lo
            var measure = window[lo + min(kept - 1, (kept * 3) / 5)]
            if Self.isCJKLine(lines[owner[p]]), let full = Self.fullLength(window[lo..<hi]), full > measure { measure = full }
            perEligible[p] = measure
        }
        // Lines outside the flow take the measure of the nearest flow line.
        var p = 0
        for i in 0..<lines.count {
            while p + 1 < owner.count, owner[p + 1] <= i { p += 1 }
            measures[i] = perEligible[p]
        }
    }

    /// The length of full lines where a column of short paragraphs shows
    /// two clusters two ems apart: full lines at one length, indented first
    /// lines two ems shorter, few lines between and none longer (type set on
    /// the grid). There the commoner first lines would pass for the measure.
    /// Where punctuation is set narrow, full lines vary by an em or two and
    /// fill the lengths between: no such pair stands out. `sorted` is the
    /// window's lengths, ascending.
    static func fullLength(_ sorted: ArraySlice<Double>) -> Double? {
        guard let longest = sorted.last else { return nil }
        // The longest length three lines share.
        var k = sorted.endIndex, top: Double?, topCount = 0
        while k > sorted.startIndex {
            var b = k - 1
            while b > sorted.startIndex, sorted[b - 1] == sorted[k - 1] { b -= 1 }
            if k - b >= 3 { top = sorted[k - 1]; topCount = k - b; break }
            k = b
        }
        guard let t = top, longest <= t + 0.5 else { return nil }
        var indented = 0, between = 0
        for v in sorted {
            if v >= t - 2.25 && v <= t - 1.75 { indented += 1 } else if v > t - 1.75 && v < t - 0.25 { between += 1 }
        }
        return indented >= 3 && between < min(topCount, indented) ? t : nil
    }

    /// The units of the page body, in text order.
    mutating func units() -> [FlowUnit] {
        var kinds = lines.map { $0.isBlank ? nil : Self.special($0) }
        estimateMeasures(kinds)
        // A short line of ideographs at the end of a run of full lines that
        // stop on a character (`“生态修复贷”打通绿` / `水青山向金山银山转化` /
        // `路径`) is the tail of wrapped text, not a name on a line of its
        // own, whatever its first character. (A name under a one-line title
        // as wide as the column stays a name.)
        func previous(_ i: Int) -> Int? {
            var j = i - 1
            while j >= 0, lines[j].isBlank { j -= 1 }
            return j >= 0 ? j : nil
        }
        func wraps(_ j: Int) -> Bool {
            kinds[j] == nil && isFull(lines[j], measures[j]) && lines[j].text.last?.isIdeographic == true
        }
        for i in kinds.indices {
            guard case .name = kinds[i], StoryMarks.paddedName(lines[i]) == nil,
                  let a = previous(i), wraps(a), let b = previous(a), wraps(b) else { continue }
            kinds[i] = nil
        }
        // One ideograph alone between blank lines, next to a byline, is a
        // stray piece of a spaced name (plain `pdftotext`: `本报记者 程` … `龙`
        // … `本报记者` / `潘俊强`), not a headline.
        func next(_ i: Int) -> Int? {
            var j = i + 1
            while j < lines.count, lines[j].isBlank { j += 1 }
            return j < lines.count ? j : nil
        }
        for i in kinds.indices where kinds[i] == nil && lines[i].blankBefore && lines[i].text.count == 1 && lines[i].text[0].isIdeographic {
            guard let j = next(i), lines[j].blankBefore else { continue }
            if kinds[j]?.isByline == true || previous(i).map({ kinds[$0]?.isByline == true }) == true { kinds[i] = .name(lines[i].text.string) }
        }
        // A name alone between two lines of one sentence (`…玻璃基板，除了` /
        // `谷业凯` / `透明等要求外，…`, a full line) was set beside the column:
        // plain `pdftotext` printed a byline's name where its reading order
        // passed it. The text runs on through it, and the name goes to the
        // paper's role printed alone before it (`本报记者`), when that is the
        // last byline read.
        var strayNames = Set<Int>()
        for i in kinds.indices {
            guard case .name = kinds[i], let a = previous(i), let b = next(i), kinds[a] == nil, kinds[b] == nil,
                  let last = lines[a].text.last, last.isIdeographic, !lines[a].proportional, !lines[b].proportional,
                  isFull(lines[b], measures[b]) || isOpenEnded(lines[b], measures[b]) else { continue }
            strayNames.insert(i)
        }
        var units: [FlowUnit] = []
        var current: FlowUnit?
        var currentEnded = false

        func flush() {
            if var u = current { finish(&u); units.append(u) }
            current = nil
            currentEnded = false
        }

        var taken = -1  // lines read ahead (an English byline's wrap and role)
        for (i, line) in lines.enumerated() where !line.isBlank && i > taken {
            let m = measures[i]
            if strayNames.contains(i), case .name(let name)? = kinds[i],
               let b = units.lastIndex(where: { $0.kind.isByline }), case .byline(let role) = units[b].kind, StoryMarks.isRoleAlone(role) {
                units[b].kind = .byline(role + name)
                units[b].lines.append(line)
                continue
            }
            if let k = kinds[i] {
                flush()
                var u = FlowUnit(kind: k, lines: [line])
                u.measure = m
                if case .byline(let name) = k, line.proportional {
                    taken = readEnglishByline(&u, name: name, from: i + 1, into: &units)
                    continue
                }
                units.append(u)
                continue
            }
            let wide = isWide(line, m) && !(current.map { runTogether(line, after: $0, m, next: { followingLine(after: i, kinds)?.line }) } ?? false)
            // A headline of clauses, or a title-case line, stands alone where
            // a sentence has just ended. (Headline type is large: a Latin
            // line as full as the column's is running text in any case.) Mid-sentence, a space between two
            // CJK runs is justification (`“世界市长对话 景德镇暨`), and a line of
            // names in capitals goes on the sentence that has begun.
            let afterSentence = current.map { currentEnded || $0.lines[$0.lines.count - 1].text.endsSentence } ?? true
            // `——编 者` signs the editor's note above it: it ends that paragraph.
            if let cur = current, !cur.wide, StoryMarks.isEditorsSignature(line.text) {
                current!.lines.append(line)
                currentEnded = true
                continue
            }
            let underLabel = currentEnded && current.map { isLabelSetApart($0, after: units.last) } ?? false
                && titlesLabel(line, at: i, kinds)
            // Right after a text signed at its end — an editor's note
            // (`——编者`), a story closed by its bracketed byline (`（任仲平）`)
            // — a line that is no sentence and shorter than a column line is
            // a headline (the text's own, drawn after it, or the next story's).
            let signedAbove: Bool = {
                if let c = current {
                    let last = c.lines[c.lines.count - 1].text
                    guard currentEnded else { return false }
                    if StoryMarks.endsWithEditorsSignature(last) { return true }
                    if case .byline? = StoryMarks.trailingClosing(last)?.mark { return true }
                    return false
                }
                if case .closing(.byline)? = units.last?.kind { return true }
                return false
            }()
            // (Over a full line of text it is the next story's first line,
            // drawn body first: a headline stands over a paragraph's start,
            // another headline line, or a byline.)
            let afterSignedNote = signedAbove && !line.proportional && !line.text.endsSentence && !Self.endsClause(line.text)
                && !isFull(line, m) && startsUnder(i, kinds)
            let headline = afterSentence && !runsIntoText(line, at: i, kinds) && !line.opensDateline
                && (isClauseHeadline(line) || line.isTitleCase && !line.text.endsSentence && !wide && !inColumnBand(line, m) || underLabel
                    || afterSignedNote)
            // No Latin sentence opens in lower case: after a period that
            // ended a short line (an abbreviation's, `Kmart Corp.`), a line
            // in lower case with no blank line between goes on the text.
            let goesOnAbbreviation = currentEnded && !wide && !line.blankBefore && line.proportional && line.text.first?.isLowercaseLatin == true
                && current.map { $0.kind == .text && !$0.headingLike && !$0.wide && $0.lines[$0.lines.count - 1].text.last == "." } == true
            if goesOnAbbreviation
                || !headline && !currentEnded && current.map({ continues($0, with: line, wide: wide, m: m, at: i, kinds) }) == true {
                current!.lines.append(line)
            } else {
                flush()
                var u = FlowUnit(kind: .text, lines: [line])
                u.wide = wide
                u.measure = m
                current = u
            }
            currentEnded = headline || endsUnit(current!, m: m) && !runsIntoText(line, at: i, kinds)
        }
        flush()
        splitHeadingTails(&units)
        splitTitlesAboveBylines(&units)
        markHeadlinesAboveBylines(&units)
        return units
    }

    /// A paragraph ends on a sentence end. When a unit's last line is short
    /// and ends neither a sentence nor a clause, and a paragraph starts right
    /// after it, the lines after the unit's last sentence end (all of them,
    /// up to three, when none ends a sentence) are a heading that ran into the
    /// paragraph above or read as one: in a narrow column, subhead lines
    /// (`老盛的“舍得”——` / `“两山白茶贷”助力茶` / `产业绿色环保发展`) are as long
    /// as the column's, or as an indented first line.
    private func splitHeadingTails(_ units: inout [FlowUnit]) {
        var i = 0
        while i + 1 < units.count {
            defer { i += 1 }
            let u = units[i], next = units[i + 1]
            guard u.kind == .text, !u.wide, !u.headingLike, u.credit == nil, u.closing == nil,
                  u.lead == nil, let last = u.lines.last, !isFull(last, u.measure), !last.text.endsSentence, !Self.endsClause(last.text),
                  !StoryMarks.isEditorsSignature(last.text), let first = next.lines.first else { continue }
            let end = u.lines.lastIndex(where: { $0.text.endsSentence })
            let nextIsText = next.kind == .text && !next.wide
            if nextIsText, inIndentBand(first, next.measure) {
                guard let end else {
                    // No sentence end at all: the whole unit is the heading.
                    if u.lines.count <= 3, !u.text.isEmpty, u.text.count <= 64 { units[i].headingLike = true }
                    continue
                }
                if u.lines.count - end - 1 <= 3, !inIndentBand(u.lines[end + 1], u.measure), let parts = splitOff(u, after: end) {
                    units.replaceSubrange(i...i, with: [parts.body, parts.heading])
                    i += 1
                    continue
                }
            }
            // A paragraph carried over a column break (a blank line) goes on
            // in lines of a paragraph: when what follows the break ends open
            // and short, it was never the paragraph's (a headline printed
            // after a column the extractor left unfinished). A one-line
            // paragraph (short, ending its sentence) opens the text under it
            // as well as an indented line does; so does a blank line under
            // one line that stops on a character (a block of its own:
            // `好政策让人心里温暖`; a note's bracket may close a paragraph).
            // (A headline is a phrase: a word or two left over is the
            // paragraph's tail, whatever mark it lacks; and it holds no
            // sentence end.)
            guard let cut = u.lines.lastIndex(where: \.blankBefore), cut > 0, u.lines.count - cut <= 3, end.map({ $0 < cut - 1 }) ?? true,
                  u.lines[cut...].reduce(0, { $0 + $1.text.count }) >= 4,
                  !u.lines[cut...].contains(where: { $0.text.contains { s in s == "。" || s == "！" || s == "？" } }),
                  nextIsText && (inIndentBand(first, next.measure) || first.text.endsSentence && first.em < next.measure - 2 - Self.gridTolerance)
                    || first.blankBefore && cut == u.lines.count - 1 && last.text.last?.isIdeographic == true,
                  let parts = splitOff(u, after: cut - 1) else { continue }
            units.replaceSubrange(i...i, with: [parts.body, parts.heading])
            i += 1
        }
    }

    /// A title as long as the column (`“要把全面深化改革作为…根本动力”` in a
    /// column of 25) reads as a full line going on from the paragraph above.
    /// When the unit then stops on neither a sentence end nor a clause and a
    /// subtitle set wider than the column and a byline come next, the lines
    /// after its last sentence end (one or two) are the next story's title:
    /// a paragraph does not stop mid-sentence to give way to a headline.
    /// (A byline alone next to a paragraph's full last line may be a column
    /// break's doing: that changes nothing.)
    ///
    /// Where the extractor writes blank lines between blocks (plain
    /// `pdftotext`, MuPDF), a short title right above a byline may run on
    /// from a paragraph cut mid-sentence by a column break (`…国家战略科技
    /// 力量、社会` / blank / `战略科技持续壮大` / `本报记者`): its lines after the
    /// blank, one or two ending short, are the title, for the same reason.
    private func splitTitlesAboveBylines(_ units: inout [FlowUnit]) {
        var i = 0
        while i + 1 < units.count {
            defer { i += 1 }
            let u = units[i]
            guard u.kind == .text, !u.wide, !u.headingLike, u.credit == nil, u.closing == nil,
                  u.lines.count >= 2, let last = u.lines.last, !last.text.endsSentence, !Self.endsClause(last.text) else { continue }
            let end: Int
            if i + 2 < units.count, units[i + 1].kind == .text, units[i + 1].wide, units[i + 1].credit == nil,
               case .byline = units[i + 2].kind, let e = u.lines.lastIndex(where: { $0.text.endsSentence }), u.lines.count - e - 1 <= 2 {
                end = e
            } else if case .byline = units[i + 1].kind, !isFull(last, u.measure), !isOpenEnded(last, u.measure),
                      let b = u.lines.lastIndex(where: \.blankBefore), b > 0, u.lines.count - b <= 2,
                      isFull(u.lines[b - 1], u.measure) || isOpenEnded(u.lines[b - 1], u.measure) {
                end = b - 1
            } else {
                continue
            }
            guard let parts = splitOff(u, after: end) else { continue }
            units.replaceSubrange(i...i, with: [parts.body, parts.heading])
            i += 1
        }
    }

    /// Unit `u` parted after its line `end`: the text, and the heading that
    /// ran into it (nil when that is too long for a heading, or opens with a
    /// dateline).
    private func splitOff(_ u: FlowUnit, after end: Int) -> (body: FlowUnit, heading: FlowUnit)? {
        var body = FlowUnit(kind: .text, lines: Array(u.lines[...end]))
        var heading = FlowUnit(kind: .text, lines: Array(u.lines[(end + 1)...]))
        body.measure = u.measure
        heading.measure = u.measure
        finish(&body)
        finish(&heading)
        guard heading.text.count <= 64, heading.lead == nil else { return nil }
        heading.headingLike = true
        return (body, heading)
    }

    /// A short text right above a byline that does not end a sentence is the
    /// story's headline (a kicker on its title, with no blank line between,
    /// reads like a paragraph's indented first line and its last line). A
    /// paragraph cut by a column break ends on a full line instead.
    ///
    /// An English headline right above its deck (a sentence set wider than
    /// the column) is read the same way: running text never stops without a
    /// sentence end before a wider block. In a narrow ragged column the
    /// headline's lines are as long as the column's, so their length is no
    /// test there.
    private func markHeadlinesAboveBylines(_ units: inout [FlowUnit]) {
        for i in units.indices.dropLast() {
            let u = units[i], next = units[i + 1]
            let aboveDeck = next.kind == .text && next.wide && next.credit == nil && next.lines[0].proportional
                && next.text.endsSentence && u.lines.count <= 3 && u.lines.allSatisfy(\.proportional)
            if aboveDeck, u.kind == .text, !u.headingLike, !u.wide, u.credit == nil, u.closing == nil, u.lead == nil,
               !u.text.isEmpty, u.text.count <= 80, !u.text.endsSentence, !u.lines[u.lines.count - 1].goesOn {
                units[i].headingLike = true
                continue
            }
            // The same in CJK above a subtitle set wider than the column and a
            // byline (`“十四五”的发展镜头` / `一户家庭开启智能新生活` in a narrow
            // column, over `2020年至2024年，…` and `本报记者 王崟欣`): text
            // that stops mid-sentence to give way to them is the headline.
            if i + 2 < units.count, case .byline = units[i + 2].kind, next.kind == .text, next.wide, next.credit == nil,
               !next.lines[0].proportional, !next.text.endsSentence, u.kind == .text, !u.headingLike, !u.wide,
               u.credit == nil, u.closing == nil, u.lead == nil, u.lines.count <= 3, !u.lines[0].proportional,
               !u.text.isEmpty, u.text.count <= 64, !u.text.endsSentence, !Self.endsClause(u.text) {
                units[i].headingLike = true
                continue
            }
            guard case .byline = next.kind else { continue }
            // (At the top of the page body no column break can have cut a
            // paragraph: a full last line there is a headline's too.)
            guard u.kind == .text, !u.headingLike, !u.wide, u.credit == nil, u.closing == nil, u.lead == nil,
                  u.lines.count <= 3, !u.text.isEmpty, u.text.count <= 64, !u.text.endsSentence, !Self.endsClause(u.text),
                  let last = u.lines.last,
                  i == 0 || !isFull(last, u.measure) && !isOpenEnded(last, u.measure) || Self.isSeriesLabelOver(u.lines) else { continue }
            units[i].headingLike = true
        }
    }

    /// An English byline wraps in a narrow column (`By WIKINEWS` /
    /// `CONTRIBUTORS`), and its role line too (`Special to The Morning` /
    /// `Ledger`). Lines in capitals right under it are more of its names;
    /// then up to two lines whose every word of four letters or more is
    /// capitalised, with no sentence end, are its role (the body's first
    /// line is in sentence case). Appends the byline and the role; returns
    /// the last line taken.
    private func readEnglishByline(_ byline: inout FlowUnit, name: String, from start: Int, into units: inout [FlowUnit]) -> Int {
        var name = name
        var j = start
        func next() -> Int? {
            var k = j
            while k < lines.count, lines[k].isBlank { k += 1 }
            return k < lines.count ? k : nil
        }
        func words(_ l: SourceLine) -> [Substring] { String(String.UnicodeScalarView(l.text)).split(separator: " ") }
        while let k = next(), Self.special(lines[k]) == nil, lines[k].proportional, !lines[k].text.endsSentence,
              !lines[k].text.contains(where: \.isLowercaseLatin), (1...4).contains(words(lines[k]).count), name.count < 60 {
            name += " " + lines[k].text.string
            byline.lines.append(lines[k])
            j = k + 1
        }
        byline.kind = .byline(name)
        units.append(byline)
        var role: [SourceLine] = []
        while role.count < 2, let k = next(), Self.special(lines[k]) == nil, lines[k].proportional, !lines[k].text.endsSentence,
              !lines[k].goesOn, lines[k].text.count <= 40, !lines[k].opensDateline {
            let long = words(lines[k]).filter { $0.count >= 4 }
            guard !long.isEmpty, long.allSatisfy({ $0.first!.isUppercase }) else { break }
            role.append(lines[k])
            j = k + 1
        }
        if !role.isEmpty {
            var u = FlowUnit(kind: .text, lines: role)
            u.measure = byline.measure
            u.text = Array(role.map(\.text).joined(separator: [" "]))
            u.headingLike = true
            units.append(u)
        }
        return j - 1
    }

    /// A Latin line that stops where a sentence cannot (`…O'Neal and`) over
    /// a line of running text is running text itself, whatever its case. A
    /// headline line may stop so too (`tough ahead of`), but a headline's
    /// next line is short.
    func runsIntoText(_ line: SourceLine, at i: Int, _ kinds: [FlowUnit.Kind?]) -> Bool {
        guard line.goesOn, let n = followingLine(after: i, kinds) else { return false }
        return isFull(n.line, n.m) || isOpenEnded(n.line, n.m)
    }

    /// A headline of clauses parted by a space stands alone: it neither
    /// continues nor is continued, whatever its length.
    func isClauseHeadline(_ line: SourceLine) -> Bool {
        line.hasClauseSpace && !line.text.endsSentence && line.text.count <= 40
            && StoryMarks.credit(line.raw) == nil && StoryMarks.lead(line.text, spacedStart: line.raw.trimmed) == nil
    }

    /// The next line of text after line `i` with its measure, `nil` when a
    /// mark (byline, credit, …) or the end of the page comes first.
    private func followingLine(after i: Int, _ kinds: [FlowUnit.Kind?]) -> (line: SourceLine, m: Double)? {
        followingIndex(after: i, kinds).map { (lines[$0], measures[$0]) }
    }

    /// The index of the next line of text after line `i`, `nil` when a mark
    /// or the end of the page comes first.
    private func followingIndex(after i: Int, _ kinds: [FlowUnit.Kind?]) -> Int? {
        var j = i + 1
        while j < lines.count, lines[j].isBlank { j += 1 }
        guard j < lines.count, kinds[j] == nil else { return nil }
        return j
    }

    /// A line that may be a paragraph's first line as printed: short of the
    /// column, or full only because its opening quote mark sits in the indent.
    private func measuresAsFirstLine(_ l: SourceLine, _ m: Double) -> Bool {
        !isFull(l, m) || l.text.first == "“"
    }

    /// Whether a paragraph's start, or a headline's line over one, comes
    /// right under line `i`: a line short of the column, one opened by a
    /// quote mark set in the indent, or a full line that ends no sentence or
    /// clause over an indented one (a headline as wide as the column); or a
    /// mark (a byline), or the page's end.
    private func startsUnder(_ i: Int, _ kinds: [FlowUnit.Kind?]) -> Bool {
        guard let j = followingIndex(after: i, kinds) else { return true }
        let l = lines[j], m = measures[j]
        if measuresAsFirstLine(l, m) { return true }
        guard !l.text.endsSentence, !Self.endsClause(l.text), let k = followingIndex(after: j, kinds) else { return false }
        return inIndentBand(lines[k], measures[k])
    }

    /// Whether `line` (line `i` of the page) carries on the paragraph `unit`,
    /// whose last line is open.
    private func continues(_ unit: FlowUnit, with line: SourceLine, wide: Bool, m: Double,
                           at i: Int, _ kinds: [FlowUnit.Kind?]) -> Bool {
        let a = unit.lines[unit.lines.count - 1]
        if unit.wide {
            // Boxes and captions are not split by column breaks: a blank line ends them.
            if line.blankBefore { return false }
            if wide { return true }
            let wm = unit.lines.map(\.em).max()!
            let lastLine = StoryMarks.credit(line.raw) != nil || (line.text.endsSentence && line.em < wm * 0.6)
            return !a.text.endsSentence && a.em >= wm - Self.gridTolerance && lastLine
        }
        if wide { return false }
        // A headline in capitals ends at a blank line: a block in lower case
        // after it is not its words (plain `pdftotext` prints side-by-side
        // headlines one block after the other: `KMART TO BUY SEARS` / `FOR
        // US$11 BILLION` / blank / `Firefox 1.0 Internet Browser`).
        // (A dateline's place in capitals ends on its comma: `UNITED STATES,`.)
        if line.blankBefore, line.proportional, !Self.endsClause(a.text), line.text.contains(where: \.isLowercaseLatin),
           unit.lines.allSatisfy({ l in l.proportional && !l.text.contains(where: \.isLowercaseLatin) }) { return false }
        // A Chinese dateline lead (`本报南昌10月19日电`) opens a story: no
        // paragraph runs into one, whatever the line before it ends on.
        if line.text.first?.isIdeographic == true, StoryMarks.lead(line.text, spacedStart: line.raw) != nil { return false }
        // Leading spaces deeper than the line above mark a new paragraph.
        if line.indent >= a.indent + 1 { return false }
        // `——写在…之际` under a one-line headline is its subtitle.
        if unit.lines.count == 1, line.text.hasPrefix("——"), !a.text.endsSentence, !inIndentBand(a, m) { return false }
        // A dash-led line two ems short opens a paragraph only when a full
        // line, or a last line, carries it on; over an indented line or a
        // heading it is a subtitle.
        if unit.lines.count == 1, a.text.hasPrefix("——"), !a.text.endsSentence, !isFull(a, m),
           !isFull(line, m), !isOpenEnded(line, m), !(line.text.endsSentence && !inIndentBand(line, m)) { return false }
        let startsParagraph = (inIndentBand(line, m) || opensWithHangingMark(line, m)) && !line.text.endsSentence
        if a.text.endsSentence {
            // After a sentence end: an indented line starts a paragraph, a
            // short line without a sentence end is a heading, and a short line
            // with one is the paragraph's last line.
            if startsParagraph { return false }
            // (In Latin text a short line is a heading only in title case.)
            // (A Latin line must not run on into running text: `Library opens a`
            // over `tool lending shelf` is a headline, over a full line text.)
            if !isFull(line, m) && !line.text.endsSentence && !runsIntoText(line, at: i, kinds) { return false }
            // An English dateline (`BRISBANE, Australia, November`) opens a paragraph.
            if line.opensDateline { return false }
            // A one-line paragraph two ems short is followed by an indented
            // line, not by a full one.
            if unit.lines.count == 1 && inIndentBand(a, m) && !isFull(line, m) { return false }
            if StoryMarks.lead(line.text, spacedStart: line.raw) != nil { return false }
            // Justified Latin text fills every line but a paragraph's last:
            // a line with room left for the next line's first word was
            // indented, and opens a paragraph (`-raw` prints no indent).
            if line.proportional, line.text.first?.isUppercaseLatin == true, !line.text.endsSentence,
               let n = followingLine(after: i, kinds), n.line.proportional, Self.hasRoom(line, for: n.line, m) { return false }
            // A quotation that opens the next column right after a sentence
            // end starts a paragraph: the quote mark sits in the indent,
            // so the line measures full (`“首接引导员”已成为…`).
            if line.blankBefore, !line.proportional, line.text.first == "“" { return false }
            // A line two ems short but for the full stop hung past its end
            // (`日益激烈的实习竞争还形成了灰色产业。`), over a full line: a
            // paragraph's first line holding its first sentence whole (a
            // line inside a paragraph is full, one ending it is not followed
            // by a full line).
            if !line.proportional, let last = line.text.last, last == "。" || last == "！" || last == "？",
               line.em - 1 >= m - 2 - Self.gridTolerance / 3, line.em - 1 < m - 1,
               let n = followingLine(after: i, kinds), isFull(n.line, n.m), !n.line.text.endsSentence { return false }
        } else if !isFull(a, m) && startsParagraph && !(unit.lines.count == 1 && inIndentBand(a, m) && secondLine(line, after: a)) {
            // A line a little short but open-ended carries on, unless a
            // paragraph visibly starts after it. After a lone line two ems
            // short, a line as short is a first line too (the lone line a
            // heading: `引领未来，中国做对了什么` over `每逢重大历史关头，中国共`),
            // unless it may be the first line's continuation.
            return false
        } else if unit.lines.count == 1, startsParagraph, !inIndentBand(a, m), isFull(a, m), !Self.endsClause(a.text),
                  let n = followingLine(after: i, kinds), !isWide(n.line, n.m), !(inIndentBand(n.line, n.m) && !n.line.text.endsSentence),
                  isFull(n.line, n.m) || isOpenEnded(n.line, n.m) || n.line.text.endsSentence {
            // A unit that opens with a full line is not a paragraph (those open
            // two ems short); when a paragraph starts right under it, without
            // a sentence end between, it is a headline as wide as the column.
            // The paragraph must go on as one does (a full line, or its last
            // line): a second paragraph start means `line` ends a wrapped
            // headline.
            return false
        } else if unit.lines.count == 1, a.blankBefore, line.blankBefore, !a.proportional, a.em >= m + 1,
                  !a.text.endsSentence, !Self.endsClause(a.text) {
            // A unit opened by a line longer than the column's standing
            // alone between blank lines is a headline: CJK column lines keep
            // to the grid (its quotes counted whole, not as the `wide` test
            // counts them), and plain `pdftotext` prints a headline as a
            // block of its own (`“守护好前人留给我们的宝贵财富”` between two
            // columns). (MuPDF's blank line after a first line follows a
            // line no longer than the column's.)
            return false
        }
        return true
    }

    /// Whether `line`, two ems short like the first line `first` above it,
    /// may still be that paragraph's second line: a second line is full,
    /// two ems longer than the first. It is, when it measures clearly longer
    /// than the first (punctuation set narrow makes full lines vary by an em
    /// or two), or holds what may measure short.
    func secondLine(_ line: SourceLine, after first: SourceLine) -> Bool {
        line.em >= first.em + Self.gridTolerance || Self.mayMeasureShort(line.text)
    }

    /// Whether `line` left room, within the measure, for the first word of
    /// `next` and a space before it (widths of proportional type; the
    /// measure is already a little above the typical full line).
    static func hasRoom(_ line: SourceLine, for next: SourceLine, _ m: Double) -> Bool {
        let word = next.text.prefix { $0 != " " }
        guard !word.isEmpty else { return false }
        let width = word.reduce(0) { $0 + SourceLine.latinWidth($1) }
        return line.em + SourceLine.latinWidth(" ") + width <= m
    }

    /// A series label (`总书记的关切·落地的回响`: a name and a theme parted by
    /// `·`, no other mark) over one more line: a kicker over its title,
    /// however full the title's line (a column line is not opened by a
    /// label).
    static func isSeriesLabelOver(_ lines: [SourceLine]) -> Bool {
        guard lines.count == 2, !lines[1].text.endsSentence else { return false }
        let t = lines[0].text
        let parts = t.split(separator: "·")
        return parts.count == 2 && parts.allSatisfy { $0.count >= 2 && $0.allSatisfy { $0.isIdeographic || $0 == "“" || $0 == "”" } }
    }

    /// Holds what type sets narrower or wider than the em counted for it:
    /// Latin letters and figures, quotation marks and brackets (half-width
    /// in many Chinese fonts). Such a line may be a full line that measures
    /// two ems short. (A quotation mark that opens the line does not count:
    /// a line that opens with one opens a paragraph far more often than it
    /// carries one on.)
    static func mayMeasureShort(_ t: [Unicode.Scalar]) -> Bool {
        t.dropFirst().contains { s in
            s.isASCIIAlphanumeric || "“”‘’《》（）〈〉「」【】".unicodeScalars.contains(s)
        } || t.first?.isASCIIAlphanumeric == true
    }

    /// Ends on a comma, enumeration comma, semicolon or colon: text that goes
    /// on (a paragraph may end on a colon before a list), never a headline.
    /// A sentence ended inside the text and a clause left open at its end
    /// (`“现在通关更方便了。”重庆江津区小南垭站，`): a paragraph's opening
    /// line, never a heading, which ends no sentence to go on after it.
    static func opensParagraph(_ t: [Unicode.Scalar]) -> Bool {
        guard endsClause(t), t.count >= 3 else { return false }
        return t.dropLast().contains { $0 == "。" || $0 == "！" || $0 == "？" }
    }

    static func endsClause(_ t: [Unicode.Scalar]) -> Bool {
        guard let last = t.last else { return false }
        switch last {
        case "，", "、", "；", "：", ",", ";", ":": return true
        default: return false
        }
    }

    /// Whether the unit's last line closes it whatever follows.
    private func endsUnit(_ unit: FlowUnit, m: Double) -> Bool {
        let a = unit.lines[unit.lines.count - 1]
        // An editor's text signed at its end (`…新变化。——编者`) is finished.
        if StoryMarks.endsWithEditorsSignature(a.text) { return true }
        if let c = StoryMarks.credit(a.raw), !c.before.isEmpty { return true }
        if StoryMarks.trailingClosing(a.text) != nil { return true }
        // A note in brackets after a sentence end, wrapped over lines
        // (`（作者为商务部研究院副研究` / `员，本报记者王珂采访整理）`), ends
        // the story's text like a one-line one.
        if unit.lines.count > 1, a.text.last == "）" || a.text.last == ")" {
            let tail = unit.lines.suffix(3)
            let text = tail.flatMap(\.text)
            if let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }), text.count - open <= 48 {
                // What comes before the note: in these lines, or the line before them.
                let before = open > 0 ? Array(text[..<open]) : tail.startIndex > 0 ? unit.lines[tail.startIndex - 1].text : []
                if before.isEmpty || before.endsSentence { return true }
            }
        }
        if unit.wide { return false }
        // `——写在…之际` stands alone; a dash-led line as full as the column,
        // or two ems short as a paragraph's first line is, opens a paragraph
        // with a dash (`——用8年时间…`): `continues` asks the next line.
        if unit.lines.count == 1, a.text.hasPrefix("——"), !a.text.endsSentence, !isFull(a, m), !inIndentBand(a, m) { return true }
        if isFull(a, m) || isOpenEnded(a, m) { return false }
        // A Latin line of running text that stops on `and` or a hyphen goes
        // on, however short a narrow ragged column left it. (A headline's
        // lines, short from the first, may stop on `of`: they end.)
        if a.goesOn, unit.lines.count > 1 || isFull(unit.lines[0], m) { return false }
        // English running text ends its paragraphs on a sentence end: in a
        // narrow ragged column a line stopped on a word or a comma
        // (`Chris Martin, Robbie` / `Williams, Bono, Justin`) goes on,
        // however short.
        if a.proportional, unit.lines.count > 2, let last = a.text.last,
           last.isASCIIAlphanumeric || last == "," { return false }
        // `RIVERTON, Ohio, March` goes on to its date and dash on the next line.
        if unit.lines.count == 1, a.opensDateline, !a.text.endsSentence { return false }
        // An indented first line is open even at a sentence end; `continues`
        // then asks the next line.
        let openFirstLine = unit.lines.count == 1 && inIndentBand(a, m)
        return !openFirstLine
    }

    /// Joins the unit's text and reads its marks.
    private func finish(_ u: inout FlowUnit) {
        guard u.kind == .text else { return }
        var lineTexts = u.lines.map(\.text)
        if let c = StoryMarks.credit(u.lines[u.lines.count - 1].raw) {
            u.credit = c.credit
            lineTexts[lineTexts.count - 1] = SourceLine(number: 0, raw: c.before, blankBefore: false).text
        }
        var text = joiner.join(lineTexts)
        if u.credit == nil, let c = StoryMarks.trailingClosing(text) {
            u.closing = c.mark
            text = c.body
        }
        u.text = text
        // An English dateline broken over two lines is read on both.
        let opening = u.lines[0].opensDateline && u.lines.count > 1 ? u.lines[0].raw.trimmed + [" "] + u.lines[1].raw.trimmed : u.lines[0].raw.trimmed
        u.lead = StoryMarks.lead(text, spacedStart: opening)
        let first = u.lines[0]
        // (A note wholly in brackets, `（作者为…采访整理）`, is no heading.)
        let bracketed = text.first == "（" && text.last == "）"
        u.headingLike = u.credit == nil && u.closing == nil && u.lead == nil && !text.isEmpty && !first.opensDateline && !bracketed
            && !text.endsSentence && !Self.opensParagraph(text) && text.count <= (u.wide && u.lines[0].proportional ? 120 : 64)
            && (u.lines.count == 1 || u.wide || isFull(first, u.measure))
    }
}
