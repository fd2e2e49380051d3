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
            /// opened (or before, and cached). (Boxed: a page is large, and a
            /// 3,000-page text edition holds 3,000 sources.)
            indirect case analysed(Page)
        }
        var body: Body
        /// The file's name, shared by all its pages.
        var file: String
        /// The page's place in a file of several (`name` is `file#part`).
        var part: Int?
        var fallbackNumber: Int?

        /// `ed.txt#17` for the 17th page of a file of pages (made when asked
        /// for: a 3,000-page file opens without 3,000 names).
        var name: String { part.map { "\(file)#\($0)" } ?? file }

        init(body: Body, file: String, part: Int? = nil, fallbackNumber: Int?) {
            self.body = body
            self.file = file
            self.part = part
            self.fallbackNumber = fallbackNumber
        }

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
    /// Pages by index, held sparsely: a page is large, and an edition of
    /// 3,000 pages holds a few dozen at a time.
    private var cache: [Int: Page] = [:]
    /// What the contents and `Continuations` need of a page not held in the
    /// cache (`Page.skeleton`: its stories, their titles and jump lines), so
    /// that its stories are counted and linked without parsing it again.
    private var skeletons: [Int: Page] = [:]
    /// When each cached page was last asked for (a tick), and which pages
    /// are cached: at most `capacity`, the least recently used let go first.
    private var lastUse: [Int]
    /// Each parsed page's stories as bookmarks name them (id, fingerprint),
    /// kept when the page is let go: opening a bookmark looks for its
    /// story on every page, and must not parse them all again.
    private var storyKeys: [[StoryKey]?]
    private var resident: [Int] = []
    private var tick = 0

    /// How many parsed pages are kept. The reader asks for the pages on
    /// screen and their neighbours, which are always the most recent, so
    /// paging through 3,000 pages keeps memory flat; a page let go is parsed
    /// again (a millisecond) when it is shown again.
    public var capacity = 48

    init(path: String, sources: [Source], nameDate: String?) {
        self.path = path
        self.sources = sources
        lastUse = Array(repeating: 0, count: sources.count)
        storyKeys = Array(repeating: nil, count: sources.count)
        date = nameDate
        if date == nil, !sources.isEmpty { date = page(0).date }
    }

    public var pageCount: Int { sources.count }

    /// Page files of a folder left out, one message each (unreadable,
    /// binary, empty): the rest of the edition still opens.
    public internal(set) var skipped: [String] = []

    /// Page `i`, parsed on first use. Its `date` falls back to the edition's.
    public func page(_ i: Int) -> Page {
        tick += 1
        lastUse[i] = tick
        if let p = cache[i] { return p }
        let p = parse(i)
        hold(p, at: i)
        if resident.count > max(1, capacity) { evictLeastRecent() }
        parsedCount += 1
        return p
    }

    /// Keeps page `i` in the cache, as asked for now.
    private func hold(_ p: Page, at i: Int) {
        tick += 1
        lastUse[i] = tick
        cache[i] = p
        skeletons[i] = nil
        resident.append(i)
    }

    /// Lets go of the cached page asked for longest ago (never the one
    /// just parsed, which is the most recent), keeping its skeleton.
    private func evictLeastRecent() {
        var oldest = 0
        for k in resident.indices where lastUse[resident[k]] < lastUse[resident[oldest]] { oldest = k }
        let i = resident.remove(at: oldest)
        skeletons[i] = cache[i]?.skeleton
        cache[i] = nil
    }

    /// The number of stories on page `i`, from its skeleton when the page
    /// is not held: the contents counts the stories of every page above the
    /// cursor at each key, and must not parse them all again. A page counted
    /// before it is shown keeps only its skeleton, so counting never pushes
    /// the pages on screen out of the cache (while the cache has room, the
    /// page is kept whole: the first screen counts what it then shows).
    public func articleCount(_ i: Int) -> Int {
        if let p = cache[i] ?? skeletons[i] { return p.articles.count }
        let p = parse(i)
        parsedCount += 1
        if resident.count < max(1, capacity) {
            // Room to spare (a reader just opened): keep it whole, as the
            // screen that counted it will show it next.
            hold(p, at: i)
        } else {
            skeletons[i] = p.skeleton
        }
        return p.articles.count
    }

    /// How many times a page has been parsed (a page let go and shown
    /// again, or looked at by a search, counts each time).
    public private(set) var parses = 0

    /// Whether page `i` can be counted or shown without parsing it.
    public func isRead(_ i: Int) -> Bool { cache[i] != nil || skeletons[i] != nil }

    private func parse(_ i: Int) -> Page {
        parses += 1
        var p = sources[i].parsed()
        if p.date == nil { p.date = date }
        if storyKeys[i] == nil { storyKeys[i] = p.articles.map { StoryKey(id: $0.id, fingerprint: $0.fingerprint) } }
        return p
    }

    /// A story as a bookmark names it.
    public struct StoryKey: Equatable, Sendable {
        public var id: String
        public var fingerprint: String
    }

    /// The ids and fingerprints of page `i`'s stories, without parsing it
    /// again once it has been parsed.
    public func stories(_ i: Int) -> [StoryKey] {
        if let k = storyKeys[i] { return k }
        _ = articleCount(i)
        return storyKeys[i] ?? []
    }

    /// Page `i` for one look (a search going through the edition): the page
    /// held, else parsed without entering the cache, so that a search does
    /// not push the pages on screen out of it.
    public func peekPage(_ i: Int) -> Page {
        if let p = cache[i] { return p }
        let p = parse(i)
        if skeletons[i] == nil {
            skeletons[i] = p.skeleton
            parsedCount += 1
        }
        return p
    }

    /// Whether page `i`'s text holds every one of `scalars`. Parsing keeps
    /// every letter and ideograph of a page (it joins lines, drops spaces,
    /// hyphens and doubled faux bold, and reorders), so a page that lacks
    /// one cannot match a search for them: a search asks this before it
    /// parses a page. A PDF page, read from its geometry, always may.
    public func mayContain(_ i: Int, all scalars: Set<Unicode.Scalar>) -> Bool {
        // UTF-8 text is searched for each character's bytes, a page in
        // another encoding decoded and walked.
        func holdsAll(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
            scalars.allSatisfy { ByteSearch.contains(bytes, Array(String($0).utf8)) }
        }
        switch sources[i].body {
        case .text(let s):
            var text = String(s)
            return text.withUTF8 { holdsAll(utf8: UnsafeRawBufferPointer($0)) }
        case .paged(let file, let range):
            let bytes = file.bytes(range)
            if String(validating: bytes, as: UTF8.self) != nil {
                return bytes.withUnsafeBytes(holdsAll)
            }
            let present = Set(TextDecoder.pageText(bytes).unicodeScalars)
            return scalars.isSubset(of: present)
        case .analysed: return true
        }
    }

    /// How many parsed pages are held now (at most `capacity`).
    public var cachedPageCount: Int { resident.count }

    /// Continued stories among the pages parsed so far: first part →
    /// continuation (`Continuations`). A page not parsed yet links nothing:
    /// the reader parses pages in order, first parts before their
    /// continuations, without parsing the whole edition to draw a screen.
    public func continuations() -> [Continuations.Place: Continuations.Place] {
        if let c = linked, c.parsed == parsedCount { return c.links }
        // Only the pages parsed so far take part (a page not parsed links
        // nothing): 3,000 empty pages are not copied for every new parse.
        var known: [Int] = []
        var pages: [Page] = []
        for i in Set(cache.keys).union(skeletons.keys).sorted() {
            guard let p = cache[i] ?? skeletons[i] else { continue }
            known.append(i)
            pages.append(p)
        }
        var links: [Continuations.Place: Continuations.Place] = [:]
        for (from, to) in Continuations.links(pages) {
            links[Continuations.Place(page: known[from.page], article: from.article)] = Continuations.Place(page: known[to.page], article: to.article)
        }
        linked = (parsedCount, links)
        return links
    }

    /// Pages parsed so far, a page let go and parsed again counted again
    /// (the links are made again when it grows).
    private var parsedCount = 0
    private var linked: (parsed: Int, links: [Continuations.Place: Continuations.Place])?

    /// Whether page `i` is parsed and held (it may have been let go since).
    public func isParsed(_ i: Int) -> Bool {
        cache[i] != nil
    }

    /// Every page, parsed (for an export: through no cache, which would
    /// only make skeletons of the pages it lets go). Pages are parsed on
    /// every core at once: each is parsed from its own text alone, so a
    /// whole edition takes the time of its share of pages on one core.
    public var pages: [Page] { pages(workers: pageCount < 8 ? 1 : ParallelWork.cores) }

    func pages(workers: Int) -> [Page] {
        let todo = (0..<pageCount).filter { cache[$0] == nil }
        var parsed = [Page?](repeating: nil, count: pageCount)
        for i in 0..<pageCount { parsed[i] = cache[i] }
        // (Each worker writes only its own slots; the sources are read only.)
        nonisolated(unsafe) let sources = self.sources
        parsed.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            ParallelWork.run(workers) { w in
                var k = w
                while k < todo.count {
                    out[todo[k]] = sources[todo[k]].parsed()
                    k += workers
                }
            }
        }
        parses += todo.count
        return parsed.map { p in
            var p = p!
            if p.date == nil { p.date = date }
            return p
        }
    }
}

extension Page {
    /// The page with each story cut to what linking continued stories
    /// reads (`Continuations.links`): title and jump lines, and the first
    /// block only when it is a jump-in line (`（上接第1版）`).
    var skeleton: Page {
        var p = self
        for k in p.articles.indices where !p.articles[k].blocks.isEmpty {
            let jumpIn = p.articles[k].blocks[0].text.flatMap(Continuations.inward) != nil
            p.articles[k].blocks = jumpIn ? [p.articles[k].blocks[0]] : []
        }
        return p
    }
}
