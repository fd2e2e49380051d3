/// An edition opened for reading: its files read and its pages split, but
/// each page parsed (and, in a large UTF-8 file, validated) only when first
/// asked for. A reader shows its first screen after reading the pages that
/// screen shows, whatever the size of the edition.
///
/// Page order is the order of the sources (file names by their number, then
/// form-feed order); `EditionReader.read` parses every page and orders by the
/// printed numbers instead. Not thread-safe: one reader owns it.
public final class EditionDocument {
    struct Source {
        /// A page's text, or where it is in a large file (`PagedFile`): a
        /// big edition opens without reading pages nobody has shown yet.
        enum Body {
            case text(Substring)
            case paged(PagedFile, Range<Int>)
            /// A PDF page, analysed from its geometry when the edition was
            /// opened (or before, and cached).
            case analysed(Page)
        }
        var body: Body
        var name: String
        var fallbackNumber: Int?

        /// The page parsed: text by the text rules, a PDF page by its geometry.
        func parsed() -> Page {
            switch body {
            case .text(let s): PageParser.parse(String(s), source: name, fallbackNumber: fallbackNumber)
            case .paged(let file, let range):
                PageParser.parse(TextDecoder.pageText(file.bytes(range)), source: name, fallbackNumber: fallbackNumber)
            case .analysed(let page): page.placed(source: name, fallbackNumber: fallbackNumber)
            }
        }
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

    /// Page files of a folder left out, one message each (unreadable,
    /// binary, empty): the rest of the edition still opens.
    public internal(set) var skipped: [String] = []

    /// Page `i`, parsed on first use. Its `date` falls back to the edition's.
    public func page(_ i: Int) -> Page {
        if let p = cache[i] { return p }
        let s = sources[i]
        var p = s.parsed()
        if p.date == nil { p.date = date }
        cache[i] = p
        parsedCount += 1
        return p
    }

    /// Continued stories among the pages parsed so far: first part →
    /// continuation (`Continuations`). A page not parsed yet links nothing:
    /// the reader parses pages in order, first parts before their
    /// continuations, without parsing the whole edition to draw a screen.
    public func continuations() -> [Continuations.Place: Continuations.Place] {
        if let c = linked, c.parsed == parsedCount { return c.links }
        let links = Continuations.links(cache.map { $0 ?? Page() })
        linked = (parsedCount, links)
        return links
    }

    /// Pages parsed so far (the links are made again when it grows).
    private var parsedCount = 0
    private var linked: (parsed: Int, links: [Continuations.Place: Continuations.Place])?

    /// Whether page `i` has been parsed already.
    public func isParsed(_ i: Int) -> Bool {
        cache[i] != nil
    }

    /// Every page, parsed.
    public var pages: [Page] { (0..<pageCount).map(page) }
}
