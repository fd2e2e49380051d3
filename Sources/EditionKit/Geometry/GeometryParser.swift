/// Reads a page from its geometry (`PageGeometry`, a PDF page read with its
/// boxes) into the same `Page` model as `PageParser` gives for text.
///
/// What the text rules must guess, the geometry shows: headlines are set
/// markedly larger than the body, captions smaller; a headline stands above
/// the columns it heads (`ReadingOrder` reads each story's region in turn);
/// a paragraph starts where its first line is indented; a subhead is
/// centred in its column. The text rules are shared, not copied: joining
/// lines (`TextJoiner`), bylines, datelines, credits, closing marks and jump
/// lines (`StoryMarks`), folio and staff lines (`FolioReader`).
public enum GeometryParser {
    /// A printed line in reading order, with what the rules need of its geometry.
    struct Line {
        var box: TextBox
        var size: Double
        /// The frame (column or region) the line stands in.
        var frame: (x0: Double, x1: Double)
        /// The text as printed, gaps between words as single spaces.
        var source: SourceLine
        /// The first line of a leaf of the reading order.
        var leafStart: Bool
        /// Which leaf of the reading order the line is in.
        var leaf: Int

        var left: Double { box.x0 - frame.x0 }
        var right: Double { frame.x1 - box.x1 }
    }

    public static func parse(_ geometry: PageGeometry, source: String = "", fallbackNumber: Int? = nil) -> Page {
        let read = self.read(geometry)
        var page = read.folio.page
        page.source = source
        if page.number == nil { page.number = fallbackNumber }
        var assembler = GeometryAssembler(lines: read.lines, bodySize: read.order.bodySize, rowGap: read.order.rowGap)
        page.articles = assembler.articles(page: page.idPrefix)
        return page
    }

    /// The lines the stories are made of, in reading order: the folio and
    /// the staff lines read out of them.
    static func storyLines(_ geometry: PageGeometry) -> [Line] { read(geometry).lines }

    private static func read(_ geometry: PageGeometry) -> (lines: [Line], folio: FolioReader, order: ReadingOrder) {
        let bodySize = max(0.5, ReadingOrder.bodySize(geometry.lines))
        var pieces = joinDropCaps(self.pieces(withoutMicrotype(verticalRuns(geometry.lines), bodySize: bodySize), bodySize: bodySize), bodySize: bodySize)
        var folio = FolioReader()
        pieces = readFolio(pieces, into: &folio)
        let order = ReadingOrder(lines: pieces)
        var lines = self.lines(order.leaves(pieces))
        var sources = lines.map(\.source)
        folio.takeStaffLines(&sources)
        if sources.count != lines.count {
            let kept = Set(sources.map(\.number))
            lines.removeAll { !kept.contains($0.source.number) }
        }
        return (lines, folio, order)
    }

