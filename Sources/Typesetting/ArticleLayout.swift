import EditionKit

/// An article typeset for the terminal: its blocks styled, broken into lines
/// at a measure, and the body set in newspaper columns when there is room.
///
/// The headline parts (kicker, title, subtitle, byline and dateline) span the
/// full width; the body is set in `columns` columns of `columnWidth` cells with
/// a 3-cell gutter, filled top to bottom, then left to right. A screen of
/// columns is one page.
public struct ArticleLayout: Sendable {
    /// What a typeset block is, which decides its style and spacing.
    public enum Role: Sendable, Equatable {
        case kicker, title, subtitle, byline, paragraph, subhead, photo
        /// A jump line (`Continued on Page B5`, `（下转第5版）`), where printed.
        case jump
    }

    /// A block of text with one role.
    public struct Block: Sendable, Equatable {
        public var role: Role
        public var text: [Character]
    }

    /// One line of typeset text.
    public struct Line: Sendable, Equatable {
        /// The text drawn (spaces the line ends with are not).
        public var text: String
        /// Cells of indent before the text.
        public var indent: Int
        public var style: CellStyle
        /// Where the line starts in the article.
        public var position: TextPosition

        public static func blank(at p: TextPosition) -> Line { Line(text: "", indent: 0, style: [], position: p) }
    }

    public static let gutter = 3

    public let blocks: [Block]
    /// How many of `blocks` are headline parts: body block `i` of the
    /// article is `blocks[headerBlockCount + i]`.
    public let headerBlockCount: Int
    public let width: Int
    public let columns: Int
    public let columnWidth: Int
    public let isCJK: Bool
    /// Headline lines, at the full width.
    public let header: [Line]
    /// Body lines, at the column width.
    public let body: [Line]

    /// Lays out `article` for a screen `width` cells wide. `columns` forces
    /// the number of columns; by default as many as fit at a comfortable
    /// measure (20–24 CJK characters, 60–70 Latin cells), one on a narrow screen.
    public init(article: Article, width: Int, columns: Int? = nil) {
        let (blocks, headerCount, cjk) = Self.blocks(of: article)
        self.blocks = blocks
        headerBlockCount = headerCount
        isCJK = cjk
        self.width = max(4, width)
        let (k, w) = Self.columnGeometry(width: self.width, forced: columns, cjk: cjk)
        self.columns = k
        columnWidth = w
        var head: [Line] = []
        for i in 0..<headerCount { head += Self.setBlock(blocks[i], index: i, measure: self.width, cjk: cjk) }
        header = head
        var lines: [Line] = []
        for i in headerCount..<blocks.count {
            let b = blocks[i]
            let spaced = b.role == .subhead || b.role == .photo || !cjk || (i > headerCount && blocks[i - 1].role == .photo)
            if spaced && i > headerCount { lines.append(.blank(at: TextPosition(block: i, offset: 0))) }
            lines += Self.setBlock(b, index: i, measure: w, cjk: cjk)
        }
        body = lines
    }

    /// The typeset blocks of an article without laying them out: headline
    /// parts first (their count is returned), then the body. Positions and
    /// search matches are counted in these blocks.
    public static func blocks(of article: Article) -> (blocks: [Block], headerCount: Int, isCJK: Bool) {
        var blocks: [Block] = []
        func add(_ role: Role, _ text: String?) {
            guard let t = text, !t.isEmpty else { return }
            blocks.append(Block(role: role, text: Array(t)))
        }
        add(.kicker, article.kicker)
        add(.title, article.displayTitle(words: 0))
        add(.subtitle, article.subtitle)
        // The dateline is shown once: not beside the byline when the first
        // paragraph opens with its lead (`本报北京10月19日电…`, `OSLO — …`).
        // (Alone it stays: the header keeps its blocks, so saved positions
        // in the body stay where they were.)
        let lead = article.blocks.lazy.compactMap { b -> String? in if case .paragraph(let t) = b { t } else { nil } }.first ?? ""
        var credits = [article.byline, article.bylineRole].compactMap { $0 }
        if let d = article.dateline, credits.isEmpty || !lead.hasPrefix(d) { credits.append(d) }
        add(.byline, credits.isEmpty ? nil : credits.joined(separator: " · "))
        let headerCount = blocks.count
        let cjk = Self.isMostlyCJK(article)
        for b in article.blocks {
            switch b {
            case .paragraph(let t): add(.paragraph, t)
            case .subhead(let t): add(.subhead, t)
            case .photo(let caption, let credit):
                add(.photo, Self.photoLine(caption: caption, credit: credit, cjk: cjk))
            }
        }
        for j in article.jumps { add(.jump, j) }
        return (blocks, headerCount, cjk)
    }

    /// Characters the layout writes that no page prints (the photo line's
    /// `〔图〕` and `摄`): a search must not ask a page's text for them.
    public static let addedScalars = Set(photoLine(caption: "", credit: "", cjk: true).unicodeScalars)
        .union(photoLine(caption: "", credit: "", cjk: false).unicodeScalars)

    static func photoLine(caption: String?, credit: String?, cjk: Bool) -> String {
        if cjk {
            return "〔图〕" + (caption ?? "") + (credit.map { "（\($0) 摄）" } ?? "")
        }
        return "[Photo] " + (caption ?? "") + (credit.map { " (\($0))" } ?? "")
    }

