#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the PDF pages of an edition are read: where the extractor's output
/// is cached, and who hears how far the first reading has got.
public struct PDFReading {
    public var cache: PDFCache?
    public var progress: (_ done: Int, _ total: Int) -> Void
    /// Read only what the cache holds (a PDF not read before is skipped,
    /// not extracted): for a glance at an edition, such as counting it.
    public var cachedOnly: Bool

    public init(cache: PDFCache? = PDFCache.standard(), cachedOnly: Bool = false,
                progress: @escaping (_ done: Int, _ total: Int) -> Void = { _, _ in }) {
        self.cache = cache
        self.cachedOnly = cachedOnly
        self.progress = progress
    }
}

/// Reads an edition from what a user has: a folder of page files, one file
/// of pages separated by form feeds (what `pdftotext` writes for a PDF), or a
/// single page file.
public enum EditionReader {
    /// The extensions of page files in an edition folder.
    public static let pageExtensions = ["txt", "text", "pdf"]

    /// Reads and parses a whole edition; `skipped` hears each page file of a
    /// folder that could not be read (and was left out).
    public static func read(path: String, pdf: PDFReading = PDFReading(), skipped: (String) -> Void = { _ in }) throws(EditionError) -> Edition {
        let document = try open(path: path, pdf: pdf)
        document.skipped.forEach(skipped)
        let isFolder = FileSystem.kind(path) == .directory
        var pages = document.pages
        if isFolder {
            // Page order comes from each page's own number where it has one.
            pages = pages.enumerated().sorted { x, y in
                switch (x.element.number, y.element.number) {
                case let (a?, b?) where a != b: return a < b
                default: return x.offset < y.offset
                }
            }.map(\.element)
        }
        return edition(pages, name: lastComponent(path))
    }

    /// Opens an edition for reading: files read, decoded and split into
    /// pages, nothing parsed yet.
    public static func open(path: String, pdf: PDFReading = PDFReading()) throws(EditionError) -> EditionDocument {
        guard let kind = FileSystem.kind(path) else { throw FileSystem.missing(path) }
        let name = lastComponent(path)
        var sources: [EditionDocument.Source] = []
        var skipped: [String] = []
        if kind == .directory {
            guard let entries = FileSystem.list(path) else {
                throw .unreadable(path: path, reason: "permission denied")
            }
            let files = entries.filter { e in
                guard !e.hasPrefix("."), let ext = e.split(separator: ".").last.map({ String($0).lowercased() }), e.contains(".") else { return false }
                return pageExtensions.contains(ext)
            }.sorted { a, b in
                let (na, nb) = (leadingNumber(a), leadingNumber(b))
                if let na, let nb, na != nb { return na < nb }
                return a < b
            }
            guard !files.isEmpty else { throw .noPages(path: path) }
            // One bad page file does not refuse the edition: it is skipped
            // with a warning, and the rest is read. All bad is an error.
            var firstError: EditionError?
            let full = files.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
            // The PDF pages are read together, one extractor per core. (The
            // listing kept files by their extension, which also says which
            // are PDFs: no page file is opened to be sniffed.)
            let analysed = analysedPDFs(full.filter { $0.lowercased().hasSuffix(".pdf") }, pdf)
            for (f, full) in zip(files, full) {
                do throws(EditionError) {
                    let pages: [EditionDocument.Source]
                    if let r = analysed[full] {
                        pages = pdfSources(of: try r.get(), displayName: f)
                    } else {
                        pages = try sourcePages(path: full, displayName: f)
                    }
                    if pages.isEmpty { throw .emptyFile(path: full) }
                    sources += pages
                } catch {
                    firstError = firstError ?? error
                    skipped.append(error.description)
                }
            }
            if sources.isEmpty, let firstError { throw firstError }
        } else {
            if isPDF(path) {
                sources = pdfSources(of: try analysedPDFs([path], pdf)[path]!.get(), displayName: name)
            } else {
                sources = try sourcePages(path: path, displayName: name)
            }
            if sources.isEmpty { throw .emptyFile(path: path) }
        }
        let document = EditionDocument(path: path, sources: sources, nameDate: DateText.numeric(Array(name.prefix(10).unicodeScalars)))
        document.skipped = skipped
        return document
    }

