#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the bytes of an edition file: UTF-8 (with or without BOM), UTF-16
/// with BOM, or GB18030 (a superset of GBK and GB2312, common for Chinese
/// papers). Never returns mojibake: bytes that are valid in none of these fail.
public enum TextDecoder {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", gb18030 = "GB18030" }

    public enum Failure: Error, Equatable { case empty, binary, undecodable }

    /// A file's contents as `EditionReader` keeps them.
    enum Contents {
        /// Decoded text.
        case text(String, Encoding)
        /// A large file presumed UTF-8 from its first 16 KiB, read and
        /// validated page by page (`PagedFile`).
        case paged(PagedFile)
    }

    /// Files at least this large are read page by page when their first
    /// 16 KiB are UTF-8.
    static let pagedSize = 1 << 18

    /// One page of a file presumed UTF-8: UTF-8 when valid, else GB18030 when
    /// that decodes, else UTF-8 with each bad byte replaced by U+FFFD, so the
    /// rest of the page's text is kept.
    static func pageText(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        if let s = gb18030(bytes) { return s }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Fails when NUL or many other C0 controls show a binary file. NUL
    /// never appears in text in these encodings; other controls are counted
    /// in the first 64 KiB (`looksLikeText`): a binary file shows them at
    /// once, and a large edition need not be walked twice.
    private static func checkBinary(_ bytes: [UInt8]) -> Result<Void, Failure> {
        let binary = bytes.withUnsafeBufferPointer { buf -> Bool in
            guard let base = buf.baseAddress else { return false }
            return memchr(base, 0, buf.count) != nil || !looksLikeText(UnsafeBufferPointer(rebasing: buf.prefix(1 << 16)))
        }
        return binary ? .failure(.binary) : .success(())
    }

    /// UTF-16 written without a byte-order mark: its ASCII characters (line
    /// ends, spaces, digits) put a zero byte on one side of each pair.
    /// Returns the byte order the zeros point to, or nil.
    static func unmarkedUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var even = 0, odd = 0
        for (i, b) in bytes.prefix(1 << 16).enumerated() where b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
        // (A CJK character whose low byte is zero, one in 256, puts a zero on
        // the other side now and then: the decoding that follows decides.)
        if odd >= 4 && odd > 3 * even { return true }    // `A\0`: little-endian
        if even >= 4 && even > 3 * odd { return false }  // `\0A`: big-endian
        return nil
    }

    /// Whether the start of a file shows it is no edition, before the rest
    /// is read: NUL bytes (outside UTF-16) or many other controls.
    static func looksBinary(prefix bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        let even = bytes.count - bytes.count % 2
        if unmarkedUTF16(Array(bytes.prefix(even))) != nil { return false }
        if case .failure = checkBinary(bytes) { return true }
        return false
    }

    /// A file that is not UTF-8 is decoded whole; past this size it is
    /// refused rather than read (UTF-8 files of any size are read page by
    /// page, `PagedFile`). A daily's text is a few megabytes.
    static let maxWholeFile = 1 << 28

    /// At most one byte in a hundred is a C0 control other than tab,
    /// newlines and form feed.
    static func looksLikeText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var controls = 0
        for b in bytes where b < 0x20 {
            if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return controls * 100 <= bytes.count
    }

    /// Decodes `bytes`, telling which encoding it found.
    public static func decode(_ bytes: [UInt8]) -> Result<(text: String, encoding: Encoding), Failure> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if bytes.dropFirst(3).contains(0) { return .failure(.binary) }
            return utf8(bytes[3...]).map { ($0, .utf8) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes[2...], littleEndian: true).map { ($0, .utf16LE) } }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes[2...], littleEndian: false).map { ($0, .utf16BE) } }
        if let littleEndian = unmarkedUTF16(bytes), case .success(let s) = utf16(bytes[...], littleEndian: littleEndian),
           s.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{0C}" }) {
            return .success((s, littleEndian ? .utf16LE : .utf16BE))
        }
        if case .failure(let f) = checkBinary(bytes) { return .failure(f) }
        if case .success(let s) = utf8(bytes[...]) { return .success((s, .utf8)) }
        if let s = gb18030(bytes) { return .success((s, .gb18030)) }
        return .failure(.undecodable)
    }

    /// UTF-8 bytes already checked for NUL.
    private static func utf8(_ bytes: ArraySlice<UInt8>) -> Result<String, Failure> {
        guard let s = String(validating: bytes, as: UTF8.self) else { return .failure(.undecodable) }
        return s.isEmpty ? .failure(.empty) : .success(s)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> Result<String, Failure> {
        guard bytes.count % 2 == 0 else { return .failure(.undecodable) }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        guard let s = String(validating: units, as: UTF16.self) else { return .failure(.undecodable) }
        return s.isEmpty ? .failure(.empty) : checkText(s)
    }

    private static func checkText(_ s: String) -> Result<String, Failure> {
        for u in s.unicodeScalars where u.value == 0 { return .failure(.binary) }
        return .success(s)
    }

    /// GB18030 through the C library's iconv, which glibc ships.
    private static func gb18030(_ bytes: [UInt8]) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard r != -1, inLeft == 0 else { return false }
                // Trim the buffer to what iconv wrote.
                let written = outBuf.count - outLeft
                outBuf[written] = 0
                return true
            }
        }
        guard ok, let end = output.firstIndex(of: 0) else { return nil }
        let utf8 = output[..<end].map { UInt8(bitPattern: $0) }
        return String(validating: utf8, as: UTF8.self)
    }
}
