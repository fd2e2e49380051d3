import EditionKit
import Typesetting

/// The whole state of the reader: one value, changed only by `update`, drawn
/// only by `render` (the Elm architecture). The edition document parses pages
/// when first asked for them, which changes no observable state.
public struct ReaderState {
    public enum Screen: Equatable, Sendable { case contents, story, bookmarks, help, editions }

    /// An edition of the library, for the editions screen: its counts once
    /// known (a text edition is counted when shown; a PDF one when opened).
    public struct Day: Equatable, Sendable {
        public var date: String
        public var pages: Int?
        public var stories: Int?

        public init(date: String, pages: Int? = nil, stories: Int? = nil) {
            self.date = date
            self.pages = pages
            self.stories = stories
        }
    }

    /// Something the reader needs done outside itself.
    public enum Effect: Equatable, Sendable {
        case addBookmark(Bookmark)
        case removeBookmark(key: String)
        /// Remember where the reader is in this edition.
        case savePosition(ReadingPosition, edition: String)
        /// Open another day's edition at a bookmark.
        case openEdition(date: String, bookmark: Bookmark)
        /// Open another day's edition at its contents (or where it was left),
        /// this one's place saved first.
        case openDay(date: String)
        /// Count the pages and stories of these editions (the rows shown).
        case countDays([String])
        /// The bookmarks screen opened: it lists every edition's bookmarks,
        /// where the reader may so far have read only this edition's
        /// (`BookmarkStore.partOf`).
        case listBookmarks
        case quit
    }

    public var screen: Screen = .contents
    /// Where `q` goes back to from the bookmarks and help screens.
    var returnScreen: Screen = .contents
    public private(set) var document: EditionDocument
    public var width: Int
    public var height: Int
    /// Forced column count (`--columns`), else as many as fit.
    public var forcedColumns: Int?

    /// The story selected in the contents.
    public var cursor = StoryRef(page: 0, article: 0)
    /// The first row shown in the contents.
    public var contentsTop = ContentsPlace()
    /// The story open in the story screen.
    public var story: StoryRef?
    /// The first body line shown; 0 also shows the headline.
    public var storyTop = 0
    /// With `storyTop` 0, the headline rows scrolled away: `j` moves one
    /// line from the very top too, the headline leaving a row at a time.
    public var headerSkip = 0
    /// The place the reader keeps across resizes: the first line shown.
    public var anchor = TextPosition.start

    public var bookmarks: [Bookmark] = []
    public var bookmarksCursor = 0
    /// The library's editions, newest first (the backend fills it).
    public var days: [Day] = []
    public var daysCursor = 0
    /// The bookmark `d` deleted last, and where it stood: `u` puts it back.
    var deleted: (bookmark: Bookmark, index: Int)?
    public var helpTop = 0
    /// A one-line message for the status line, cleared by the next key.
    public var status: String?
    /// The search query being typed, when the prompt is open.
    public var searchBuffer: String?
    public var search: Search?
    /// The status line the search last wrote: a search going on between
    /// keys updates it, and leaves other messages alone.
    var searchStatus: String?
    public internal(set) var quitting = false
    /// The contents lists only the pages read so far after its first page:
    /// a large edition's first screen comes with its first page's stories,
    /// and the pages under them follow a moment later (the backend draws
    /// again when no key is waiting).
    public var listsReadPagesOnly = false

    let layouts = LayoutCache()

    public init(document: EditionDocument, width: Int, height: Int, bookmarks: [Bookmark] = [], forcedColumns: Int? = nil) {
        self.document = document
        self.width = width
        self.height = height
        self.bookmarks = bookmarks
        self.forcedColumns = forcedColumns
        if let first = firstStory(from: 0) { cursor = first }
    }

    /// The key this edition's bookmarks and positions are filed under.
    public var editionKey: String { document.date ?? document.path }

    // MARK: The edition

    func page(_ i: Int) -> Page { document.page(i) }

    func articleCount(_ p: Int) -> Int { document.articleCount(p) }

    public func article(_ r: StoryRef) -> Article? {
        guard r.page >= 0, r.page < document.pageCount else { return nil }
        let a = page(r.page).articles
        return r.article >= 0 && r.article < a.count ? a[r.article] : nil
    }

    /// The first story on page `p` or after it.
    func firstStory(from p: Int) -> StoryRef? {
        var q = max(0, p)
        while q < document.pageCount {
            if let a = contentsStories(q).first { return StoryRef(page: q, article: a) }
            q += 1
        }
        return nil
    }