    /// The pages of a text file, split at form feeds.
    static func sourcePages(path: String, displayName: String) throws(EditionError) -> [EditionDocument.Source] {
        sourcePages(of: try contents(path: path), displayName: displayName)
    }

    /// The analysed pages of each PDF: from the cache where this build
    /// stored them, else extracted (or the extractor's output from the
    /// cache) and analysed now, and stored.
    static func analysedPDFs(_ pdfs: [String], _ reading: PDFReading) -> [String: Result<[Page], EditionError>] {
        var out: [String: Result<[Page], EditionError>] = [:]
        var keys: [String: String] = [:]
        var rest: [String] = []
        for p in pdfs {
            if let cache = reading.cache, let key = cache.key(for: p) {
                keys[p] = key
                if let pages = cache.loadPages(key) { out[p] = .success(pages); continue }
            }
            rest.append(p)
        }
        if reading.cachedOnly {
            for p in rest { out[p] = .failure(.unreadablePDF(path: p, reason: "not read yet")) }
            return out
        }
        let extracted = PDFExtractor.extract(rest, cache: reading.cache, keys: rest.map { keys[$0] }, progress: reading.progress)
        for (p, r) in zip(rest, extracted) {
            out[p] = r.map { geometries in
                let pages = geometries.map { GeometryParser.parse($0) }
                if let cache = reading.cache, let key = keys[p] { cache.storePages(pages, as: key) }
                return pages
            }
        }
        return out
    }

    /// The pages of a PDF, analysed.
    static func pdfSources(of pages: [Page], displayName: String) -> [EditionDocument.Source] {
        let fileNumber = leadingNumber(displayName)
        return pages.enumerated().map { i, p in
            EditionDocument.Source(body: .analysed(p), file: displayName, part: pages.count > 1 ? i + 1 : nil,
                                   fallbackNumber: pages.count > 1 ? i + 1 : fileNumber)
        }
    }