    /// CJK when ideographs make up at least a third of the letters.
    static func isMostlyCJK(_ a: Article) -> Bool {
        var ideographs = 0, latin = 0
        for s in ((a.title ?? "") + a.bodyText).unicodeScalars {
            switch s.value {
            case 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF: ideographs += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        return ideographs > 0 && ideographs * 3 >= ideographs + latin
    }

    /// Columns and their width for a screen `width` cells wide.
    public static func columnGeometry(width: Int, forced: Int?, cjk: Bool) -> (columns: Int, width: Int) {
        let (least, most) = cjk ? (40, 48) : (60, 70)
        if let k = forced, k >= 1 {
            let k = min(k, max(1, (width + gutter) / (4 + gutter)))
            return (k, max(4, (width - gutter * (k - 1)) / k))
        }
        let k = max(1, (width + gutter) / (least + gutter))
        if k == 1 { return (1, width) }
        return (k, min(most, (width - gutter * (k - 1)) / k))
    }

    static func style(_ role: Role) -> CellStyle {
        switch role {
        case .kicker: return [.dim]
        case .title: return [.bold]
        case .subtitle: return [.italic]
        case .byline: return [.dim]
        case .paragraph: return []
        case .subhead: return [.bold]
        case .photo: return [.dim, .italic]
        case .jump: return [.italic]
        }
    }

    /// One block broken into lines. CJK paragraphs indent their first line
    /// by two ideographic spaces (four cells), as printed.
    static func setBlock(_ b: Block, index: Int, measure: Int, cjk: Bool) -> [Line] {
        let indent = b.role == .paragraph && cjk ? min(4, measure / 4) : 0
        let breaker = LineBreaker(measure: measure)
        return breaker.lines(b.text, firstIndent: indent).enumerated().map { n, r in
            var end = r.upperBound
            while end > r.lowerBound, Kinsoku.isSpace(b.text[end - 1]) { end -= 1 }
            let text = String(b.text[r.lowerBound..<end].map { ControlPicture.visible($0) })
            return Line(text: text, indent: n == 0 ? indent : 0, style: style(b.role), position: TextPosition(block: index, offset: r.lowerBound))
        }
    }

    // MARK: Screens

    /// The rows the headline takes above the body: its lines and a blank.
    public var headerRows: Int { header.count + 1 }

    /// Body rows per column on a screen `height` rows tall whose first body
    /// line is `top`; with `top` 0 the headline and a blank row come first,
    /// less the `headerSkip` rows scrolled away (a line at a time).
    public func bodyRows(top: Int, height: Int, headerSkip: Int = 0) -> Int {
        top == 0 ? max(0, height - max(0, headerRows - headerSkip)) : max(0, height)
    }

    /// How many body lines a screen shows from `top`.
    public func visibleLines(top: Int, height: Int, headerSkip: Int = 0) -> Int {
        bodyRows(top: top, height: height, headerSkip: headerSkip) * columns
    }

    /// The index of the body line holding `position` (the last line starting
    /// at or before it).
    public func bodyLine(of position: TextPosition) -> Int {
        var lo = 0, hi = body.count - 1, found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if body[mid].position <= position { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }

    /// The rows a page needs to hold the whole body in balanced columns (for
    /// printing without a screen).
    public var balancedHeight: Int {
        header.count + 1 + max(1, (body.count + columns - 1) / columns)
    }

    /// Draws the screen whose first body line is `top` into a grid `width`
    /// × `height`: the headline (when `top` is 0), then the body filling the
    /// columns top to bottom, left to right. `marks` gives, for a line, the
    /// block offsets to draw in another style (search matches: every one,
    /// the current one set apart).
    public func render(top: Int, height: Int, headerSkip: Int = 0, marks: (Line) -> [Mark] = { _ in [] }) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        var y = 0
        if top == 0 {
            // (Rows scrolled away a line at a time leave the headline first.)
            for line in header.dropFirst(headerSkip) where y < height {
                Self.draw(line, into: &grid, x: 0, y: y, marks: marks(line))
                y += 1
            }
            if headerSkip <= header.count { y += 1 }
        }
        var rows = bodyRows(top: top, height: height, headerSkip: headerSkip)
        guard rows > 0 else { return grid }
        // What is left fits on this screen: balanced over every column, as
        // a paper sets a short story, rather than filling the first columns
        // and leaving the last ones empty at the right.
        let remaining = body.count - top
        if remaining > 0, remaining < rows * columns { rows = (remaining + columns - 1) / columns }
        for c in 0..<columns {
            let x = c * (columnWidth + Self.gutter)
            let lo = top + c * rows
            guard lo < body.count else { break }
            for (i, line) in body[lo..<min(body.count, lo + rows)].enumerated() {
                Self.draw(line, into: &grid, x: x, y: y + i, limit: x + columnWidth, marks: marks(line))
            }
        }
        return grid
    }

    /// A run of a block's characters (by offset) drawn with `style` added.
    public struct Mark: Equatable, Sendable {
        public var range: Range<Int>
        public var style: CellStyle

        public init(_ range: Range<Int>, _ style: CellStyle) {
            self.range = range
            self.style = style
        }
    }

    /// Draws one line at explicit cells from column `x`, never past `limit`
    /// (or the grid's edge). Characters whose block offsets fall in a mark
    /// take its style too.
    public static func draw(_ line: Line, into grid: inout CellGrid, x: Int, y: Int, limit: Int? = nil,
                            marks: [Mark] = []) {
        var col = x + line.indent
        let edge = min(limit ?? grid.width, grid.width)
        var offset = line.position.offset
        for ch in line.text {
            defer { offset += 1 }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col + w > edge { break }
            var style = line.style
            for m in marks where m.range.contains(offset) { style.formUnion(m.style) }
            col += grid.put(ch, x: col, y: y, style: style)
        }
    }
}