    /// The last story on page `p` or before it.
    func lastStory(through p: Int) -> StoryRef? {
        var q = min(p, document.pageCount - 1)
        while q >= 0 {
            if let a = contentsStories(q).last { return StoryRef(page: q, article: a) }
            q -= 1
        }
        return nil
    }

    /// The stories page `p` lists in the contents: all but continuations,
    /// which are read (and listed) with their first part.
    func contentsStories(_ p: Int) -> [Int] {
        let n = articleCount(p)
        let continued = Set(document.continuations().values.filter { $0.page == p }.map(\.article))
        return continued.isEmpty ? Array(0..<n) : (0..<n).filter { !continued.contains($0) }
    }

    /// The next story in reading order: a story's continuation on a later
    /// page is read with it, not again in its place (the one after a
    /// continuation is the one after its first part).
    func next(_ r: StoryRef) -> StoryRef? {
        var q = continuedFrom(r) ?? r
        while true {
            if q.article + 1 < articleCount(q.page) { q = StoryRef(page: q.page, article: q.article + 1) } else {
                guard let f = firstStory(from: q.page + 1) else { return nil }
                q = f
            }
            if continuedFrom(q) == nil { return q }
        }
    }

    func previous(_ r: StoryRef) -> StoryRef? {
        var q = continuedFrom(r) ?? r
        while true {
            if q.article > 0 { q = StoryRef(page: q.page, article: q.article - 1) } else {
                guard q.page > 0, let l = lastStory(through: q.page - 1) else { return nil }
                q = l
            }
            if continuedFrom(q) == nil { return q }
        }
    }

    /// The continuation of `r` on another page, if its jump was linked.
    func continuation(of r: StoryRef) -> StoryRef? {
        document.continuations()[Continuations.Place(page: r.page, article: r.article)].map { StoryRef(page: $0.page, article: $0.article) }
    }

    /// The first part of `r`, when `r` continues a story from another page.
    func continuedFrom(_ r: StoryRef) -> StoryRef? {
        let place = Continuations.Place(page: r.page, article: r.article)
        return document.continuations().first { $0.value == place }.map { StoryRef(page: $0.key.page, article: $0.key.article) }
    }

    // MARK: Geometry

    /// Rows above the status line.
    var contentRows: Int { max(1, height - 1) }

    public static let minimumWidth = 20
    public static let minimumHeight = 6
    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    func layout(_ r: StoryRef) -> ArticleLayout? {
        guard let a = article(r) else { return nil }
        return layouts.layout(r, article: a, width: width, columns: forcedColumns)
    }

    func visibleLines(_ l: ArticleLayout, top: Int) -> Int { l.visibleLines(top: top, height: contentRows) }

    /// The largest useful `storyTop`: the last screen of the story.
    func lastTop(_ l: ArticleLayout) -> Int {
        if visibleLines(l, top: 0) >= l.body.count { return 0 }
        return max(1, l.body.count - contentRows * l.columns)
    }

    // MARK: Contents rows

    /// A row of the contents: a page heading or a story.
    enum ContentsRow: Equatable { case page(Int), story(StoryRef) }

    /// A row of the contents by page: `row` 0 is page `page`'s heading,
    /// `row` k its k-th listed story. Kept by page rather than counted from
    /// the first row, so that showing the end of a 3,000-page contents
    /// parses the pages on screen, not every page before them.
    public struct ContentsPlace: Equatable, Comparable, Sendable {
        public var page = 0, row = 0
        public init(page: Int = 0, row: Int = 0) {
            self.page = page
            self.row = row
        }
        public static func < (a: Self, b: Self) -> Bool { (a.page, a.row) < (b.page, b.row) }
    }

    /// The rows page `p` takes in the contents: its heading and its stories.
    func contentsRowCount(_ p: Int) -> Int { 1 + contentsStories(p).count }

    /// The contents row of story `r`.
    func contentsPlace(of r: StoryRef) -> ContentsPlace {
        ContentsPlace(page: r.page, row: 1 + (contentsStories(r.page).firstIndex(of: r.article) ?? r.article))
    }

    /// The row `n` rows before `place` (the first row at the most).
    func contentsPlace(_ n: Int, rowsBefore place: ContentsPlace) -> ContentsPlace {
        var p = place.page, row = place.row, n = n
        while n > 0 {
            if row > 0 {
                let step = min(row, n)
                row -= step
                n -= step
            } else if p > 0 {
                p -= 1
                row = contentsRowCount(p) - 1
                n -= 1
            } else {
                break
            }
        }
        return ContentsPlace(page: p, row: row)
    }

