#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The extractor's output for PDFs read before, under `$XDG_CACHE_HOME/folio`
/// (else `~/.cache/folio`): a PDF edition is extracted once, and opens from
/// the cache after.
///
/// Two entries a PDF: what the extractor printed, and the pages this build
/// of folio analysed from it (so a reopened edition needs neither the
/// extractor nor the analysis; a new build analyses again, without the
/// extractor). Entries are keyed by the file's size, modification time and
/// a hash of its content, so a changed file is read again. Entries are written to a
/// temporary file and renamed into place: readers never see half an entry,
/// and two writers of one entry leave one whole copy. An entry that does not
/// end as the extractor's output ends (cut short, damaged) is ignored and
/// written again.
///
/// The same folder keeps the page index of large text editions
/// (`PagedFile.indexCache`, `pages-v1-DEV-INODE.idx`), written the same way.
public struct PDFCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/folio`, else `$HOME/.cache/folio`; nil when neither is set.
    public static func standard() -> PDFCache? {
        if let x = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), x.hasPrefix("/") {
            return PDFCache(directory: x + "/folio")
        }
        if let h = getenv("HOME").map({ String(cString: $0) }), !h.isEmpty {
            return PDFCache(directory: h + "/.cache/folio")
        }
        return nil
    }

    /// Bumped when the stored form changes: old entries are then not read.
    static let version = 1

    /// The entry's file name for a PDF: its size, modification time and
    /// content hash (FNV-1a, 64 bits), or nil when the file cannot be read.
    func key(for pdf: String) -> String? {
        var st = stat()
        guard stat(pdf, &st) == 0, case .success(let bytes) = FileSystem.read(pdf) else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let mtime = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
        return "v\(Self.version)-\(st.st_size)-\(mtime)-\(String(hash, radix: 16)).bbox"
    }

    /// The cached extractor output, if a whole entry is there.
    func load(_ key: String) -> String? {
        guard case .success(let bytes) = FileSystem.read(directory + "/" + key) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return Self.isWhole(text) ? text : nil
    }

    /// The analysed pages of a PDF (its key's entry), if this build of folio
    /// stored them: another build may read pages differently, so its
    /// entries are not read (and the extractor's output still is).
    func loadPages(_ key: String) -> [Page]? {
        guard case .success(let bytes) = FileSystem.read(directory + "/" + key + "-" + Self.build + ".pages") else { return nil }
        return AnalysedPages.decode(String(decoding: bytes, as: UTF8.self))
    }

    /// Stores the analysed pages of a PDF, and drops what other builds stored for it.
    func storePages(_ pages: [Page], as key: String) {
        store(AnalysedPages.encode(pages), as: key + "-" + Self.build + ".pages")
        for name in FileSystem.list(directory) ?? [] where name.hasPrefix(key + "-") && name.hasSuffix(".pages") && name != key + "-" + Self.build + ".pages" {
            unlink(directory + "/" + name)
        }
    }

    /// This build of folio: its executable's size and modification time.
    static let build: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "b0" }
        return "b\(st.st_size)-\(st.st_mtim.tv_sec)"
    }()

    /// Output as `pdftotext -bbox-layout` ends it: a damaged entry is not.
    static func isWhole(_ text: String) -> Bool {
        text.hasSuffix("</html>\n") || text.hasSuffix("</html>")
    }

    /// Stores an entry (best effort: a cache that cannot be written only
    /// costs the next open its extraction).
    func store(_ text: String, as key: String) {
        guard makeDirectory() else { return }
        let final = directory + "/" + key
        let temp = directory + "/.\(key).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return }
        var ok = true
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buf in
            var done = 0
            while done < buf.count {
                let n = write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                done += n
            }
        }
        if fsync(fd) != 0 { ok = false }
        close(fd)
        if !ok || rename(temp, final) != 0 { unlink(temp) }
    }

    /// The cache folder and its parents, made as `mkdir -p` does.
    private func makeDirectory() -> Bool {
        var path = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + part
            if mkdir(path, 0o755) != 0, errno != EEXIST { return false }
        }
        return FileSystem.kind(directory) == .directory
    }
}
