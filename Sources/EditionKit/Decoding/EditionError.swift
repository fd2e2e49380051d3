/// Why an edition could not be read. Each case renders as one line a user can act on.
public enum EditionError: Error, Equatable, CustomStringConvertible, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case noPages(path: String)
    case emptyFile(path: String)
    case binaryFile(path: String)
    case undecodable(path: String)
    case tooLarge(path: String, limit: Int)
    case noSuchArticle(id: String)
    case noSuchEdition(date: String, library: String)
    case emptyLibrary(library: String)
    /// A PDF edition, and no `pdftotext` on `PATH`.
    case extractorMissing
    case unreadablePDF(path: String, reason: String)
    /// A PDF whose pages hold no text (a scan).
    case noTextLayer(path: String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file or folder"
        case .unreadable(let p, let r): return "\(p): cannot read (\(r))"
        case .noPages(let p): return "\(p): no page files (*.txt, *.pdf) in this folder"
        case .emptyFile(let p): return "\(p): the file is empty"
        case .binaryFile(let p): return "\(p): a binary file, not the text of an edition"
        case .undecodable(let p): return "\(p): not text in UTF-8, UTF-16 or GB18030"
        case .tooLarge(let p, let limit): return "\(p): over \(limit >> 20) MiB and not UTF-8; convert it to UTF-8 to read it"
        case .noSuchArticle(let id): return "no story \(id) in this edition (see `folio list`)"
        case .noSuchEdition(let d, let l): return "no edition dated \(d) in \(l)"
        case .emptyLibrary(let l): return "no editions in \(l)"
        case .extractorMissing: return "reading PDF editions needs pdftotext (Debian/Ubuntu: apt install poppler-utils)"
        case .unreadablePDF(let p, let r): return "\(p): cannot read this PDF (\(r))"
        case .noTextLayer(let p): return "\(p): the PDF has no text to read (a scanned page?)"
        }
    }
}