    /// How many rows `b` is after `a`, counted up to `limit` (more is
    /// `limit`): only the pages between them are looked at, and no more of
    /// them than `limit` rows take.
    func contentsRows(from a: ContentsPlace, to b: ContentsPlace, limit: Int) -> Int {
        if a.page == b.page { return min(limit, b.row - a.row) }
        var rows = contentsRowCount(a.page) - a.row
        var p = a.page + 1
        while p < b.page && rows < limit {
            rows += contentsRowCount(p)
            p += 1
        }
        return p == b.page ? min(limit, rows + b.row) : limit
    }

    /// The contents rows from `top`, at most `count` of them (only the pages
    /// they show are parsed).
    func contentsRows(from top: ContentsPlace, count: Int) -> [ContentsRow] {
        var rows: [ContentsRow] = []
        var p = max(0, top.page)
        var skip = top.row
        while p < document.pageCount && rows.count < count {
            if listsReadPagesOnly, p > max(0, top.page), !document.isRead(p) { break }
            if skip == 0 { rows.append(.page(p)) }
            for (i, a) in contentsStories(p).enumerated() where rows.count < count && i + 1 >= skip {
                rows.append(.story(StoryRef(page: p, article: a)))
            }
            skip = 0
            p += 1
        }
        return rows
    }

    // MARK: Bookmarks

    /// The bookmark of story `r` in this edition, if there is one.
    func bookmark(of r: StoryRef) -> Bookmark? {
        // Fingerprints hash the story's text: skip them when no bookmark
        // belongs to this edition (the contents asks for every row).
        guard bookmarks.contains(where: { $0.edition == editionKey }), let a = article(r) else { return nil }
        let key = editionKey + "|" + a.fingerprint
        return bookmarks.first { $0.key == key }
    }

    /// Finds a story by its fingerprint (ids may have shifted), else by id.
    public func find(article id: String, fingerprint: String) -> StoryRef? {
        for p in 0..<document.pageCount {
            if let i = document.stories(p).firstIndex(where: { $0.fingerprint == fingerprint }) { return StoryRef(page: p, article: i) }
        }
        for p in 0..<document.pageCount {
            if let i = document.stories(p).firstIndex(where: { $0.id == id }) { return StoryRef(page: p, article: i) }
        }
        return nil
    }

    /// Where the reader is, for saving: the open story and the first line shown.
    public var readingPosition: ReadingPosition? {
        guard let r = story, let a = article(r) else { return nil }
        return ReadingPosition(article: a.id, fingerprint: a.fingerprint, position: anchor, saved: BookmarkStore.timestamp())
    }

    // MARK: Switching editions

    /// Shows another day's edition at its contents, or at `position`
    /// (where it was left).
    public mutating func switchEdition(to document: EditionDocument, at position: ReadingPosition?) {
        self.document = document
        search = nil
        contentsTop = ContentsPlace()
        story = nil
        screen = .contents
        cursor = firstStory(from: 0) ?? StoryRef(page: 0, article: 0)
        if let p = position { restore(p) }
        keepCursorVisible()
        if let i = days.firstIndex(where: { $0.date == editionKey }) { daysCursor = i }
    }

    /// Replaces the edition (a bookmark from another day) and opens the
    /// bookmarked story, or the contents when it is no longer there.
    public mutating func switchEdition(to document: EditionDocument, at bookmark: Bookmark) {
        switchEdition(to: document, at: nil as ReadingPosition?)
        guard let r = find(article: bookmark.article, fingerprint: bookmark.fingerprint) else {
            status = "the bookmarked story is no longer in the \(bookmark.edition) edition"
            return
        }
        openStory(r, at: bookmark.position)
    }

    /// Opens the story screen on `r` at `position`.
    public mutating func openStory(_ r: StoryRef, at position: TextPosition = .start) {
        story = r
        cursor = r
        screen = .story
        anchor = position
        if let l = layout(r) {
            headerSkip = 0
            storyTop = position == .start || position.block < l.headerBlockCount ? 0 : min(l.bodyLine(of: position), lastTop(l))
            if storyTop > 0 && storyTop < l.body.count { anchor = l.body[storyTop].position }
        } else {
            storyTop = 0
        }
    }

    /// Restores a saved reading position, if its story is still there.
    public mutating func restore(_ p: ReadingPosition) {
        if let r = find(article: p.article, fingerprint: p.fingerprint) { openStory(r, at: p.position) }
    }
}
