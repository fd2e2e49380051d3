/// Turns the units of a page body into articles.
///
/// A page is read as a sequence of *segments* (runs of paragraphs and
/// subheads), *headline groups* (kicker, title, subtitle, byline) and
/// *photos*. Papers print a headline above its story, but extractors often
/// give the story body first and its headline after it (the order the PDF
/// draws them), both on one page. Which group heads which segment is decided
/// for the whole page at once (`HeadlineAssignment`). A segment no group
/// heads is an untitled story: an honest gap beats a wrong title.
struct StoryAssembler {
    struct Segment {
        var blocks: [Block] = []
        var byline: String?
        var dateline: String?
        var lead: StoryMarks.Lead?
        var closed = false
        var jumps: [String] = []
        /// Opens under a byline alone above the column (`孙秀艳`), not a headline.
        var headedByByline = false
        /// Opens with a full line: a paragraph going on from a column an
        /// extractor printed elsewhere (a paragraph's first line is short),
        /// which no headline heads.
        var opensMidSentence = false
    }

    struct Group {
        var headings: [FlowUnit] = []
        var bylines: [String] = []
        var roleLines: [String] = []
        /// The lines of one of two headlines printed side by side (set by
        /// `HeadlineAssignment`; `headings` is then empty).
        var splitLines: [String]?
        /// Which of `splitLines` stood on the titles' shared baseline.
        var titleLine: Int?
    }

    struct Photo {
        var caption: String?
        var credit: String?
    }

    enum Item {
        case segment(Segment)
        case group(Group)
        case photo(Photo)
    }

    private(set) var items: [Item] = []
    private var open: Int?  // index of the segment being filled

    // MARK: Building items

    init(units: [FlowUnit]) {
        var i = 0
        while i < units.count {
            let u = units[i]
            switch u.kind {
            case .text where u.credit != nil:
                items.append(.photo(Photo(caption: u.text.isEmpty ? nil : u.text.string, credit: u.credit)))
                open = nil
                i += 1
            case .text where u.headingLike, .byline, .name:
                // A group is headlines then bylines: a headline after a byline
                // starts the next group (except an English byline's role line).
                var j = i
                var sawByline = false
                while j < units.count, Self.isGroupMember(units[j]) || Self.isDeck(units[j], after: units[i..<j]) {
                    if units[j].kind == .text {
                        if sawByline && !Self.isRoleLine(units[j]) { break }
                    } else {
                        sawByline = true
                    }
                    j += 1
                }
                place(group: Array(units[i..<j]), before: j < units.count ? units[j] : nil, after: i > 0 ? units[i - 1] : nil,
                      closedBy: Self.closingByline(from: j, in: units), headsBox: Self.closesUnderBareCredit(from: j, in: units))
                i = j
            case .text:
                if u.lead != nil, let o = open, !segment(o).blocks.isEmpty { open = nil }
                // (A segment a byline alone opened has no text yet.)
                let opensSegment = open.map { segment($0).blocks.isEmpty } ?? true
                appendToOpen(.paragraph(u.text.string))
                if opensSegment, Self.opensMidSentence(u) { modifySegment(open!) { $0.opensMidSentence = true } }
                if u.lead != nil, case .segment(let s) = items[open!], s.blocks.count == 1 {
                    modifySegment(open!) { $0.lead = u.lead }
                }
                if let c = u.closing {
                    close(with: c)
                } else if StoryMarks.endsWithEditorsSignature(u.text), let o = open,
                          !segment(o).blocks.contains(where: { $0.text?.hasPrefix("编者按") == true }) {
                    // `——编者` signs an editor's text: it is finished. (A note
                    // labelled `编者按：` opens the story under it instead.)
                    modifySegment(o) { $0.closed = true }
                    open = nil
                }
                i += 1
            case .closing(let c):
                close(with: c)
                i += 1
            case .credit(let name):
                // A credit on its own line: the caption is the unit just before
                // it when that stands apart from the column (a wide line).
                if i > 0, units[i - 1].kind == .text, units[i - 1].wide, units[i - 1].credit == nil,
                   case .segment(var s)? = items.last, let last = s.blocks.last, case .paragraph(let caption) = last,
                   caption == units[i - 1].text.string {
                    s.blocks.removeLast()
                    if s.blocks.isEmpty { items.removeLast() } else { items[items.count - 1] = .segment(s) }
                    items.append(.photo(Photo(caption: caption, credit: name)))
                } else if i > 0, units[i - 1].kind == .text, units[i - 1].wide, units[i - 1].headingLike,
                          case .group(var g)? = items.last, g.headings.last?.lines.last?.number == units[i - 1].lines.last?.number {
                    // The caption read as a headline: take it back from the group
                    // (all of it, when the group split it into one part a line).
                    let captionLines = Set(units[i - 1].lines.map(\.number))
                    g.headings.removeAll { $0.lines.allSatisfy { captionLines.contains($0.number) } }
                    if g.headings.isEmpty && g.bylines.isEmpty { items.removeLast() } else { items[items.count - 1] = .group(g) }
                    items.append(.photo(Photo(caption: units[i - 1].headingText, credit: name)))
                } else {
                    items.append(.photo(Photo(caption: nil, credit: name)))
                }
                open = nil
                i += 1
            case .jump(let text) where Continuations.inward(text) != nil:
                // `（上接第1版）`, `Continued from Page A1`: the continuation
                // that follows starts here, under its headline.
                items.append(.segment(Segment(jumps: [text])))
                open = items.count - 1
                i += 1
            case .jump(let text):
                if let o = open ?? items.lastIndex(where: { if case .segment = $0 { return true } else { return false } }) {
                    // A jump line ends the story's run on this page.
                    modifySegment(o) { $0.jumps.append(text); $0.closed = true }
                    open = nil
                } else {
                    appendToOpen(.paragraph(text))
                }
                i += 1
            }
        }
    }

