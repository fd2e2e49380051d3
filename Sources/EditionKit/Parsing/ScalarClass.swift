/// Character classes the parsing rules are written in.
///
/// The rules look at Unicode scalars, never at grapheme clusters: every
/// decision here depends on a single scalar, and scalar walks keep parsing a
/// linear pass over the text.
extension Unicode.Scalar {
    /// Ideographs, kana and hangul: the characters a CJK column is set in.
    var isIdeographic: Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xAC00...0xD7AF: return true
        case 0x3005, 0x3007: return true  // 々 〇
        default: return false
        }
    }

    /// Full-width punctuation and symbols set on the ideographic em grid.
    var isWidePunctuation: Bool {
        switch value {
        case 0x3001...0x303F: return true                  // 、。〃〈〉《》「」『』【】〔〕〖〗〜 …
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        case 0x2018, 0x2019, 0x201C, 0x201D: return true  // ‘’“” are set full width in CJK text
        case 0x2014, 0x2015, 0x2026, 0x2E3A, 0x2E3B: return true  // — ― … ⸺
        case 0x00B7, 0x30FB: return true                  // · ・ (middle dots in CJK titles)
        case 0xFE10...0xFE1F, 0xFE30...0xFE4F: return true
        default: return false
        }
    }

    /// Full-width letters and digits (ＡＢＣ１２３).
    var isFullwidthAlphanumeric: Bool {
        (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value)
    }

    /// CJK text proper: ideographs and CJK punctuation, but not the dashes,
    /// quotes and ellipses Latin text shares with it. Spaces next to these
    /// are justification, not word spaces.
    var isCJK: Bool {
        guard isWide else { return false }
        switch value {
        case 0x2014, 0x2015, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7: return false
        default: return true
        }
    }

    /// Anything set on the ideographic em grid: counts one em of a CJK column.
    var isWide: Bool { isIdeographic || isWidePunctuation || isFullwidthAlphanumeric }

    /// Latin letters and digits, the characters of a word run.
    var isWordCharacter: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0xC0...0x24F where value != 0xD7 && value != 0xF7: return true
        case 0x370...0x3FF, 0x400...0x4FF: return true
        default: return false
        }
    }

    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isUppercaseLatin: Bool { (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) }
    var isLowercaseLatin: Bool { (0x61...0x7A).contains(value) || ((0xDF...0xFF).contains(value) && value != 0xF7) }

    /// Spaces of every width a PDF extractor writes: ASCII, no-break,
    /// ideographic, and the thin/quarter-em spaces set around digits.
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F: return true
        default: return false
        }
    }

    /// Marks that end a sentence, in CJK and Latin text.
    var isSentenceFinal: Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2E, 0xFF0E, 0x2026, 0xFF61: return true  // 。！？!?.．…｡
        default: return false
        }
    }

    /// Closing quotes and brackets, which may follow a sentence-final mark.
    var isClosingMark: Bool {
        switch value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x22, 0x27, 0x3011, 0x300B, 0x3009, 0xFF63: return true
        default: return false
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The text ends a sentence: a final mark, possibly inside closing quotes
    /// or brackets (`……。”` ends a sentence, `“死角”` does not).
    /// A bracketed note after the sentence end (`…三十多家。（王芳参与采写）`)
    /// does not reopen it.
    var endsSentence: Bool {
        var i = count - 1
        while i >= 0, self[i].isSpaceLike { i -= 1 }
        if i >= 0, self[i] == "）" || self[i] == ")", let open = self[..<i].lastIndex(where: { $0 == "（" || $0 == "(" }),
           open > 0, self[open - 1].isSentenceFinal {
            return true
        }
        while i >= 0, self[i].isClosingMark || self[i].isSpaceLike { i -= 1 }
        return i >= 0 && self[i].isSentenceFinal
    }

    /// The scalars as a String, encoded to UTF-8 in one pass.
    var string: String {
        String(unsafeUninitializedCapacity: count * 4) { buf in
            var n = 0
            for s in self {
                let v = s.value
                if v < 0x80 {
                    buf[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    buf[n] = 0xC0 | UInt8(v >> 6)
                    buf[n + 1] = 0x80 | UInt8(v & 0x3F)
                    n += 2
                } else if v < 0x10000 {
                    buf[n] = 0xE0 | UInt8(v >> 12)
                    buf[n + 1] = 0x80 | UInt8(v >> 6 & 0x3F)
                    buf[n + 2] = 0x80 | UInt8(v & 0x3F)
                    n += 3
                } else {
                    buf[n] = 0xF0 | UInt8(v >> 18)
                    buf[n + 1] = 0x80 | UInt8(v >> 12 & 0x3F)
                    buf[n + 2] = 0x80 | UInt8(v >> 6 & 0x3F)
                    buf[n + 3] = 0x80 | UInt8(v & 0x3F)
                    n += 4
                }
            }
            return n
        }
    }

    /// The scalars with every space removed.
    var withoutSpaces: [Unicode.Scalar] { filter { !$0.isSpaceLike } }

    func hasPrefix(_ p: String) -> Bool {
        var i = 0
        for s in p.unicodeScalars {
            guard i < count, self[i] == s else { return false }
            i += 1
        }
        return true
    }

    func hasSuffix(_ p: String) -> Bool {
        var i = count
        for s in p.unicodeScalars.reversed() {
            i -= 1
            guard i >= 0, self[i] == s else { return false }
        }
        return true
    }

    func contains(_ p: String) -> Bool { firstRange(of: p) != nil }

    func firstRange(of p: String) -> Range<Int>? {
        let ps = p.unicodeScalars
        guard let first = ps.first else { return nil }
        var i = 0
        while i < count {
            if self[i] == first {
                var j = i
                var matched = true
                for s in ps {
                    guard j < count, self[j] == s else { matched = false; break }
                    j += 1
                }
                if matched { return i..<j }
            }
            i += 1
        }
        return nil
    }

    /// Leading and trailing spaces removed.
    var trimmed: [Unicode.Scalar] {
        var lo = 0, hi = count
        while lo < hi, self[lo].isSpaceLike { lo += 1 }
        while hi > lo, self[hi - 1].isSpaceLike { hi -= 1 }
        return Array(self[lo..<hi])
    }
}
