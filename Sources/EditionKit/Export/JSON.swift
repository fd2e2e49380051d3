/// A JSON value (RFC 8259), read and written without Foundation.
///
/// The bookmarks file is JSON the reader reads at every start, and the PDF
/// cache holds analysed pages as JSON; the first use of FoundationEssentials'
/// `JSONDecoder` cost 0.3–0.4 ms of the first frame (docs/performance.md),
/// and neither EditionKit nor the Reader needs Foundation.
/// Numbers are kept as `Double`, exact for every integer the file holds.
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// Why a text is not JSON, and the byte offset where that was found.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// Parses a whole document: one value, with white space around it only.
    public init(parsing bytes: [UInt8]) throws(SyntaxError) {
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.at == bytes.count else { throw SyntaxError(offset: parser.at, reason: "text after the value") }
        self = value
    }

    public subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value as an integer, when it is a number with no fraction.
    public var intValue: Int? {
        guard case .number(let d) = self, d.rounded() == d, abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }

    /// Indented two spaces a level, keys sorted, so that files diff well;
    /// `/` and non-ASCII text are written as they are.
    public func printed() -> String { String(decoding: printedUTF8(), as: UTF8.self) }

    /// `printed()` as UTF-8 bytes, written straight into one buffer: a
    /// bookmarks file of 10,000 entries is rewritten at every `m`, and
    /// growing a `String` piece by piece cost most of that save.
    public func printedUTF8() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        return out
    }

    /// On one line, without spaces (keys sorted): a line of a JSON Lines
    /// file such as the bookmarks journal. Strings escape their line breaks.
    public func lineUTF8() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out, indent: nil)
        return out
    }

    public static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    private static func appendSpaces(_ n: Int, to out: inout [UInt8]) {
        for _ in 0..<n { out.append(0x20) }
    }

    /// `s` as a JSON string (`JSONWriter.quote`), appended as UTF-8.
    public static func quote(_ s: String, to out: inout [UInt8]) {
        guard JSONWriter.needsEscapes(s) else {
            out.append(0x22)
            append(s, to: &out)
            out.append(0x22)
            return
        }
        var quoted = ""
        JSONWriter.quote(s, into: &quoted)
        append(quoted, to: &out)
    }

    /// Writes the value indented by `indent` spaces, one item a line, or,
    /// with no indent, all on one line without spaces.
    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let b): Self.append(b ? "true" : "false", to: &out)
        case .number(let d):
            if d.rounded() == d, abs(d) < 9.0e15 { Self.append(String(Int(d)), to: &out) } else { Self.append("\(d)", to: &out) }
        case .string(let s): Self.quote(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else { Self.append("[]", to: &out); return }
            Self.list("[", "]", count: items.count, indent: indent, to: &out) { i, inner, out in
                items[i].write(to: &out, indent: inner)
            }
        case .object(let members):
            guard !members.isEmpty else { Self.append("{}", to: &out); return }
            let sorted = members.sorted { $0.key < $1.key }
            Self.list("{", "}", count: sorted.count, indent: indent, to: &out) { i, inner, out in
                Self.quote(sorted[i].key, to: &out)
                out.append(UInt8(ascii: ":"))
                if inner != nil { out.append(0x20) }
                sorted[i].value.write(to: &out, indent: inner)
            }
        }
    }

    /// `count` items between `opening` and `closing`, parted by commas: one
    /// a line, indented two spaces past `indent`, or on one line.
    private static func list(_ opening: Character, _ closing: Character, count: Int, indent: Int?, to out: inout [UInt8],
                             item: (Int, Int?, inout [UInt8]) -> Void) {
        out.append(opening.asciiValue!)
        if indent != nil { out.append(0x0A) }
        for i in 0..<count {
            if let indent { appendSpaces(indent + 2, to: &out) }
            item(i, indent.map { $0 + 2 }, &out)
            if i + 1 < count { out.append(UInt8(ascii: ",")) }
            if indent != nil { out.append(0x0A) }
        }
        if let indent { appendSpaces(indent, to: &out) }
        out.append(closing.asciiValue!)
    }

    /// A recursive-descent reader over UTF-8 bytes.
    private struct Parser {
        let bytes: [UInt8]
        var at = 0

        /// Deeper nesting than any bookmarks file has is refused rather
        /// than risking the stack.
        static let maxDepth = 64

        init(bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ reason: String) -> SyntaxError { SyntaxError(offset: at, reason: reason) }

        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSON {
            guard depth < Self.maxDepth else { throw fail("nested too deeply") }
            guard at < bytes.count else { throw fail("unexpected end") }
            switch bytes[at] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw fail("unexpected character")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            for b in word.utf8 {
                guard at < bytes.count, bytes[at] == b else { throw fail("expected \(word)") }
                at += 1
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSON {
            at += 1
            var members: [String: JSON] = [:]
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let key = try string()
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                at += 1
                skipSpace()
                members[key] = try value(depth: depth + 1)
                skipSpace()
                guard at < bytes.count else { throw fail("unexpected end") }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                throw fail("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSON {
            at += 1
            var items: [JSON] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard at < bytes.count else { throw fail("unexpected end") }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                throw fail("expected ',' or ']'")
            }
        }

        mutating func string() throws(SyntaxError) -> String {
            at += 1
            // Most strings hold no escape: made straight from the bytes,
            // with no copy to grow first (a bookmarks file has 80,000).
            var end = at
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                guard let s = String(validating: bytes[at..<end], as: UTF8.self) else { throw fail("string is not UTF-8") }
                at = end + 1
                return s
            }
            var utf8 = Array(bytes[at..<end])
            at = end
            while true {
                guard at < bytes.count else { throw fail("unterminated string") }
                let b = bytes[at]
                at += 1
                switch b {
                case UInt8(ascii: "\""):
                    guard let s = String(validating: utf8, as: UTF8.self) else { throw fail("string is not UTF-8") }
                    return s
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { throw fail("unterminated string") }
                    let e = bytes[at]
                    at += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(e)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        var v = try hex4()
                        if (0xD800...0xDBFF).contains(v) {
                            // A high surrogate must be followed by an escaped low one.
                            guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate") }
                            at += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail("lone surrogate") }
                            v = 0x10000 + (v - 0xD800) << 10 + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(v) else { throw fail("lone surrogate") }
                        utf8.append(contentsOf: String(scalar).utf8)
                    default: throw fail("bad escape")
                    }
                case 0..<0x20: throw fail("control character in string")
                default: utf8.append(b)
                }
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard at + 4 <= bytes.count else { throw fail("bad \\u escape") }
            var v: UInt32 = 0
            for b in bytes[at..<(at + 4)] {
                let d: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
                default: throw fail("bad \\u escape")
                }
                v = v << 4 | UInt32(d)
            }
            at += 4
            return v
        }

        /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
        mutating func number() throws(SyntaxError) -> Double {
            let start = at
            func digits(_ p: inout Parser) -> Int {
                let s = p.at
                while p.at < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.at]) { p.at += 1 }
                return p.at - s
            }
            if bytes[at] == UInt8(ascii: "-") { at += 1 }
            let intStart = at
            let n = digits(&self)
            guard n > 0, !(n > 1 && bytes[intStart] == UInt8(ascii: "0")) else { throw fail("bad number") }
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                at += 1
                guard digits(&self) > 0 else { throw fail("bad number") }
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
                at += 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                guard digits(&self) > 0 else { throw fail("bad number") }
            }
            guard let d = Double(String(decoding: bytes[start..<at], as: UTF8.self)), d.isFinite else { throw fail("bad number") }
            return d
        }
    }
}