    /// Text set vertically (a Chinese title or byline in a column of its
    /// own) made one line: the extractor gives its characters as words one
    /// under another (or a few of them run together in one tall word), and
    /// runs them into the lines beside them. A run of three characters or
    /// more, each a CJK character, one under the next at one left edge
    /// (touching, but for fewer gaps of up to an em and a half than touches),
    /// is read top to bottom, a gap of more than half an em kept as a space
    /// (`本报记者 林海`).
    static func verticalRuns(_ lines: [PlacedLine]) -> [PlacedLine] {
        struct Ref { var line: Int; var word: Int; var box: TextBox; var text: String }
        func upright(_ w: PlacedWord) -> Bool {
            let letters = w.text.unicodeScalars
            guard !letters.isEmpty, letters.allSatisfy({ $0.isIdeographic || $0.isWidePunctuation }), w.box.width > 0 else { return false }
            if letters.count == 1 { return w.box.height > 0 && (0.7...1.4).contains(w.box.width / w.box.height) }
            return w.box.height >= 1.5 * w.box.width && w.box.height >= 0.8 * Double(letters.count) * w.box.width
        }
        var cands: [Ref] = []
        for (l, line) in lines.enumerated() {
            for (k, w) in line.words.enumerated() where upright(w) { cands.append(Ref(line: l, word: k, box: w.box, text: w.text)) }
        }
        guard cands.count >= 3 else { return lines }
        cands.sort { $0.box.x0 < $1.box.x0 || $0.box.x0 == $1.box.x0 && $0.box.y0 < $1.box.y0 }
        var runs: [[Ref]] = []
        var used = Set<Int>()
        for i in cands.indices where !used.contains(i) {
            var run = [cands[i]]
            used.insert(i)
            var j = i + 1
            while j < cands.count {
                let last = run[run.count - 1].box, c = cands[j].box
                let w = last.width
                if c.x0 - last.x0 > 0.25 * w { break }
                let gap = c.y0 - last.y1
                if !used.contains(j), abs(c.x1 - last.x1) <= 0.25 * w, abs(c.width - w) <= 0.25 * w, gap >= -0.2 * w, gap <= 1.5 * w {
                    run.append(cands[j])
                    used.insert(j)
                }
                j += 1
            }
            // Characters set one under another touch (a quarter em at most);
            // a wider gap is a space, and a run of mostly such gaps is the
            // last characters of spaced-out lines of a column, not a column
            // of text.
            var close = run.contains { $0.text.unicodeScalars.count >= 2 } ? 1 : 0, spaces = 0
            for n in run.indices.dropFirst() {
                if run[n].box.y0 - run[n - 1].box.y1 <= 0.25 * run[n].box.width { close += 1 } else { spaces += 1 }
            }
            if run.reduce(0, { $0 + $1.text.unicodeScalars.count }) >= 3, run.count >= 2, close > spaces { runs.append(run) }
        }
        guard !runs.isEmpty else { return lines }
        var gone = Set<[Int]>()
        var made: [PlacedLine] = []
        for run in runs {
            var text = ""
            var box = run[0].box
            for (n, r) in run.enumerated() {
                if n > 0, r.box.y0 - run[n - 1].box.y1 > 0.5 * r.box.width { text += " " }
                text += r.text
                box = box.union(r.box)
                gone.insert([r.line, r.word])
            }
            made.append(PlacedLine(box: box, words: [PlacedWord(box: box, text: text)]))
        }
        var out: [PlacedLine] = []
        for (l, line) in lines.enumerated() {
            let words = line.words.indices.filter { !gone.contains([l, $0]) }.map { line.words[$0] }
            guard !words.isEmpty else { continue }
            out.append(words.count == line.words.count ? line : piece(words[...]))
        }
        return out + made
    }

    /// The lines without words set in type under 0.55 of the body size:
    /// the printer's microtype (edition slugs such as `A7 1201 ED2 CMYK`,
    /// plate lines, registration captions), which the extractor may glue to
    /// a headline on the same baseline. No story is set that small.
    static func withoutMicrotype(_ lines: [PlacedLine], bodySize: Double) -> [PlacedLine] {
        let floor = 0.55 * bodySize
        // (A box of no height says nothing of its type: it is kept.)
        func micro(_ w: PlacedWord) -> Bool { w.box.height > 0 && w.box.height < floor }
        guard lines.contains(where: { l in l.words.contains(where: micro) }) else { return lines }
        return lines.compactMap { l in
            let words = l.words.filter { !micro($0) }
            guard !words.isEmpty else { return nil }
            return words.count == l.words.count ? l : piece(words[...])
        }
    }

    /// Drop caps joined to their word: a letter or two set three lines deep
    /// or more (1.8× the body and over) right left of two or more body
    /// lines. The letter opens the first of those lines, and the lines
    /// beside it start where it starts (they are not indented: the cap
    /// stands in their place).
    static func joinDropCaps(_ pieces: [PlacedLine], bodySize: Double) -> [PlacedLine] {
        var out = pieces
        var gone = Set<Int>()
        for (c, cap) in pieces.enumerated() {
            let letters = cap.words.reduce(0) { $0 + $1.text.unicodeScalars.filter { !$0.isSpaceLike }.count }
            guard (1...2).contains(letters), cap.size >= 1.8 * bodySize else { continue }
            let beside = pieces.indices.filter { k in
                let l = pieces[k]
                let mid = (l.box.y0 + l.box.y1) / 2
                return k != c && abs(l.size - bodySize) <= 0.15 * bodySize
                    && l.box.x0 >= cap.box.x1 - 1 && l.box.x0 <= cap.box.x1 + 1.5 * bodySize
                    && mid >= cap.box.y0 - 1.2 * bodySize && mid <= cap.box.y1 + 0.5 * bodySize
            }.sorted { pieces[$0].box.y0 < pieces[$1].box.y0 }
            guard beside.count >= 2, let top = beside.first else { continue }
            let text = cap.words.map(\.text).joined()
            for k in beside {
                var l = out[k]
                l.words[0].box.x0 = cap.box.x0
                if k == top { l.words[0].text = text + l.words[0].text }
                l.box.x0 = cap.box.x0
                out[k] = l
            }
            gone.insert(c)
        }
        return gone.isEmpty ? out : out.indices.filter { !gone.contains($0) }.map { out[$0] }
    }

