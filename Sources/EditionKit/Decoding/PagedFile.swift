#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A large UTF-8 edition file read page by page.
///
/// Opening finds the pages in one pass through a small buffer (form feeds,
/// found with memchr) and keeps only their byte ranges; a page's bytes are
/// read again (`pread`) and decoded when the page is first shown. A 300-page
/// edition thus opens without copying 3 MB into memory it then has to fault
/// in: the copy, not the scan, was most of what it cost to open one.
///
/// Only files whose first 16 KiB are valid UTF-8 are read this way; any other
/// file is read whole and decoded (`TextDecoder.decode`). The file stays open
/// while the document lives. A file rewritten while it is being read yields
/// what `pread` returns, never a crash (unlike a memory map, which faults
/// when the file shrinks).
final class PagedFile {
    let path: String
    /// The byte ranges between form feeds that hold a byte other than ASCII
    /// white space.
    let pages: [Range<Int>]
    private let fd: Int32

    private init(path: String, fd: Int32, pages: [Range<Int>]) {
        self.path = path
        self.fd = fd
        self.pages = pages
    }

    deinit { close(fd) }

    /// The bytes read per step of the scan.
    static let chunkSize = 1 << 16
    /// How much must be valid UTF-8 for the file to be read this way: text
    /// in another encoding fails within its first line of CJK, and a page
    /// that fails later is still decoded on its own (`TextDecoder.pageText`).
    static let prefixSize = 1 << 14

    /// Scans the file at `path`. `nil` when its first 16 KiB are not valid
    /// UTF-8 (the caller then reads and decodes it whole); a failure when it
    /// cannot be read or holds a NUL byte or many other control bytes.
    static func scan(path: String, index: PDFCache? = indexCache) -> Result<PagedFile?, EditionError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(path: path, reason: String(cString: strerror(errno)))) }
        let key = index.flatMap { _ in indexKey(fd) }
        if let index, let key, let pages = loadIndex(index, key) {
            return .success(PagedFile(path: path, fd: fd, pages: pages))
        }
        var pages: [Range<Int>] = []
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var offset = 0           // file offset of buffer[0]
        var pageStart = 0        // file offset where the current page starts
        var pageHasText = false
        var first = true
        var failure: EditionError?
        while failure == nil {
            let filled = buffer.withUnsafeMutableBytes { fill(fd, $0.baseAddress!, chunkSize) }
            if filled < 0 { failure = .unreadable(path: path, reason: String(cString: strerror(errno))); break }
            if filled == 0 { break }
            let verdict: Bool? = buffer.withUnsafeBufferPointer { all in
                let chunk = UnsafeBufferPointer(rebasing: all[..<filled])
                let base = chunk.baseAddress!
                if memchr(base, 0, filled) != nil { failure = .binaryFile(path: path); return false }
                if first {
                    first = false
                    if !TextDecoder.looksLikeText(chunk) { failure = .binaryFile(path: path); return false }
                    // The prefix ends before a lead or ASCII byte, so a character
                    // cut by the chunk's end does not fail it.
                    var end = min(filled, prefixSize)
                    if end < filled {
                        while end > 0, chunk[end] & 0xC0 == 0x80 { end -= 1 }
                    }
                    if String(validating: UnsafeBufferPointer(rebasing: chunk[..<end]), as: UTF8.self) == nil { return nil }
                }
                var i = 0
                while i < filled {
                    let ff = memchr(base + i, 0x0C, filled - i).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? filled
                    // A page counts when it has a byte other than ASCII white space.
                    while !pageHasText, i < ff {
                        let b = chunk[i]
                        if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { pageHasText = true }
                        i += 1
                    }
                    if ff < filled {
                        if pageHasText { pages.append(pageStart..<(offset + ff)) }
                        pageStart = offset + ff + 1
                        pageHasText = false
                    }
                    i = ff + 1
                }
                return true
            }
            if verdict == nil { close(fd); return .success(nil) }
            offset += filled
            if filled < chunkSize { break }
        }
        if let failure { close(fd); return .failure(failure) }
        if pageHasText { pages.append(pageStart..<offset) }
        if let index, let key, pages.count > 1, indexKey(fd) == key { storeIndex(pages, in: index, key) }
        return .success(PagedFile(path: path, fd: fd, pages: pages))
    }

    // MARK: The page index kept between runs

    /// Where the page ranges of files scanned before are kept: the cache
    /// folder (`$XDG_CACHE_HOME/folio`, as for PDFs), so that a 3,000-page
    /// file opens without reading 33 MB for its form feeds again.
    static let indexCache = PDFCache.standard()

    /// The entry's name and the version of the file it holds: one entry a
    /// file (device and inode), which names the size and modification time
    /// it was scanned at. A file changed since is scanned again.
    struct IndexKey: Equatable {
        var name: String
        var stamp: String
    }

    static func indexKey(_ fd: Int32) -> IndexKey? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let mtime = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
        return IndexKey(name: "pages-v1-\(st.st_dev)-\(st.st_ino).idx", stamp: "folio-pages 1 \(st.st_size) \(mtime)")
    }

    /// The ranges of a whole entry for this version of the file, else nil.
    static func loadIndex(_ cache: PDFCache, _ key: IndexKey) -> [Range<Int>]? {
        guard case .success(let bytes) = FileSystem.read(cache.directory + "/" + key.name) else { return nil }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= 3, lines.removeLast().isEmpty, lines.removeLast().elementsEqual("end".utf8),
              lines.removeFirst().elementsEqual(key.stamp.utf8) else { return nil }
        let size = Int(key.stamp.split(separator: " ")[2])!
        var pages: [Range<Int>] = []
        pages.reserveCapacity(lines.count)
        var previous = 0
        for line in lines {
            func number(_ digits: ArraySlice<UInt8>) -> Int? {
                DecimalNumber.value(of: digits.lazy.map { Unicode.Scalar($0) }, maxDigits: 18)
            }
            guard let space = line.firstIndex(of: 0x20), let a = number(line[..<space]), let b = number(line[(space + 1)...]),
                  a >= previous, a < b, b <= size else { return nil }
            pages.append(a..<b)
            previous = b
        }
        return pages
    }

    static func storeIndex(_ pages: [Range<Int>], in cache: PDFCache, _ key: IndexKey) {
        var text = key.stamp + "\n"
        for p in pages { text += "\(p.lowerBound) \(p.upperBound)\n" }
        cache.store(text + "end\n", as: key.name)
    }

    /// The bytes of `range`, read now; fewer when the file has shrunk since
    /// it was scanned.
    func bytes(_ range: Range<Int>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: range.count) { buf, count in
            count = 0
            while count < range.count {
                let n = pread(fd, buf.baseAddress! + count, range.count - count, off_t(range.lowerBound + count))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                count += n
            }
        }
    }

    /// Reads until `count` bytes or the end of the file; -1 on an error.
    private static func fill(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ count: Int) -> Int {
        var got = 0
        while got < count {
            let n = read(fd, p + got, count - got)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            got += n
        }
        return got
    }
}