    /// A file named `*.pdf`, or one that starts as a PDF does.
    public static func isPDF(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".pdf") { return true }
        guard case .success(let head) = FileSystem.read(path, limit: 5) else { return false }
        return head.elementsEqual("%PDF-".utf8)
    }

    /// Parses raw text (one page, or pages separated by form feeds).
    public static func parse(text: String, name: String = "") -> Edition {
        edition(pages(of: text, displayName: name), name: name)
    }

    /// The decoded text of one file.
    public static func text(path file: String) throws(EditionError) -> String {
        try decoded(path: file).text
    }

    /// One file's contents: scanned for its pages when it is a large UTF-8
    /// file (each page is read and validated when first shown), else decoded.
    static func contents(path file: String) throws(EditionError) -> TextDecoder.Contents {
        // (UTF-16, marked or not, is decoded whole: the page scan reads UTF-8.)
        if FileSystem.size(file) >= TextDecoder.pagedSize, case .success(let prefix) = FileSystem.read(file, limit: 1 << 16),
           !prefix.starts(with: [0xFF, 0xFE]), !prefix.starts(with: [0xFE, 0xFF]), TextDecoder.unmarkedUTF16(prefix) == nil {
            switch PagedFile.scan(path: file) {
            case .failure(let e): throw e
            case .success(let f?): return .paged(f)
            case .success(nil): break
            }
        }
        let (text, encoding) = try decoded(path: file)
        return .text(text, encoding)
    }

    /// One file read whole and decoded.
    static func decoded(path file: String) throws(EditionError) -> (text: String, encoding: TextDecoder.Encoding) {
        guard FileSystem.kind(file) == .file else {
            if FileSystem.kind(file) == nil { throw .notFound(path: file) }
            throw .unreadable(path: file, reason: "not a regular file")
        }
        // The verdict on a binary file comes from its first 64 KiB, and a
        // file too large to decode whole is refused, before it is read. (A
        // file no larger than that is read once: decoding judges it.)
        let size = FileSystem.size(file)
        if size > 1 << 16 {
            switch FileSystem.read(file, limit: 1 << 16) {
            case .success(let prefix) where TextDecoder.looksBinary(prefix: prefix): throw .binaryFile(path: file)
            case .failure(let f): throw .unreadable(path: file, reason: f.reason)
            default: break
            }
        }
        if size > TextDecoder.maxWholeFile { throw .tooLarge(path: file, limit: TextDecoder.maxWholeFile) }
        let bytes: [UInt8]
        switch FileSystem.read(file) {
        case .success(let b): bytes = b
        case .failure(let f): throw .unreadable(path: file, reason: f.reason)
        }
        switch TextDecoder.decode(bytes) {
        case .failure(.empty): throw .emptyFile(path: file)
        case .failure(.binary): throw .binaryFile(path: file)
        case .failure(.undecodable): throw .undecodable(path: file)
        case .success(let decoded): return decoded
        }
    }

    static func pages(of text: String, displayName: String) -> [Page] {
        sourcePages(of: text, displayName: displayName).map { $0.parsed() }
    }

    /// The pages of a text: chunks between form feeds that hold any text.
    static func sourcePages(of text: String, displayName: String) -> [EditionDocument.Source] {
        sourcePages(of: .text(text, .utf8), displayName: displayName)
    }

    /// The pages of a file's contents: chunks between form feeds that hold
    /// any text. A paged file's pages are read when first shown.
    static func sourcePages(of contents: TextDecoder.Contents, displayName: String) -> [EditionDocument.Source] {
        let bodies: [EditionDocument.Source.Body]
        switch contents {
        case .text(var text, _):
            text.makeContiguousUTF8()
            let ranges = text.utf8.withContiguousStorageIfAvailable(pageRanges) ?? []
            let utf8 = text.utf8
            bodies = ranges.map { r in
                .text(text[utf8.index(utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)])
            }
        case .paged(let file):
            bodies = file.pages.map { .paged(file, $0) }
        }
        let fileNumber = leadingNumber(displayName)
        return bodies.enumerated().map { i, body in
            EditionDocument.Source(body: body, file: displayName, part: bodies.count > 1 ? i + 1 : nil,
                                   fallbackNumber: bodies.count > 1 ? i + 1 : fileNumber)
        }
    }

    /// The byte ranges between form feeds that hold a byte other than ASCII
    /// white space. One linear scan: a form feed is one byte in UTF-8 and
    /// never part of another character, and memchr finds it fast.
    static func pageRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        while start <= bytes.count {
            let end = memchr(base + start, 0x0C, bytes.count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
            var i = start
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            if i < end { ranges.append(start..<end) }
            start = end + 1
        }
        return ranges
    }

    static func edition(_ pages: [Page], name: String) -> Edition {
        var counts: [String: Int] = [:]
        for p in pages { if let d = p.date { counts[d, default: 0] += 1 } }
        let date = counts.max { a, b in a.value < b.value || a.value == b.value && a.key > b.key }?.key
            ?? DateText.numeric(Array(name.prefix(10).unicodeScalars))
        var pages = pages
        for i in pages.indices where pages[i].date == nil { pages[i].date = date }
        uniqueIDs(&pages)
        Continuations.link(&pages)
        return Edition(date: date, paper: pages.lazy.compactMap(\.paper).first, pages: pages)
    }

    /// Story ids are `PAGE.N`; made unique in the edition where pages are
    /// not: a page with no number (from its folio or its file name) is
    /// `pK` by its place in the edition (`p3.1`), and a page number printed
    /// again is `11-2`, `11-3`… (`11-2.1`), so `show` reaches every story.
    static func uniqueIDs(_ pages: inout [Page]) {
        var seen: [String: Int] = [:]
        for i in pages.indices {
            let old = pages[i].idPrefix
            let base = pages[i].number == nil && pages[i].label == nil ? "p\(i + 1)" : old
            let n = (seen[base] ?? 0) + 1
            seen[base] = n
            let prefix = n == 1 ? base : "\(base)-\(n)"
            guard prefix != old else { continue }
            for k in pages[i].articles.indices {
                pages[i].articles[k].id = prefix + pages[i].articles[k].id.dropFirst(old.count)
            }
        }
    }

    static func lastComponent(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p.split(separator: "/").last.map(String.init) ?? p
    }

    /// `11.txt` → 11, `page-04.txt` → 4, `A3.txt` → 3.
    static func leadingNumber(_ name: String) -> Int? {
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        var digits = ""
        for c in stem {
            if c.isASCII && c.isNumber { digits.append(c) } else if !digits.isEmpty { break }
        }
        return digits.isEmpty || digits.count > 4 ? nil : Int(digits)
    }
}
