/// A small streaming JSON writer: UTF-8 text left unescaped, keys in the
/// order written, two-space indentation when asked. The export format's key
/// order is part of its documentation, which a dictionary-based encoder
/// would not keep.
public struct JSONWriter {
    private(set) var output = ""
    let pretty: Bool
    private var depth = 0
    private var needsComma = [false]
    private var afterKey = false

    init(pretty: Bool) { self.pretty = pretty }

    /// A writer for one item of an array open at `depth` (the item's
    /// first line indented as that array's items are), whose output is
    /// spliced in with `append(item:)`: items are written apart, and the
    /// text is the same as when written in one pass.
    init(pretty: Bool, itemOfArrayAt depth: Int, first: Bool) {
        self.pretty = pretty
        self.depth = depth
        needsComma = [!first]
    }

    /// An array item written by `init(pretty:itemOfArrayAt:first:)`.
    mutating func append(item: String) {
        output += item
        needsComma[needsComma.count - 1] = true
    }

    var currentDepth: Int { depth }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && depth > 0 { output += "\n" + String(repeating: "  ", count: depth) }
    }

    mutating func key(_ k: String) {
        separator()
        string(k)
        output += pretty ? ": " : ":"
        afterKey = true
    }

    private mutating func beginValue() {
        // A value right after a key takes no separator of its own.
        if afterKey { afterKey = false } else { separator() }
    }

    mutating func open(_ c: Character) { beginValue(); output.append(c); depth += 1; needsComma.append(false) }

    mutating func close(_ c: Character) {
        let hadItems = needsComma.removeLast()
        depth -= 1
        if pretty && hadItems { output += "\n" + String(repeating: "  ", count: depth) }
        output.append(c)
    }

    mutating func value(_ s: String?) {
        beginValue()
        if let s { string(s) } else { output += "null" }
    }

    mutating func value(_ n: Int?) {
        beginValue()
        output += n.map(String.init) ?? "null"
    }

    mutating func field(_ k: String, _ s: String?) { key(k); value(s) }
    mutating func field(_ k: String, _ n: Int?) { key(k); value(n) }

    /// Quotes, backslashes, controls, or U+2028/2029 (E2 80 A8/A9), or a
    /// `TerminalText` control, byte by byte (no decoding on the fast path).
    static func needsEscapes(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            for i in bytes.indices {
                let b = bytes[i]
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
                // C1 controls are C2 80…C2 9F; U+2028/9 and the bidi controls
                // (U+200E/F, U+202A…E, U+2066…9) start with E2 80 or E2 81;
                // U+061C is D8 9C.
                if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] <= 0x9F { return true }
                if b == 0xE2, i + 2 < bytes.count {
                    let (c, d) = (bytes[i + 1], bytes[i + 2])
                    if c == 0x80, d == 0x8E || d == 0x8F || (0xA8...0xAE).contains(d) { return true }
                    if c == 0x81, (0xA6...0xA9).contains(d) { return true }
                }
                if b == 0xD8, i + 1 < bytes.count, bytes[i + 1] == 0x9C { return true }
            }
            return false
        }
    }

    private mutating func string(_ s: String) {
        Self.quote(s, into: &output)
    }

    /// `s` as a JSON string: quotes, backslashes and controls escaped (C0,
    /// DEL, C1 and the bidi controls of `TerminalText`, so that `folio export`
    /// piped to a terminal is inert; and U+2028/9, which some JSON readers
    /// take for line ends), everything else as it is. The reader's bookmarks file (`Reader.JSON`) writes its
    /// strings with it too.
    public static func quote(_ s: String, into output: inout String) {
        output += "\""
        // Most text needs no escapes: copy it whole.
        if !needsEscapes(s) {
            output += s
            output += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where TerminalText.isUnsafe(u) || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(u)
            }
        }
        output += "\""
    }
}
