/// How many terminal cells a piece of text occupies.
///
/// One function for the whole product, per grapheme cluster (`Character`):
/// East Asian Wide and Fullwidth characters take two cells; emoji
/// presentation takes two (VS16, ZWJ sequences, flags, keycaps); combining
/// marks and joiners ride on their base; East Asian Ambiguous characters take
/// one cell, or two when the terminal sets them wide. Control characters take
/// the one cell of the visible replacement the layout draws for them
/// (`ControlPicture`), never their own bytes. Tables: `WidthTable.swift`,
/// generated from the Unicode Character Database.
public enum DisplayWidth {
    public static func of(_ c: Character, ambiguousWide: Bool = false) -> Int {
        let scalars = c.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if iterator.next() != nil {
            var emoji = false
            var regional = 0
            for s in scalars {
                switch s.value {
                case 0xFE0F, 0x20E3: emoji = true
                case 0x200D: if of(first, ambiguousWide: ambiguousWide) == 2 { emoji = true }
                case 0x1F1E6...0x1F1FF: regional += 1
                default: break
                }
            }
            if emoji || regional >= 2 { return 2 }
        }
        return of(first, ambiguousWide: ambiguousWide)
    }

    public static func of(_ s: Unicode.Scalar, ambiguousWide: Bool = false) -> Int {
        let v = s.value
        // Fast paths for the common cases: ASCII, CJK ideographs and punctuation.
        if v >= 0x20 && v < 0x7F { return 1 }
        if (0x4E00...0x9FFF).contains(v) || (0x3001...0x3029).contains(v) || (0x3030...0x303E).contains(v) || (0xFF01...0xFF60).contains(v) { return 2 }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 1 }  // drawn as a visible replacement
        if v < 0x300 { return ambiguousWide && contains(WidthTable.ambiguous, v) ? 2 : 1 }
        if contains(WidthTable.zero, v) { return 0 }
        if contains(WidthTable.wide, v) { return 2 }
        if ambiguousWide && contains(WidthTable.ambiguous, v) { return 2 }
        return 1
    }

    public static func of(_ text: some StringProtocol, ambiguousWide: Bool = false) -> Int {
        var w = 0
        for c in text { w += of(c, ambiguousWide: ambiguousWide) }
        return w
    }

    /// Binary search in sorted, disjoint ranges.
    static func contains(_ table: [(UInt32, UInt32)], _ v: UInt32) -> Bool {
        var lo = 0, hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < table[mid].0 { hi = mid - 1 } else if v > table[mid].1 { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Pads `text` with spaces to `width` cells (never truncates).
    public static func pad(_ text: String, to width: Int) -> String {
        let w = of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    /// `text` cut to at most `width` cells, ending in `…` when cut. A wide
    /// character that would straddle the edge is left out whole.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }
}
