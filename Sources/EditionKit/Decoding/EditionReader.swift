/// Reads an edition from what a user has: a folder of page files, one file
/// of pages separated by form feeds (what `pdftotext` writes for a PDF), or a
/// single page file.
public enum EditionReader {
    /// The extensions of page files in an edition folder.
    public static let pageExtensions: Set<String> = ["txt", "text"]

    public static func read(path: String) throws(EditionError) -> Edition {
        guard let kind = FileSystem.kind(path) else { throw .notFound(path: path) }
        let name = lastComponent(path)
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
            var pages: [Page] = []
            for f in files {
                let full = path.hasSuffix("/") ? path + f : path + "/" + f
                pages += try readPages(file: full, displayName: f)
            }
            // Page order comes from each page's own number where it has one.
            let ordered = pages.enumerated().sorted { x, y in
                switch (x.element.number, y.element.number) {
                case let (a?, b?) where a != b: return a < b
                default: return x.offset < y.offset
                }
            }.map(\.element)
            return edition(ordered, name: name)
        }
        return edition(try readPages(file: path, displayName: name), name: name)
    }

    /// Parses raw text (one page, or pages separated by form feeds).
    public static func parse(text: String, name: String = "") -> Edition {
        edition(pages(of: text, displayName: name), name: name)
    }

    /// The decoded text of one file.
    public static func text(path file: String) throws(EditionError) -> String {
        guard FileSystem.kind(file) == .file else {
            if FileSystem.kind(file) == nil { throw .notFound(path: file) }
            throw .unreadable(path: file, reason: "not a regular file")
        }
        let bytes: [UInt8]
        switch FileSystem.read(file) {
        case .success(let b): bytes = b
        case .failure(let f): throw .unreadable(path: file, reason: f.reason)
        }
        switch TextDecoder.decode(bytes) {
        case .failure(.empty): throw .emptyFile(path: file)
        case .failure(.binary): throw .binaryFile(path: file)
        case .failure(.undecodable): throw .undecodable(path: file)
        case .success(let (text, _)): return text
        }
    }

    static func readPages(file: String, displayName: String) throws(EditionError) -> [Page] {
        let pages = pages(of: try text(path: file), displayName: displayName)
        if pages.isEmpty { throw .emptyFile(path: file) }
        return pages
    }

    static func pages(of text: String, displayName: String) -> [Page] {
        // Split on form feeds by scalars: splitting by Character would run
        // grapheme breaking over the whole edition.
        let scalars = text.unicodeScalars
        var chunks: [Substring] = []
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            if scalars[i] == "\u{0C}" {
                chunks.append(Substring(scalars[start..<i]))
                start = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        chunks.append(Substring(scalars[start..<scalars.endIndex]))
        chunks.removeAll { $0.unicodeScalars.allSatisfy(\.isSpaceLike) || $0.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
        let fileNumber = leadingNumber(displayName)
        return chunks.enumerated().map { i, chunk in
            let source = chunks.count > 1 ? "\(displayName)#\(i + 1)" : displayName
            let fallback = chunks.count > 1 ? i + 1 : fileNumber
            return PageParser.parse(String(chunk), source: source, fallbackNumber: fallback)
        }
    }

    static func edition(_ pages: [Page], name: String) -> Edition {
        var counts: [String: Int] = [:]
        for p in pages { if let d = p.date { counts[d, default: 0] += 1 } }
        let date = counts.max { a, b in a.value < b.value || a.value == b.value && a.key > b.key }?.key
            ?? DateText.numeric(Array(name.prefix(10).unicodeScalars))
        var pages = pages
        for i in pages.indices where pages[i].date == nil { pages[i].date = date }
        return Edition(date: date, paper: pages.lazy.compactMap(\.paper).first, pages: pages)
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
