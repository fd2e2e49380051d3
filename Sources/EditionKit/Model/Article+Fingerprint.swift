extension Article {
    /// A stable fingerprint of the story's text: FNV-1a over the UTF-8 of its
    /// first 120 letters and digits (title, then blocks; spaces and marks
    /// left out), in hex. Bookmark files hold it: never change what it counts.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf29ce484222325
        var taken = 0
        // Reads only as far as the 120th letter, not the whole story.
        func feed(_ text: String) -> Bool {
            for s in text.unicodeScalars where Self.isFingerprintLetter(s) {
                for b in UTF8.encode(s)! {
                    hash ^= UInt64(b)
                    hash = hash &* 0x100000001b3
                }
                taken += 1
                if taken == 120 { return true }
            }
            return false
        }
        if !feed(title ?? "") {
            for block in blocks {
                let text: String
                switch block {
                case .paragraph(let t), .subhead(let t): text = t
                case .photo(let caption, _): text = caption ?? ""
                }
                if feed(text) { break }
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Alphabetic or numeric (Unicode properties), with fast answers for
    /// ASCII and the main ideograph block, where look-ups are slow.
    static func isFingerprintLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        case 0x4E00...0x9FFF: return true
        default: return s.properties.isAlphabetic || s.properties.numericType != nil
        }
    }
}
