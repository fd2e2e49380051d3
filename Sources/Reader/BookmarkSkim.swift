import EditionKit
#if canImport(Glibc)
import Glibc
#endif

/// One edition's part of the bookmarks file, read without decoding the rest.
///
/// The reader's first screen needs only the open edition's bookmarks (the
/// marks on the contents) and its reading position. Decoding a file of
/// 10,000 bookmarks whole takes sixty milliseconds; stepping over it (each
/// string to its closing quote, each object and list to its closing
/// bracket) and decoding only that edition's entries takes a few
/// (docs/performance.md). The rest is decoded when something needs it
/// (`BookmarkStore.complete()`).
///
/// `nil` when the file is not an object with `version`, `bookmarks` and
/// `positions` laid out as JSON, or one of the edition's entries does not
/// decode: the caller then decodes the whole file, which judges it. The
/// entries of other editions are not checked here.
enum BookmarkSkim {
    struct Part: Equatable {
        var version: Int
        /// The edition's bookmarks, in the file's order (newest first).
        var bookmarks: [Bookmark]
        var position: ReadingPosition?
    }

    static func part(of edition: String, in bytes: [UInt8]) -> Part? {
        bytes.withUnsafeBufferPointer { part(of: edition, in: $0) }
    }

    static func part(of edition: String, in bytes: UnsafeBufferPointer<UInt8>) -> Part? {
        guard bytes.baseAddress != nil else { return nil }
        var scanner = Scanner(bytes: bytes)
        return scanner.part(of: Array(edition.utf8))
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        // The member names looked for, made once (not at every member).
        let versionName = Array("version".utf8), bookmarksName = Array("bookmarks".utf8)
        let positionsName = Array("positions".utf8), editionName = Array("edition".utf8)

        mutating func part(of edition: [UInt8]) -> Part? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var version: Int?, bookmarks: [Bookmark]?, position: ReadingPosition?, sawPositions = false
            repeat {
                guard let name = string(), take(UInt8(ascii: ":")) else { return nil }
                if matches(name, versionName) {
                    let start = skipSpace()
                    guard skipValue(), let v = decode(start..<at)?.intValue else { return nil }
                    version = v
                } else if matches(name, bookmarksName) {
                    guard let found = bookmarksList(of: edition) else { return nil }
                    bookmarks = found
                } else if matches(name, positionsName) {
                    guard take(UInt8(ascii: "{")) else { return nil }
                    sawPositions = true
                    if take(UInt8(ascii: "}")) { continue }
                    repeat {
                        guard let member = string(), take(UInt8(ascii: ":")) else { return nil }
                        let start = skipSpace()
                        guard skipValue() else { return nil }
                        if matches(member, edition) {
                            guard let p = decode(start..<at).flatMap(ReadingPosition.init(json:)) else { return nil }
                            position = p
                        }
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "}")) else { return nil }
                } else {
                    guard skipValue() else { return nil }
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            _ = skipSpace()
            guard at == bytes.count, let version, let bookmarks, sawPositions else { return nil }
            return Part(version: version, bookmarks: bookmarks, position: position)
        }

        /// The list's bookmarks whose `edition` is `edition`; the others are
        /// stepped over once their `edition` member has been compared.
        mutating func bookmarksList(of edition: [UInt8]) -> [Bookmark]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var found: [Bookmark] = []
            if take(UInt8(ascii: "]")) { return found }
            repeat {
                let start = skipSpace()
                guard take(UInt8(ascii: "{")) else { return nil }
                var ours = false
                if !take(UInt8(ascii: "}")) {
                    repeat {
                        guard let member = string(), take(UInt8(ascii: ":")) else { return nil }
                        if matches(member, editionName), let value = string() {
                            ours = matches(value, edition)
                        } else {
                            guard skipValue() else { return nil }
                        }
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "}")) else { return nil }
                }
                if ours {
                    guard let b = decode(start..<at).flatMap(Bookmark.init(json:)) else { return nil }
                    found.append(b)
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return nil }
            return found
        }

        /// A string's place: the bytes between its quotes, escapes as written.
        struct Text { var start: Int, end: Int, escaped: Bool }

        /// Whether the string is `word` (decoded first when it has escapes).
        func matches(_ text: Text, _ word: [UInt8]) -> Bool {
            if !text.escaped {
                guard text.end - text.start == word.count else { return false }
                guard !word.isEmpty else { return true }
                return word.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + text.start, $0.baseAddress!, word.count) == 0 }
            }
            guard let s = decode(text.start - 1..<text.end + 1)?.stringValue else { return false }
            return Array(s.utf8) == word
        }

        /// The JSON value in `range` (as stepped over: the reader judges it).
        func decode(_ range: Range<Int>) -> JSON? {
            try? JSON(parsing: Array(bytes[range]))
        }

        /// Skips white space; returns where the next value starts.
        mutating func skipSpace() -> Int {
            while at < bytes.count {
                let c = bytes[at]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { break }
                at += 1
            }
            return at
        }

        /// Takes `c` after white space, if it is next.
        mutating func take(_ c: UInt8) -> Bool {
            _ = skipSpace()
            guard at < bytes.count, bytes[at] == c else { return false }
            at += 1
            return true
        }

        /// A string, the scanner left after its closing quote. Most of the
        /// file is strings: their ends are found with `memchr`.
        mutating func string() -> Text? {
            _ = skipSpace()
            guard at < bytes.count, bytes[at] == 0x22, let base = bytes.baseAddress else { return nil }
            let start = at + 1
            var from = start, escaped = false
            while let found = memchr(base + from, 0x22, bytes.count - from) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // A quote after an odd run of backslashes is escaped.
                var run = end
                while run > start && bytes[run - 1] == 0x5C { run -= 1 }
                if (end - run) % 2 == 0 {
                    escaped = escaped || memchr(base + start, 0x5C, end - start) != nil
                    at = end + 1
                    return Text(start: start, end: end, escaped: escaped)
                }
                escaped = true
                from = end + 1
            }
            return nil
        }

        /// Steps over one value: a string, an object or list (to its closing
        /// bracket, strings stepped over whole), or a number or literal.
        mutating func skipValue() -> Bool {
            _ = skipSpace()
            guard at < bytes.count else { return false }
            switch bytes[at] {
            case 0x22:
                return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while at < bytes.count {
                    switch bytes[at] {
                    case 0x22:
                        guard string() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            at += 1
                            return true
                        }
                    default:
                        break
                    }
                    at += 1
                }
                return false
            default:
                let start = at
                while at < bytes.count {
                    let c = bytes[at]
                    if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]")
                        || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { break }
                    at += 1
                }
                return at > start
            }
        }
    }
}