    /// Reads the folio from the top of the page and returns the lines
    /// left. The band is read row by row from the top, each row's pieces
    /// left to right (pieces on one baseline within two ems are one item:
    /// `2025年10月20日 星期一`, a staff line spaced out), until a row that is
    /// no folio item: the page number off to one side, the section name in
    /// large type, the paper and the date are the folio's wherever they
    /// stand in the band, never a story's.
    static func readFolio(_ pieces: [PlacedLine], into folio: inout FolioReader) -> [PlacedLine] {
        guard !pieces.isEmpty else { return pieces }
        let rows = Self.rows(pieces, first: 64).prefix(12)
        let sources = rows.enumerated().map { n, item in SourceLine(number: n + 1, raw: text(of: item.flatMap { pieces[$0].words }), blankBefore: false) }
        let taken = folio.readHeader(Array(sources))
        var gone = Set(rows.prefix(taken).joined())
        // Staff lines (`本版责编：…`), wherever they stand, are the folio's
        // too, and out of the stories before they are ordered.
        for item in Self.rows(pieces) {
            guard item.contains(where: { pieces[$0].words.contains { $0.text.contains("：") || $0.text.contains(":") } }) else { continue }
            let raw = Self.text(of: item.flatMap { pieces[$0].words })
            var probe = folio
            if probe.readStaffLine(raw) { folio = probe; gone.formUnion(item) }
        }
        guard !gone.isEmpty else { return pieces }
        return pieces.indices.filter { !gone.contains($0) }.map { pieces[$0] }
    }

    /// The pieces (indices) in rows from the top, each row's pieces on one
    /// baseline within two ems of each other, left to right: the items a
    /// folio band or a staff line prints. `first` limits the pieces read.
    static func rows(_ pieces: [PlacedLine], first: Int = .max) -> [[Int]] {
        let order = pieces.indices.sorted { pieces[$0].box.y0 < pieces[$1].box.y0 || pieces[$0].box.y0 == pieces[$1].box.y0 && pieces[$0].box.x0 < pieces[$1].box.x0 }
        var items: [[Int]] = []
        for i in order.prefix(first) {
            let l = pieces[i]
            // (Only the last few rows can still take a piece: the scan stays linear.)
            if let k = items.indices.suffix(4).last(where: { k in
                let last = pieces[items[k][items[k].count - 1]]
                let gap = l.box.x0 - last.box.x1
                return oneBaseline(last, l) && gap >= -1 && gap < 2 * max(l.size, last.size)
            }) {
                items[k].append(i)
            } else {
                items.append([i])
            }
        }
        return items
    }

    /// Two pieces on one baseline: their middles within half the smaller
    /// size. A column of vertical text stands on none: it is read on its own.
    static func oneBaseline(_ a: PlacedLine, _ b: PlacedLine) -> Bool {
        !a.isVertical && !b.isVertical && abs(a.middle - b.middle) <= 0.5 * min(a.size, b.size)
    }

    /// Words as a line's text, parted by a space (between CJK characters
    /// `SourceLine` takes a justification space out again).
    static func text(of words: [PlacedWord]) -> [Unicode.Scalar] {
        var raw: [Unicode.Scalar] = []
        for w in words {
            if !raw.isEmpty { raw.append(" ") }
            raw += w.text.unicodeScalars
        }
        return raw
    }

