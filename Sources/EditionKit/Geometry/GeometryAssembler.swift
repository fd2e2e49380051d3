/// Turns the lines of a page, in reading order and with their type sizes
/// and frames, into stories.
///
/// - A **headline group** forms round each run of lines set markedly larger
///   than the body (1.35× or more): lines just above it set larger than the
///   body are its kicker, lines under it its subtitle or deck, bylines under
///   it (at any size) its byline. The largest lines are the title.
/// - The **body** is everything up to the next group: a line indented from
///   its frame starts a paragraph (paragraphs run on across columns and past
///   photos); a line centred in its column, or set larger than the body,
///   is a subhead, and so is a flush run set off by space mid-column; lines
///   set smaller, or a short leaf ending (or opening) with a credit, are a
///   photo's caption and credit.
/// - Pull quotes (display type in quotes inside a column) are no headline;
///   an advertisement (its label beside it) is an untitled item of its own.
/// - Lines before the first headline are a story of their own, untitled.
/// docs/format.md ("PDF editions") gives each rule and its reason.
struct GeometryAssembler {
    typealias Line = GeometryParser.Line

    let lines: [Line]
    let bodySize: Double
    /// The usual first-line indent of a paragraph, in points.
    let indent: Double
    let joiner: TextJoiner
    /// Lines of pull quotes (set by `groups()`).
    var pullQuotes = Set<Int>()

    /// The least white space that parts two rows (`ReadingOrder.rowGap`).
    let rowGap: Double
    /// Where each line's leaf of the reading order ends.
    let leafEnd: [Int]

    init(lines: [Line], bodySize: Double, rowGap: Double) {
        self.lines = lines
        self.bodySize = bodySize
        self.rowGap = rowGap
        var ends = Array(repeating: lines.count, count: lines.count)
        var end = lines.count
        for k in lines.indices.reversed() {
            ends[k] = end
            if lines[k].leafStart { end = k }
        }
        leafEnd = ends
        var offsets = lines.filter { Self.ratio($0, bodySize) < 1.08 && $0.left > 0.5 * $0.size && $0.left < 4 * $0.size }
            .map { ($0.left / $0.size * 4).rounded() / 4 * $0.size }
        offsets.sort()
        indent = offsets.isEmpty ? 2 * bodySize : offsets[offsets.count / 2]
        joiner = TextJoiner(lines: lines.map(\.source.text))
    }

    static func ratio(_ l: Line, _ body: Double) -> Double { l.size / body }
    func isHeadline(_ l: Line) -> Bool { Self.ratio(l, bodySize) >= 1.35 }
    func isRaised(_ l: Line) -> Bool { Self.ratio(l, bodySize) >= 1.08 }
    func isSmall(_ l: Line) -> Bool { Self.ratio(l, bodySize) <= 0.93 }

    /// A byline line: `本报记者 王崟欣`, `By Jane Doe`, a name alone.
    func byline(_ l: Line) -> String? {
        if let b = StoryMarks.topByline(l.source) { return b }
        if let b = StoryMarks.englishByline(l.source.text) { return b }
        return StoryMarks.paddedName(l.source) ?? StoryMarks.plainName(l.source)
    }

    /// `Staff Writer` under `By Jane Doe`.
    func isRoleLine(_ l: Line) -> Bool {
        let t = l.source.text
        return l.source.proportional && t.count <= 48 && t.first?.isUppercaseLatin == true && !t.endsSentence
    }

