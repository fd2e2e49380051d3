/// The line-breaking classes of CJK and Latin text.
///
/// Chinese layout (W3C clreq §3.1.7, after JIS X 4051): a closing mark never
/// starts a line and an opening mark never ends one; the two halves of `——` and
/// `……` stay together. Latin text breaks at spaces and after the hyphen of a
/// compound; runs of letters and digits are never split (unless a word is
/// longer than the whole line).
enum Kinsoku {
    /// Never at the start of a line: closing brackets and quotes, stops and
    /// commas, the dash and ellipsis, iteration marks, small kana, percent.
    static let noStart: Set<Unicode.Scalar> = Set(
        "）〕］｝〉》」』】〙〗〟’”｠»)]}、。，．：；？！‼⁇⁈⁉,.:;?!・·…‥—–々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ％‰℃°′″"
            .unicodeScalars)

    /// Never at the end of a line: opening brackets and quotes.
    static let noEnd: Set<Unicode.Scalar> = Set("（〔［｛〈《「『【〘〖〝‘“｟«([{".unicodeScalars)

    /// Characters whose doubled form is one mark that is never split.
    static let inseparable: Set<Unicode.Scalar> = ["…", "—", "‥", "―", "─"]

    /// What the breaking rules need to know of one grapheme cluster,
    /// computed once per character (comparing Characters is slow).
    struct Traits: OptionSet {
        let rawValue: UInt8
        static let space = Traits(rawValue: 1 << 0)
        static let noStart = Traits(rawValue: 1 << 1)
        static let noEnd = Traits(rawValue: 1 << 2)
        static let cjk = Traits(rawValue: 1 << 3)
        static let letter = Traits(rawValue: 1 << 4)
        static let hyphen = Traits(rawValue: 1 << 5)
        static let inseparable = Traits(rawValue: 1 << 6)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ c: Character) {
            var iterator = c.unicodeScalars.makeIterator()
            guard let first = iterator.next() else { self = []; return }
            let v = first.value
            // Ideographs, the bulk of CJK text, are in none of the mark sets.
            if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) { self = .cjk; return }
            var t: Traits = []
            if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) {
                self = .letter
                return
            }
            var last = first
            while let next = iterator.next() { last = next }
            switch v {
            case 0x20, 0x09, 0x3000: t.insert(.space)
            case 0x2D: t.insert(.hyphen)
            case 0xC0...0x24F, 0x370...0x52F: t.insert(.letter)
            default: break
            }
            if Kinsoku.noStart.contains(first) { t.insert(.noStart) }
            if Kinsoku.noEnd.contains(last) { t.insert(.noEnd) }
            if Kinsoku.inseparable.contains(first) { t.insert(.inseparable) }
            if Kinsoku.isCJK(first, c) { t.insert(.cjk) }
            self = t
        }
    }

    static func isNoStart(_ c: Character) -> Bool { c.unicodeScalars.first.map(noStart.contains) ?? false }
    static func isNoEnd(_ c: Character) -> Bool { c.unicodeScalars.last.map(noEnd.contains) ?? false }

    static func isSpace(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return v == 0x20 || v == 0x3000 || v == 0x09
    }

    /// A character of CJK text (or an emoji): a break may fall on either side.
    static func isCJK(_ s: Unicode.Scalar, _ c: Character) -> Bool {
        switch s.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0x20000...0x3FFFF: return true
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026: return true
        case 0..<0x2000: return false
        default: return DisplayWidth.of(c) == 2
        }
    }

    /// Whether a line may break between `a` and `b` (`before` is the
    /// character ahead of `a`, for hyphens).
    static func canBreak(between a: Traits, and b: Traits, aIsB: Bool, before: Traits?) -> Bool {
        if b.contains(.space) { return false }            // spaces hang at the end of the line
        if b.contains(.noStart) || a.contains(.noEnd) { return false }
        if aIsB && a.contains(.inseparable) { return false }
        if a.contains(.space) { return true }
        if a.contains(.hyphen), let p = before, p.contains(.letter), b.contains(.letter) { return true }
        if a.contains(.cjk) || b.contains(.cjk) { return true }
        return false
    }
}
