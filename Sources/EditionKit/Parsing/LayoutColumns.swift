#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text from a layout-keeping extractor (`pdftotext -layout`) sets a page's
/// columns side by side: each line holds the lines of several columns at
/// fixed character offsets, parted by runs of spaces. `linearize` finds those
/// offsets and rewrites the page in reading order, so the rules see columns
/// one after another as other extractors give them.
///
/// The page is read top to bottom in bands: lines whose every piece starts
/// at a column offset belong to the band, and the band is written column by
/// column (each column's lines in order, a blank line between columns); any
/// other line (a centred headline or byline, a caption across the page) ends
/// the band and is written where it stands. Nothing is dropped: every
/// piece of every line is written once. Pages without a column grid are
/// left alone.
enum LayoutColumns {
    /// A piece of a line: text between runs of two or more spaces.
    struct Piece {
        var start: Int
        var text: [Unicode.Scalar]
        var end: Int { start + text.count }
    }

    /// An indent deeper than this (in characters) is not a column's first-line
    /// indent: the piece does not start at that column.
    static let indentAllowance = 4

    /// The page in reading order, or `nil` when it is not laid out in columns.
    static func linearize(_ text: String) -> String? {
        // A cheap look first, on the bytes: most pages have no line with a
        // run of three spaces inside it.
        guard hasInnerGap(text) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [Unicode.Scalar] in
            var s = Array(line.unicodeScalars)
            if s.last == "\r" { s.removeLast() }
            return s
        }
        let pieces = lines.map(Self.pieces)
        guard let columns = grid(pieces) else { return nil }
        var out: [String] = []
        var band: [[(indent: Int, text: [Unicode.Scalar])?]] = Array(repeating: [], count: columns.count)
        var bandHasRows = false  // a line of the band has pieces in two columns
        func flush() {
            let used = band.indices.filter { band[$0].contains { $0 != nil } }
            for (k, c) in used.enumerated() {
                if k > 0 { out.append("") }
                // Trailing blanks of a column say nothing.
                var entries = band[c]
                while let last = entries.last, last == nil { entries.removeLast() }
                for e in entries {
                    if let e { out.append(String(repeating: " ", count: e.indent) + e.text.string) } else { out.append("") }
                }
            }
            band = Array(repeating: [], count: columns.count)
            bandHasRows = false
        }
        var i = 0
        while i < lines.count {
            let ps = pieces[i]
            defer { i += 1 }
            if ps.isEmpty {
                // A blank line breaks every column that has begun.
                for c in band.indices where !band[c].isEmpty { band[c].append(nil) }
                continue
            }
            let placed = ps.flatMap { split($0, at: columns) }.map { p in (p, column(of: p, in: columns)) }
            let aligned = placed.allSatisfy { $0.1 != nil }
            // A lone piece in a later column before the band has a line of
            // several pieces is a centred headline or byline that happens to
            // start near a column: it spans. (Below such lines, a column may
            // run on alone where an earlier one has a gap.)
            let spans = placed.count == 1 && placed[0].1 != 0 && !bandHasRows
            if !aligned || spans {
                // Where a centred line starts says nothing: it is written flush.
                flush()
                out.append(ps.map { $0.text.string }.joined(separator: "  "))
                continue
            }
            for (p, c) in placed {
                band[c!].append((max(0, p.start - columns[c!]), p.text))
            }
            if placed.count >= 2 { bandHasRows = true }
        }
        flush()
        return out.joined(separator: "\n") + "\n"
    }

    /// Some line has a run of three or more spaces between two non-spaces.
    /// Runs are found with memchr: CJK text has few spaces, so this is a
    /// fraction of a pass over the page.
    static func hasInnerGap(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i < bytes.count, let hit = memchr(base + i, 0x20, bytes.count - i) {
                let start = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                var end = start
                while end < bytes.count, bytes[end] == 0x20 { end += 1 }
                if end - start >= 3, start > 0, end < bytes.count {
                    let before = bytes[start - 1], after = bytes[end]
                    if before != 0x0A && before != 0x0D && after != 0x0A && after != 0x0D { return true }
                }
                i = end
            }
            return false
        }
    }

    /// The line cut at runs of two or more spaces (single spaces stay in a piece).
    static func pieces(_ line: [Unicode.Scalar]) -> [Piece] {
        var out: [Piece] = []
        var i = 0
        while i < line.count {
            while i < line.count, line[i] == " " { i += 1 }
            guard i < line.count else { break }
            let start = i
            var end = i
            while i < line.count {
                if line[i] == " " {
                    var j = i
                    while j < line.count, line[j] == " " { j += 1 }
                    if j - i >= 2 || j == line.count { break }
                    i = j
                } else {
                    i += 1
                    end = i
                }
            }
            out.append(Piece(start: start, text: Array(line[start..<end])))
        }
        return out
    }

    /// The character offsets where columns start: offsets at which pieces of
    /// many lines of several pieces start. `nil` unless the page has a grid of
    /// two or more columns carrying at least a third of its lines.
    static func grid(_ pieces: [[Piece]]) -> [Int]? {
        let textLines = pieces.filter { !$0.isEmpty }.count
        let multi = pieces.filter { $0.count >= 2 }
        guard multi.count >= 5, multi.count * 3 >= textLines else { return nil }
        var count: [Int: Int] = [:]
        for line in multi { for p in line { count[p.start, default: 0] += 1 } }
        // Strongest offsets first; an offset within the indent allowance of a
        // stronger one is that column's indented first lines.
        let support = max(3, multi.count / 4)
        var columns: [Int] = []
        for (offset, n) in count.sorted(by: { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }) where n >= support {
            if columns.contains(where: { abs($0 - offset) <= indentAllowance }) { continue }
            columns.append(offset)
        }
        guard columns.count >= 2 else { return nil }
        return columns.sorted()
    }

    /// A piece that runs on past the next column's start, where a single
    /// space parts the two columns (a full line leaves no wider gap), cut at
    /// that space.
    static func split(_ p: Piece, at columns: [Int]) -> [Piece] {
        guard let c = column(of: p, in: columns), c + 1 < columns.count, p.end > columns[c + 1] + 1 else { return [p] }
        let next = columns[c + 1]
        // The space closest to where the next column starts.
        let spaces = p.text.indices.filter { p.text[$0] == " " && abs(p.start + $0 + 1 - next) <= 3 }
        guard let k = spaces.min(by: { abs(p.start + $0 + 1 - next) < abs(p.start + $1 + 1 - next) }) else { return [p] }
        let left = Piece(start: p.start, text: Array(p.text[..<k]))
        // The right part is the next column's line, whatever the padding.
        let right = Piece(start: max(p.start + k + 1, next), text: Array(p.text[(k + 1)...]))
        return [left] + split(right, at: columns)
    }

    /// The column a piece starts in, or `nil` when it starts between columns.
    static func column(of p: Piece, in columns: [Int]) -> Int? {
        guard let c = columns.lastIndex(where: { $0 <= p.start + 1 }) else { return nil }
        return p.start - columns[c] <= indentAllowance ? c : nil
    }
}
