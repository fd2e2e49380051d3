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

    /// Quotes, backslashes, controls, or U+2028/2029 (E2 80 A8/A9).
    static func needsEscapes(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            for i in bytes.indices {
                let b = bytes[i]
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return true }
            }
            return false
        }
    }

    private mutating func string(_ s: String) {
        Self.quote(s, into: &output)
    }

    /// `s` as a JSON string: quotes, backslashes and controls escaped (and
    /// U+2028/9, which some JSON readers take for line ends), everything else
    /// as it is. The reader's bookmarks file (`Reader.JSON`) writes its
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
            case _ where u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(u)
            }
        }
        output += "\""
    }
}