    /// The spans of the headline groups, in reading order.
    mutating func groups() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < lines.count {
            guard isHeadline(lines[i]), byline(lines[i]) == nil else { i += 1; continue }
            var start = i
            let floor = out.last?.upperBound ?? 0
            while start > floor, isRaised(lines[start - 1]), byline(lines[start - 1]) == nil,
                  !StoryMarks.isJump(lines[start - 1].source.text) {
                start -= 1
            }
            var end = i + 1
            while end < lines.count {
                let l = lines[end]
                if byline(l) != nil {
                    end += 1
                    end += bylineBand(after: end - 1)
                    break
                }
                guard isRaised(l) else { break }
                end += 1
            }
            if isPullQuote(start..<end) {
                pullQuotes.formUnion(start..<end)
            } else {
                out.append(start..<end)
            }
            i = end
        }
        return out
    }

    /// A pull quote: display type in quotation marks, with no byline, set
    /// inside a column right under the column's running text (a headline
    /// opens its own region; it never stands under another story's line
    /// in the same column). Its words repeat the story's: it is not a
    /// headline, and it does not break the paragraph around it.
    func isPullQuote(_ span: Range<Int>) -> Bool {
        guard span.lowerBound > 0, span.count <= 6 else { return false }
        let text = span.flatMap { lines[$0].source.text }
        guard let f = text.first, "“\"「‘『".unicodeScalars.contains(f), let l = text.last, "”\"」’』".unicodeScalars.contains(l),
              !span.contains(where: { byline(lines[$0]) != nil }) else { return false }
        let above = lines[span.lowerBound - 1], first = lines[span.lowerBound]
        guard !isRaised(above), !isSmall(above), first.box.y0 > above.box.y1, first.box.y0 - above.box.y1 < 4 * bodySize else { return false }
        let overlap = min(first.box.x1, above.box.x1) - max(first.box.x0, above.box.x0)
        return overlap > 0.5 * min(first.box.width, above.box.width)
    }

    /// `ADVERTISEMENT`, `广告`: the label an advertisement is printed under
    /// (or over).
    static func isAdvertisementLabel(_ t: [Unicode.Scalar]) -> Bool {
        let s = t.string.uppercased()
        return ["ADVERTISEMENT", "PAID ADVERTISEMENT", "ADVERTISING", "SPONSORED CONTENT", "广告", "广而告之"].contains(s)
    }

    /// How many lines after an English byline belong to it: the rest of
    /// its band (its leaf of the reading order), when that is a few short
    /// lines: the byline wrapped (`By WIKINEWS` / `CONTRIBUTORS`) and role
    /// lines (`Special to The Morning` / `Ledger`, `Staff Writer`).
    func bylineBand(after b: Int) -> Int {
        var end = b + 1
        while end < lines.count, !lines[end].leafStart { end += 1 }
        let rest = lines[(b + 1)..<end]
        guard !rest.isEmpty, rest.count <= 3, rest.allSatisfy({ isRoleLine($0) && byline($0) == nil }) else { return 0 }
        return rest.count
    }

    mutating func articles(page: String) -> [Article] {
        var articles: [Article] = []
        let spans = groups()
        var next = 0
        if let first = spans.first, first.lowerBound > 0 {
            articles.append(body(0..<first.lowerBound, into: Article()))
        } else if spans.isEmpty, !lines.isEmpty {
            articles.append(body(0..<lines.count, into: Article()))
        }
        for (g, span) in spans.enumerated() {
            var a = Article()
            headline(span, into: &a)
            next = g + 1 < spans.count ? spans[g + 1].lowerBound : lines.count
            articles.append(body(span.upperBound..<next, into: a))
        }
        // An advertisement (its label printed over the next headline, or
        // in the item) is an item of its own, untitled: its display lines
        // are its text, not a story's headline.
        var starts = spans.map(\.lowerBound)
        if starts.first.map({ $0 > 0 }) ?? !lines.isEmpty { starts.insert(0, at: 0) }
        for k in lines.indices where Self.isAdvertisementLabel(lines[k].source.text) {
            let item = k + 1 < lines.count && starts.contains(k + 1) ? starts.firstIndex(of: k + 1)! : (starts.lastIndex { $0 <= k } ?? 0)
            guard item < articles.count else { continue }
            var a = articles[item]
            let display = [a.kicker, a.title, a.subtitle].compactMap { $0 }.map(Block.paragraph)
            a.kicker = nil; a.title = nil; a.subtitle = nil; a.byline = nil
            a.blocks = display + a.blocks
            articles[item] = a
        }
        return articles.enumerated().map { n, a in
            var a = a
            a.id = "\(page).\(n + 1)"
            return a
        }
    }

    /// Kicker, title, subtitle and byline from a headline group.
    func headline(_ span: Range<Int>, into a: inout Article) {
        var bylines: [String] = []
        var roles: [String] = []
        var parts: [Line] = []
        for k in span {
            if let b = byline(lines[k]) { bylines.append(b) } else if !bylines.isEmpty, isRoleLine(lines[k]) {
                let t = lines[k].source.spaced
                if roles.isEmpty, Self.isCapitals(t), let last = bylines.last, Self.isCapitals(Array(last.unicodeScalars)) {
                    // The byline wrapped: `By WIKINEWS` / `CONTRIBUTORS`.
                    bylines[bylines.count - 1] += " " + t.string
                } else {
                    roles.append(t.string)
                }
            } else {
                parts.append(lines[k])
            }
        }
        let largest = parts.map(\.size).max() ?? 0
        let titleStart = parts.firstIndex { $0.size >= 0.9 * largest } ?? 0
        var titleEnd = titleStart
        while titleEnd < parts.count, parts[titleEnd].size >= 0.9 * largest { titleEnd += 1 }
        a.kicker = heading(parts[..<titleStart])
        a.title = heading(parts[titleStart..<titleEnd])
        a.subtitle = heading(parts[titleEnd...])
        if !bylines.isEmpty { a.byline = bylines.joined(separator: " ") }
        if !roles.isEmpty { a.bylineRole = roles.joined(separator: " ") }
    }

    /// Latin letters, all capitals.
    static func isCapitals(_ t: [Unicode.Scalar]) -> Bool {
        t.contains(where: \.isUppercaseLatin) && !t.contains(where: \.isLowercaseLatin)
    }

    /// Heading lines as one text: CJK lines run on, Latin ones take a space.
    func heading(_ parts: ArraySlice<Line>) -> String? {
        var out: [Unicode.Scalar] = []
        for p in parts { Self.append(p.source.spaced, to: &out) }
        return out.isEmpty ? nil : out.string
    }

    /// A heading's next line after the ones before: CJK runs on, Latin
    /// takes a space.
    static func append(_ line: [Unicode.Scalar], to out: inout [Unicode.Scalar]) {
        if let a = out.last, let b = line.first, !(a.isWide && b.isWide) { out.append(" ") }
        out.append(contentsOf: line)
    }

    /// A line centred in its frame, away from both edges, and not where a
    /// paragraph's first line starts: a subhead.
    /// (A one-line paragraph starts at the indent and is centred only by
    /// the chance of its length: such a line is a subhead only as the
    /// second line of one, `afterSubhead`.)
    func isCentred(_ l: Line, afterSubhead: Bool) -> Bool {
        let em = l.size
        guard l.left >= em, l.right >= em, abs(l.left - l.right) <= 1.5 * em else { return false }
        return abs(l.left - indent) > 0.3 * em || afterSubhead && abs(l.left - l.right) <= 0.3 * em
    }

    /// The body of a story: paragraphs, subheads, photos, closing marks.
    func body(_ range: Range<Int>, into article: Article) -> Article {
        var a = article
        var paragraph: [[Unicode.Scalar]] = []
        var subhead: [Unicode.Scalar] = []
        var caption: [[Unicode.Scalar]] = []
        var firstLine: [Unicode.Scalar]?

        func apply(_ mark: StoryMarks.Closing) {
            switch mark {
            case .byline(let b): if a.byline == nil { a.byline = b }
            case .dateline(let d): if a.dateline == nil { a.dateline = d }
            }
        }
        func endParagraph() {
            guard !paragraph.isEmpty else { return }
            var text = joiner.join(paragraph)
            paragraph = []
            if let (rest, mark) = StoryMarks.trailingClosing(text) {
                apply(mark)
                text = rest
            }
            guard !text.isEmpty else { return }
            if !a.blocks.contains(where: { $0.kind == "paragraph" }), let first = firstLine,
               let lead = StoryMarks.lead(text, spacedStart: StoryMarks.englishDateline(text) != nil ? text : first) {
                if a.dateline == nil { a.dateline = lead.dateline }
                if a.byline == nil { a.byline = lead.reporter }
            }
            a.blocks.append(.paragraph(text.string))
        }
        func endSubhead() {
            guard !subhead.isEmpty else { return }
            a.blocks.append(.subhead(subhead.string))
            subhead = []
        }
        /// The caption so far as a photo: with `credit` when its leaf gave
        /// one, else with the credit its text ends with; small type without
        /// any is text.
        func endCaption(credit: String? = nil) {
            guard !caption.isEmpty || credit != nil else { return }
            let text = joiner.join(caption)
            caption = []
            if let credit {
                a.blocks.append(.photo(caption: text.isEmpty ? nil : text.string, credit: credit))
            } else if let c = StoryMarks.credit(text) {
                a.blocks.append(.photo(caption: c.before.isEmpty ? nil : c.before.string, credit: c.credit))
            } else {
                // Small type without a credit (a note, a source line) is text.
                endParagraph()
                a.blocks.append(.paragraph(text.string))
            }
        }

        var quote: [[Unicode.Scalar]] = []
        var quotes: [[Unicode.Scalar]] = []
        var captionUntil = range.lowerBound
        var captionCredit: String?
        var subheadUntil = range.lowerBound
        for k in range {
            let l = lines[k]
            let t = l.source.text
            guard !t.isEmpty else { continue }
            if Self.isAdvertisementLabel(t) {
                endCaption(); endSubhead(); endParagraph()
                continue
            }
            if pullQuotes.contains(k) {
                // Kept out of the paragraph it stands in; dropped at the end
                // when the story prints its words.
                quote.append(t)
                if !pullQuotes.contains(k + 1) { quotes.append(joiner.join(quote)); quote = [] }
                continue
            }
            if l.leafStart, let end = captionLeaf(at: k, within: range) { captionUntil = end }
            if k < captionUntil {
                // A caption leaf: its lines, the credit at the end of the
                // last, or on a line of its own above the first.
                endSubhead()
                if l.leafStart, k + 1 < captionUntil, let c = StoryMarks.credit(l.source.raw), c.before.isEmpty {
                    captionCredit = c.credit
                    continue
                }
                if k == captionUntil - 1, let credit = captionCredit {
                    caption.append(t)
                    captionCredit = nil
                    endCaption(credit: credit)
                } else if k == captionUntil - 1, let c = StoryMarks.credit(l.source.raw) {
                    if !c.before.isEmpty { caption.append(SourceLine(number: 0, raw: c.before, blankBefore: false).text) }
                    endCaption(credit: c.credit)
                } else {
                    caption.append(t)
                }
                continue
            }
            if l.leafStart, let end = flushSubhead(at: k, within: range) { subheadUntil = end }
            if k < subheadUntil {
                endParagraph()
                Self.append(l.source.spaced, to: &subhead)
                continue
            }
            if StoryMarks.isJump(t) {
                endCaption(); endSubhead(); endParagraph()
                a.jumps.append(t.string)
                continue
            }
            if let b = byline(l), StoryMarks.topByline(l.source) != nil || StoryMarks.englishByline(t) != nil,
               a.byline == nil, !a.blocks.contains(where: { $0.kind == "paragraph" }), paragraph.isEmpty {
                a.byline = b
                continue
            }
            if isSmall(l) {
                endSubhead()
                caption.append(t)
                continue
            }
            endCaption()
            // `（王太达）` on a line of its own, set right: the story's byline.
            if let f = t.first, f == "（" || f == "(", t.last == "）" || t.last == ")", t.count <= 32,
               let mark = StoryMarks.closing(Array(t.dropFirst().dropLast())) {
                endSubhead(); endParagraph()
                apply(mark)
                continue
            }
            if StoryMarks.isEditorsSignature(l.source.raw.trimmed), !paragraph.isEmpty {
                // `——编 者`, set right under an editor's note, ends it.
                paragraph.append(t)
                endParagraph()
                continue
            }
            if let c = StoryMarks.credit(l.source.raw) {
                // A credit alone, or set off at the end of a photo-news
                // box's last line: the box's text is the story's.
                endSubhead()
                if !c.before.isEmpty {
                    if l.left >= 0.6 * l.size || paragraph.isEmpty { endParagraph(); firstLine = l.source.spaced }
                    paragraph.append(SourceLine(number: 0, raw: c.before, blankBefore: false).text)
                }
                endParagraph()
                a.blocks.append(.photo(caption: nil, credit: c.credit))
                continue
            }
            if isRaised(l) || isCentred(l, afterSubhead: !subhead.isEmpty) {
                endParagraph()
                if !subhead.isEmpty, subhead.endsSentence { endSubhead() }
                Self.append(l.source.spaced, to: &subhead)
                continue
            }
            endSubhead()
            if l.left >= 0.6 * l.size || paragraph.isEmpty {
                endParagraph()
                firstLine = l.source.spaced
            }
            paragraph.append(t)
        }
        endCaption(); endSubhead(); endParagraph()
        let told = a.bodyText.unicodeScalars.filter { !$0.isSpaceLike }
        for q in quotes {
            let words = Array(q.dropFirst().dropLast()).withoutSpaces.filter { !$0.isClosingMark }
            if Array(told).firstRange(of: words.string) == nil { a.blocks.append(.paragraph(q.string)) }
        }
        // A photo-news box: a picture, its text and the credit, no other
        // body. Its text is the story's, not a caption.
        if !a.blocks.contains(where: { $0.kind == "paragraph" }),
           let p = a.blocks.firstIndex(where: { if case .photo(let c?, _) = $0, !c.isEmpty { return true } else { return false } }),
           case .photo(let caption?, let credit) = a.blocks[p] {
            a.blocks[p] = .photo(caption: nil, credit: credit)
            a.blocks.insert(.paragraph(caption), at: p)
        }
        return a
    }

    /// A leaf of up to four lines whose last line ends with a photo
    /// credit (`…帐篷里烟火阵阵。 本报记者 乔 栋摄`): a caption, whatever
    /// its type size. Returns where the leaf ends.
    func captionLeaf(at k: Int, within range: Range<Int>) -> Int? {
        let end = min(leafEnd[k], range.upperBound)
        guard end - k <= 4, !isHeadline(lines[k]) else { return nil }
        if StoryMarks.credit(lines[end - 1].source.raw) != nil { return end }
        // The credit set above the caption, on a line of its own.
        if end - k >= 2, let c = StoryMarks.credit(lines[k].source.raw), c.before.isEmpty { return end }
        return nil
    }

    /// A subhead set flush, in the body type, with space above it in the
    /// middle of a column (after a paragraph that ended): the lines up to
    /// the next indented one, three at most, not ending a sentence with a
    /// full stop. Returns where it ends.
    func flushSubhead(at k: Int, within range: Range<Int>) -> Int? {
        guard k > range.lowerBound, k > 0 else { return nil }
        let l = lines[k], above = lines[k - 1]
        guard !isRaised(l), !isSmall(l), !isRaised(above), !isSmall(above), l.left < 0.6 * l.size,
              above.source.text.endsSentence || above.right > l.size,
              l.box.y0 - above.box.y1 >= rowGap,
              min(l.box.x1, above.box.x1) - max(l.box.x0, above.box.x0) > 0.5 * min(l.box.width, above.box.width)
        else { return nil }
        let end = min(leafEnd[k], range.upperBound)
        var j = k
        while j < end, j == k || lines[j].left < 0.6 * lines[j].size { j += 1 }
        guard j < end, j - k <= 3, let last = lines[j - 1].source.text.last, last != "。", last != "." else { return nil }
        return j
    }
}
