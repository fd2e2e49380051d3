/// Printed numbers (page numbers, dates, years) read from page text.
///
/// Page text is untrusted: a line of twenty digits must read as "not a
/// number here", never trap on overflow. Every number the parser takes from
/// text goes through `value(of:maxDigits:)`.
enum DecimalNumber {
    /// The value of `digits` when it is 1…`maxDigits` ASCII digits, else nil.
    static func value<C: Collection>(of digits: C, maxDigits: Int = 9) -> Int? where C.Element == Unicode.Scalar {
        guard !digits.isEmpty, digits.count <= min(maxDigits, 18) else { return nil }
        var v = 0
        for s in digits {
            guard s.isASCIIDigit else { return nil }
            v = v * 10 + Int(s.value - 0x30)
        }
        return v
    }

    /// The same for a word of text (`2025`, `17,` is not a number).
    static func value(of word: String, maxDigits: Int = 9) -> Int? {
        value(of: word.unicodeScalars, maxDigits: maxDigits)
    }
}