    /// A CJK unit whose first line is as full as the column and not opened
    /// by a quote (a quote mark may sit in the indent): text going on, not
    /// a paragraph's start.
    static func opensMidSentence(_ u: FlowUnit) -> Bool {
        guard u.lines.count >= 2, let first = u.lines.first, !first.proportional, first.indent < 1, u.lead == nil,
              let c = first.text.first, c != "“", c != "「", c != "（", c != "《" else { return false }
        return first.em >= u.measure - LineFlow.gridTolerance
    }

    /// `Staff Writer` under `By Jane Doe`.
    static func isRoleLine(_ u: FlowUnit) -> Bool {
        u.lines.count <= 2 && u.text.count <= 48 && u.text.first?.isUppercaseLatin == true
    }

    /// An English deck: a sentence or two set wider than the column right
    /// under the headline lines (`Four National Basketball Association
    /// players have been suspended…`). It ends a sentence, so it is no
    /// heading by itself; placed so, it is the headline's subtitle.
    static func isDeck(_ u: FlowUnit, after members: ArraySlice<FlowUnit>) -> Bool {
        guard u.kind == .text, u.wide, u.credit == nil, u.lines.count <= 4, u.lines[0].proportional,
              let last = members.last, last.kind == .text, last.headingLike else { return false }
        return true
    }

    static func isGroupMember(_ u: FlowUnit) -> Bool {
        u.kind.isByline || u.kind == .text && u.headingLike
    }

    private func segment(_ i: Int) -> Segment {
        if case .segment(let s) = items[i] { return s }
        fatalError("not a segment")
    }

    /// Changes the segment at `i` in place (the item is swapped out first, so
    /// its block array is not copied on every change).
    private mutating func modifySegment(_ i: Int, _ change: (inout Segment) -> Void) {
        guard case .segment(var s) = items[i] else { return }
        items[i] = .photo(Photo())
        change(&s)
        items[i] = .segment(s)
    }

    private mutating func appendToOpen(_ b: Block) {
        if let o = open, case .segment = items[o] {
            modifySegment(o) { $0.blocks.append(b) }
        } else {
            items.append(.segment(Segment(blocks: [b])))
            open = items.count - 1
        }
    }

    private mutating func close(with c: StoryMarks.Closing) {
        guard let o = open ?? items.indices.last else { return }
        modifySegment(o) { s in
            switch c {
            case .byline(let b): if s.byline == nil { s.byline = b }
            case .dateline(let d): if s.dateline == nil { s.dateline = d }
            }
            s.closed = true
        }
        open = nil
    }

    /// The name in the bracketed byline that closes the text from unit `j`
    /// on, when that text runs to one before any heading, byline or photo.
    static func closingByline(from j: Int, in units: [FlowUnit]) -> String? {
        var k = j
        while k < units.count, units[k].kind == .text, !units[k].headingLike, units[k].credit == nil {
            if let c = units[k].closing {
                if case .byline(let name) = c { return name }
                return nil  // closed by a dateline: no name
            }
            k += 1
        }
        if k < units.count, case .closing(.byline(let name)) = units[k].kind { return name }
        return nil
    }

    /// Whether the text from unit `j` on, a paragraph or two in the column,
    /// runs to a photo's credit alone, with no caption (the unit before it
    /// in the column, not set wide): a photo-news box, its text the story.
    static func closesUnderBareCredit(from j: Int, in units: [FlowUnit]) -> Bool {
        var k = j
        while k < units.count, k - j < 3, units[k].kind == .text, !units[k].headingLike, !units[k].wide,
              units[k].credit == nil, units[k].closing == nil, units[k].lead == nil {
            k += 1
        }
        guard k > j, k < units.count else { return false }
        if case .credit = units[k].kind { return true }
        return false
    }

