/// An edition opened for reading: its files read and decoded, its pages
/// split, but each page parsed only when first asked for. A reader shows its
/// first screen after parsing one page, whatever the size of the edition.
///
/// Page order is the order of the sources (file names by their number, then
/// form-feed order); `EditionReader.read` parses every page and orders by the
/// printed numbers instead. Not thread-safe: one reader owns it.
public final class EditionDocument {
    struct Source {
        var text: Substring
        var name: String
        var fallbackNumber: Int?
    }

    /// The edition date from its folder or file name, else its first page.
    public private(set) var date: String?
    /// Where the edition was read from.
    public let path: String
    private let sources: [Source]
    private var cache: [Page?]

    init(path: String, sources: [Source], nameDate: String?) {
        self.path = path
        self.sources = sources
        cache = Array(repeating: nil, count: sources.count)
        date = nameDate
        if date == nil, !sources.isEmpty { date = page(0).date }
    }

    public var pageCount: Int { sources.count }

    /// Page `i`, parsed on first use. Its `date` falls back to the edition's.
    public func page(_ i: Int) -> Page {
        if let p = cache[i] { return p }
        let s = sources[i]
        var p = PageParser.parse(String(s.text), source: s.name, fallbackNumber: s.fallbackNumber)
        if p.date == nil { p.date = date }
        cache[i] = p
        return p
    }

    /// Whether page `i` has been parsed already.
    public func isParsed(_ i: Int) -> Bool {
        cache[i] != nil
    }

    /// Every page, parsed.
    public var pages: [Page] { (0..<pageCount).map(page) }
}