    /// The extractor's lines cut where a gap wide enough for a gutter
    /// (0.9 of the body size, and half an em of display type) stands out
    /// from the line's other gaps (one or two such gaps, each at least
    /// twice any other), or where a word of running text starts at the left
    /// edge other lines start a column at: the extractor joins two stories'
    /// headlines, or two columns' lines, that share a baseline into one
    /// line. A justified line's word spaces are all alike, so it stays
    /// whole; a spaced-out
    /// word (`——编 者`, `本 报`) is not cut at a single letter. (Pieces of
    /// one printed line are joined again when they end up in one leaf.)
    static func pieces(_ lines: [PlacedLine], bodySize: Double) -> [PlacedLine] {
        // Where columns start: left edges that three lines or more share.
        var edges: [Int: Int] = [:]
        // (Coordinates are bounded by `BBoxLayout`; these guard a page made in code.)
        func column(_ x: Double) -> Int { x.isFinite && abs(x) < 1e9 ? Int(x.rounded()) : 0 }
        for l in lines { edges[column(l.box.x0), default: 0] += 1 }
        func startsColumn(_ x: Double) -> Bool {
            let r = column(x)
            return (r - 1...r + 1).reduce(0) { $0 + (edges[$1] ?? 0) } >= 3
        }
        var out: [PlacedLine] = []
        out.reserveCapacity(lines.count)
        for l in lines {
            guard l.words.count >= 2 else { out.append(l); continue }
            let display = l.size >= 1.08 * bodySize
            let wide = max(0.9 * bodySize, display ? 0.5 * l.size : 0)
            var cuts: [Int] = []
            var columnCuts: [Int] = []
            var other = 0.0
            for k in l.words.indices.dropFirst() {
                let gap = l.words[k].box.x0 - l.words[k - 1].box.x1
                if gap >= wide, l.words[k].text.unicodeScalars.count >= 2, l.words[k - 1].text.unicodeScalars.count >= 2 {
                    cuts.append(k)
                } else {
                    other = max(other, gap)
                }
                // A word of running text that starts where other lines start
                // a column, after a gap: the next column's line.
                if !display, gap >= 0.5 * bodySize, startsColumn(l.words[k].box.x0) { columnCuts.append(k) }
            }
            let narrowest = cuts.map { l.words[$0].box.x0 - l.words[$0 - 1].box.x1 }.min() ?? 0
            // (Every gap wide, two or more: a justified line's word spaces.)
            let uniform = cuts.count >= 2 && cuts.count == l.words.count - 1
            if cuts.isEmpty || cuts.count > 2 || uniform || narrowest < 2 * other { cuts = [] }
            cuts = Array(Set(cuts + columnCuts)).sorted()
            guard !cuts.isEmpty else { out.append(l); continue }
            var start = 0
            for k in cuts {
                out.append(piece(l.words[start..<k]))
                start = k
            }
            out.append(piece(l.words[start...]))
        }
        return out
    }

    private static func piece(_ words: ArraySlice<PlacedWord>) -> PlacedLine {
        let box = words.dropFirst().reduce(words[words.startIndex].box) { $0.union($1.box) }
        return PlacedLine(box: box, words: Array(words))
    }

    /// The lines of each leaf, pieces on one baseline joined, numbered in
    /// reading order.
    static func lines(_ leaves: [ReadingOrder.Leaf]) -> [Line] {
        var out: [Line] = []
        for (n, leaf) in leaves.enumerated() {
            let sorted = leaf.lines.sorted { a, b in
                if abs(a.middle - b.middle) > 0.5 * min(a.size, b.size) { return a.middle < b.middle }
                return a.box.x0 < b.box.x0
            }
            var rows: [[PlacedLine]] = []
            for l in sorted {
                if let last = rows.last?.last, oneBaseline(last, l) {
                    rows[rows.count - 1].append(l)
                    continue
                }
                rows.append([l])
            }
            for (k, row) in rows.enumerated() {
                let box = row.dropFirst().reduce(row[0].box) { $0.union($1.box) }
                let merged = PlacedLine(box: box, words: row.flatMap(\.words))
                let number = out.count + 1
                out.append(Line(box: box, size: merged.size, frame: leaf.frame,
                                source: SourceLine(number: number, raw: text(of: merged.words), blankBefore: k == 0),
                                leafStart: k == 0, leaf: n))
            }
        }
        return out
    }
}

extension GeometryParser {
    /// How the rules read a PDF page, a line each: its leaf of the reading
    /// order (`|` starts one), size against the body, offsets from the
    /// frame's left and right edges in ems, and the text.
    public static func explain(_ geometry: PageGeometry) -> String {
        let bodySize = max(0.5, ReadingOrder.bodySize(geometry.lines))
        let pieces = joinDropCaps(self.pieces(withoutMicrotype(verticalRuns(geometry.lines), bodySize: bodySize), bodySize: bodySize), bodySize: bodySize)
        let order = ReadingOrder(lines: pieces)
        let lines = self.lines(order.leaves(pieces))
        var out = "body \(rounded(order.bodySize)) pt, leading \(rounded(order.leading)) pt\n"
        for l in lines {
            let mark = l.leafStart ? "|" : " "
            out += "\(mark) \(rounded(l.size / order.bodySize))x  L\(rounded(l.left / l.size)) R\(rounded(l.right / l.size))  y\(l.box.y0.isFinite && abs(l.box.y0) < 1e12 ? Int(l.box.y0) : 0)  \(l.source.raw.string)\n"
        }
        return out
    }

    private static func rounded(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e12 else { return "?" }
        let t = Int((x * 100).rounded())
        return "\(t / 100).\(String(abs(t % 100)).count == 1 ? "0" : "")\(abs(t % 100))"
    }
}

extension PlacedLine {
    /// A column of vertical text: a box far taller than its type.
    var isVertical: Bool { box.height > 2 * size }

    /// Where the line stands: its middle, or a vertical column's first
    /// character's (it is read from there).
    var middle: Double { isVertical ? box.y0 + size / 2 : (box.y0 + box.y1) / 2 }
}