    /// The bylines of the story the open segment belongs to: its group's,
    /// or its own when a byline alone heads it.
    private var openStoryBylines: [String] {
        guard let o = open, case .segment(let s) = items[o] else { return [] }
        if s.headedByByline, let b = s.byline { return [b] }
        guard let g = items[..<o].lastIndex(where: { if case .photo = $0 { return false } else { return true } }),
              case .group(let group) = items[g] else { return [] }
        return group.bylines
    }

    /// A run of heading-like units and bylines: a headline group, or the
    /// subheads of the story it stands in.
    ///
    /// `headsBox`: the text under the group ends under a photo's bare credit
    /// (`closesUnderBareCredit`), so the group heads a photo-news box, a
    /// story of its own set in a story's column (`“守护好前人留给我们的宝贵财富”`
    /// / `清晨5点，…` / `康岩 摄`).
    private mutating func place(group units: [FlowUnit], before next: FlowUnit?, after prev: FlowUnit?, closedBy closer: String?,
                                headsBox: Bool) {
        let headings = units.filter { $0.kind == .text }
        let hasByline = units.contains { if case .text = $0.kind { return false } else { return true } }
        let pageStart = items.isEmpty
        let afterClose: Bool = {
            guard let p = prev else { return true }
            switch p.kind {
            case .closing, .jump: return true
            case .credit: break
            case .text where p.credit != nil: break
            default:
                // (Or the segment is finished otherwise: an editor's note signed.)
                if p.closing != nil { return true }
                if case .segment(let s)? = items.last { return s.closed }
                return false
            }
            // Past a photo: the story before it closed, or there is none.
            if let o = items.lastIndex(where: { if case .photo = $0 { return false } else { return true } }),
               case .segment(let s) = items[o] { return s.closed }
            return true
        }()
        let nextIsBody: Bool = {
            guard let n = next, n.kind == .text, n.credit == nil else { return false }
            return true
        }()
        // An English headline is set in title case over four or more words;
        // a crosshead inside a story is a word or two, or a sentence.
        // A crosshead is one line: English headline type sets a headline on
        // two lines or more.
        let titleCase = headings.contains { h in h.lines.allSatisfy(\.isTitleCase) && h.text.split(separator: " ").count >= 4 }
            || headings.count >= 2 && headings.allSatisfy { $0.lines.allSatisfy(\.proportional) }
        // A photo closes a story's block on the page: a heading right after
        // its caption heads the next block, not a section of the last one.
        let afterPhoto: Bool = {
            guard let p = prev else { return false }
            if case .credit = p.kind { return true }
            return p.kind == .text && p.credit != nil
        }()
        // A section that closes under a byline of its own, in a story
        // signed at its head by someone else, is a story of its own: a
        // story is signed once.
        let signedApart: Bool = {
            guard let closer else { return false }
            let signed = openStoryBylines
            return !signed.isEmpty && !signed.contains { $0.contains(closer) || closer.contains($0) }
        }()
        // A crosshead stands between paragraphs, never inside a sentence:
        // after a paragraph cut off mid-sentence (its text goes on where the
        // extractor put the rest of its column) a heading is a headline.
        let midSentence: Bool = {
            guard let p = prev, p.kind == .text, p.credit == nil, !p.headingLike, !p.wide, let last = p.text.last else { return false }
            return !p.text.endsSentence && last != "："
        }()
        // A crosshead stands between paragraphs: right under another
        // headline's byline, a heading is a headline too.
        let afterByline = prev?.kind.isByline == true
        let isHeadline = hasByline || headings.contains(where: \.wide) || pageStart || afterClose || !nextIsBody
            || next?.lead != nil || titleCase || afterPhoto || signedApart || midSentence || headsBox || afterByline
        if !isHeadline {
            for h in headings { appendToOpen(.subhead(h.headingText)) }
            return
        }
        var g = Group()
        for u in units {
            switch u.kind {
            case .byline(let b), .name(let b): g.bylines.append(b)
            case .text:
                // A short line right under an English byline is its role line.
                if !g.bylines.isEmpty, Self.isRoleLine(u) {
                    g.roleLines.append(u.headingText)
                } else if u.lines.count > 1, !(u.wide && u.lines[0].proportional && u.text.endsSentence) {
                    // (An English deck, a sentence, stays one part.)
                    // In a headline group each line is a headline part (a kicker
                    // right above its title, with no blank line between);
                    // HeadlineParts rejoins a title that wraps inside quotes.
                    for line in u.lines {
                        var part = FlowUnit(kind: .text, lines: [line])
                        part.text = line.text
                        part.measure = u.measure
                        part.headingLike = true
                        g.headings.append(part)
                    }
                } else {
                    g.headings.append(u)
                }
            default: break
            }
        }
        if g.headings.isEmpty, nextIsBody {
            // Bylines alone: they head the story that follows.
            let o = items.count
            items.append(.segment(Segment(byline: g.bylines.joined(separator: " "), headedByByline: true)))
            open = o
            return
        }
        items.append(.group(g))
        open = nil
    }
}
