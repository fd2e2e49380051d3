import EditionKit
/// How a cell is drawn. Plain text ignores it; `--color` and the terminal
/// backend turn it into attributes.
public struct CellStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellStyle(rawValue: 1 << 0)
    public static let dim = CellStyle(rawValue: 1 << 1)
    public static let italic = CellStyle(rawValue: 1 << 2)
    public static let underline = CellStyle(rawValue: 1 << 3)
    public static let reverse = CellStyle(rawValue: 1 << 4)
}

/// One terminal cell.
public struct Cell: Equatable, Sendable {
    /// The grapheme drawn from this cell, `nil` for an empty cell, and
    /// `continuation` for the right half of a wide character.
    public var character: Character?
    public var isContinuation: Bool
    public var style: CellStyle

    public static let blank = Cell(character: nil, isContinuation: false, style: [])

    public init(character: Character?, isContinuation: Bool = false, style: CellStyle = []) {
        self.character = character
        self.isContinuation = isContinuation
        self.style = style
    }
}

/// A rectangle of cells: what views render into and what the terminal
/// backend copies to the screen. Its text form is what snapshot tests compare.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Puts `c` at column `x` of row `y`. A character that does not fit
    /// whole before the right edge is not drawn (a wide character is never
    /// cut); a wide character overwriting half of another clears the other
    /// half. Returns the cells it took.
    @discardableResult
    public mutating func put(_ c: Character, x: Int, y: Int, style: CellStyle = []) -> Int {
        let drawn = ControlPicture.visible(c)
        let w = DisplayWidth.of(drawn)
        guard y >= 0, y < height, x >= 0, w > 0, x + w <= width else { return 0 }
        clearHalf(x: x, y: y)
        if w == 2 { clearHalf(x: x + 1, y: y) }
        self[x, y] = Cell(character: drawn, style: style)
        if w == 2 { self[x + 1, y] = Cell(character: nil, isContinuation: true, style: style) }
        return w
    }

    /// Writes a string from column `x`, stopping at the right edge. Returns
    /// the column after the last character drawn.
    @discardableResult
    public mutating func write(_ s: some StringProtocol, x: Int, y: Int, style: CellStyle = []) -> Int {
        var col = x
        for c in s {
            let w = DisplayWidth.of(ControlPicture.visible(c))
            if w == 0 { continue }
            if col + w > width { break }
            col += put(c, x: col, y: y, style: style)
        }
        return col
    }

    /// Sets the style of a run of cells (a highlight bar).
    public mutating func style(row y: Int, from x0: Int = 0, to x1: Int? = nil, _ style: CellStyle) {
        guard y >= 0, y < height else { return }
        for x in max(0, x0)..<min(width, x1 ?? width) { self[x, y].style = style }
    }

    private mutating func clearHalf(x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = .blank }
        if let c = cell.character, DisplayWidth.of(c) == 2, x + 1 < width { self[x + 1, y] = .blank }
        self[x, y] = .blank
    }

    /// Pastes `other` with its top-left corner at (`x`, `y`), clipped.
    public mutating func paste(_ other: CellGrid, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                self[x + col, y + row] = other[col, row]
            }
        }
    }

    /// One row as plain text, trailing blanks removed.
    public func rowText(_ y: Int) -> String {
        var s = ""
        var pendingSpaces = 0
        for x in 0..<width {
            let cell = self[x, y]
            if cell.isContinuation { continue }
            if let c = cell.character {
                s += String(repeating: " ", count: pendingSpaces)
                pendingSpaces = 0
                s.append(c)
            } else {
                pendingSpaces += 1
            }
        }
        return s
    }

    /// The grid as plain text: one line per row, trailing blanks and blank
    /// last rows removed.
    public var text: String {
        var rows = (0..<height).map(rowText)
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows.map { $0 + "\n" }.joined()
    }

    /// The grid as text with SGR attributes for each style change, ending in
    /// a reset: what `--color` prints.
    public var ansiText: String {
        var rows: [String] = []
        for y in 0..<height {
            guard let last = (0..<width).last(where: { self[$0, y].character != nil }) else { rows.append(""); continue }
            var line = ""
            var current: CellStyle = []
            for x in 0...last {
                let cell = self[x, y]
                if cell.isContinuation { continue }
                let style = cell.character == nil ? [] : cell.style
                if style != current {
                    line += Self.sgr(style)
                    current = style
                }
                line.append(cell.character ?? " ")
            }
            if !current.isEmpty { line += Self.sgr([]) }
            rows.append(line)
        }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows.map { $0 + "\n" }.joined()
    }

    static func sgr(_ style: CellStyle) -> String {
        var codes = ["0"]
        if style.contains(.bold) { codes.append("1") }
        if style.contains(.dim) { codes.append("2") }
        if style.contains(.italic) { codes.append("3") }
        if style.contains(.underline) { codes.append("4") }
        if style.contains(.reverse) { codes.append("7") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}

/// Control characters never reach the screen: each is drawn as its visible
/// Control Picture (U+2400 block), so a page cannot move the cursor or change
/// the terminal.
public enum ControlPicture {
    /// Controls are graphemes of their own (UAX #29 GB4/GB5), so the first
    /// scalar decides; `TerminalText` says what is shown.
    public static func visible(_ c: Character) -> Character {
        guard let first = c.unicodeScalars.first, TerminalText.isUnsafe(first) else { return c }
        return Character(TerminalText.visible(first))
    }
}
