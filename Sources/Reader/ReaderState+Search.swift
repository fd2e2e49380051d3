import EditionKit
import Typesetting

extension ReaderState {
    /// A search hit: a story and where in its typeset blocks.
    public struct Match: Equatable, Sendable {
        public var story: StoryRef
        public var position: TextPosition
        public var length: Int
    }

    /// A search, under way or done. Pages are searched from the one where
    /// the reader was, to the last, then from the first round to it: the
    /// first match after the reader's place shows as soon as it is found,
    /// and the rest are counted between keys (`continueSearch`), so a big
    /// edition never keeps the reader waiting for the whole count.
    public struct Search: Equatable, Sendable {
        public var query: String
        /// The matches found so far, in edition order.
        public var matches: [Match]
        /// The match shown; `nil` until the first one after the place the
        /// search began from is found.
        public var current: Int?
        /// Pages searched so far, counted from `origin.page` round.
        public private(set) var searched = 0
        let pageCount: Int
        /// The query as compared: folded to lower case, unless it has no
        /// cased letter (then the text is compared as it is).
        let needle: [Character]
        let caseless: Bool
        /// Characters a page must hold to be parsed at all (its ideographs,
        /// kana, figures: what parsing never drops or changes).
        let required: Set<Unicode.Scalar>
        /// Where the search began: the story, and the position in it when
        /// it was open (from the contents, all of the story comes after).
        let origin: StoryRef
        let originPosition: TextPosition?

        public var isComplete: Bool { searched == pageCount }

        init(query: String, pageCount: Int, origin: StoryRef, originPosition: TextPosition?) {
            self.query = query
            self.pageCount = pageCount
            self.origin = origin
            self.originPosition = originPosition
            matches = []
            let q = query.lowercased()
            needle = Array(q)
            caseless = !needle.contains { $0.isCased }
            // Letters added by the layout (`〔图〕`, `摄`) are not in the page's text.
            required = Set(q.unicodeScalars.filter {
                !$0.properties.isCased && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
                    && !ArticleLayout.addedScalars.contains($0)
            })
        }

        /// The page searched next.
        var nextPage: Int { (origin.page + searched) % pageCount }

        /// Whether page `p` has been searched.
        func hasSearched(_ p: Int) -> Bool { (p - origin.page + pageCount) % pageCount < searched }

        /// Whether match `m` comes at or after the place the search began.
        func isAfterOrigin(_ m: Match) -> Bool { Self.isAt(m, orAfter: origin, originPosition) }

        /// Whether match `m` comes at or after story `r` (at or after
        /// `position` in it, when one is given).
        static func isAt(_ m: Match, orAfter r: StoryRef, _ position: TextPosition?) -> Bool {
            m.story > r || m.story == r && (position.map { m.position >= $0 } ?? true)
        }

        /// Whether every page strictly between `a` and `b`, going forward
        /// (round past the last page when `wraps`), has been searched.
        func searchedBetween(_ a: Int, _ b: Int, wraps: Bool) -> Bool {
            if isComplete { return true }
            if !wraps { return (a + 1 ..< max(a + 1, b)).allSatisfy(hasSearched) }
            return (a + 1 ..< pageCount).allSatisfy(hasSearched) && (0 ..< b).allSatisfy(hasSearched)
        }

        /// Searches the next page of `document`, adding its matches.
        /// Returns whether the page was parsed (it may hold the query).
        @discardableResult
        mutating func searchNextPage(of document: EditionDocument) -> Bool {
            let p = nextPage
            searched += 1
            // Nothing after the origin at all: the first match of the edition.
            defer { if current == nil, isComplete, !matches.isEmpty { current = 0 } }
            guard document.mayContain(p, all: required) else { return false }
            var found: [Match] = []
            for (i, a) in document.peekPage(p).articles.enumerated() {
                for (b, block) in ArticleLayout.blocks(of: a).blocks.enumerated() {
                    let hay = caseless ? block.text : block.text.map(ReaderState.folded)
                    guard hay.count >= needle.count else { continue }
                    var k = 0
                    while k + needle.count <= hay.count {
                        if hay[k] == needle[0] && hay[k..<(k + needle.count)].elementsEqual(needle) {
                            found.append(Match(story: StoryRef(page: p, article: i), position: TextPosition(block: b, offset: k), length: needle.count))
                            k += needle.count
                        } else {
                            k += 1
                        }
                    }
                }
            }
            guard !found.isEmpty else { return true }
            // Pages are searched in order from the origin round, so the
            // page's matches go in one place of the edition order.
            var lo = 0, hi = matches.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if matches[mid].story.page < p { lo = mid + 1 } else { hi = mid }
            }
            matches.insert(contentsOf: found, at: lo)
            if let c = current, lo <= c { current = c + found.count }
            // The first match after the origin: on its page, the first at
            // or after the place; past it, the first found.
            if current == nil, let k = found.firstIndex(where: isAfterOrigin) { current = lo + k }
            if current == nil, p < origin.page { current = lo }
            return true
        }
    }

    /// How many pages a search parses before the reader takes keys again.
    public static let searchStepPages = 4
    /// Pages a search may pass over (their text lacks a character of the
    /// query) in one step.
    static let searchStepSkips = 256

    /// Starts a search of every story of the edition (title, headline
    /// parts, text) for `query`, as typeset (so matches can be shown); Latin
    /// letters match case-insensitively, CJK substrings as they are. The
    /// same query again, once counted, moves to the match after the
    /// reader's place without searching again.
    mutating func runSearch(_ query: String) {
        guard !query.isEmpty, document.pageCount > 0 else { search = nil; return }
        // From the story open, or from the story under the contents' cursor.
        let here = screen == .story ? story ?? cursor : cursor
        let position = screen == .story ? anchor : nil
        if var s = search, s.query == query, s.isComplete {
            s.current = s.matches.firstIndex { Search.isAt($0, orAfter: here, position) } ?? 0
            search = s
            showMatch()
            return
        }
        search = Search(query: query, pageCount: document.pageCount, origin: here, originPosition: position)
        // At once: up to the first match, or a few pages' worth.
        continueSearch(pages: Self.searchStepPages * 4)
    }

    /// Searches on for a step (a few pages), between keys: shows the first
    /// match when it is found and keeps the count in the status line.
    /// Returns whether there is more to search.
    @discardableResult
    public mutating func continueSearch(pages: Int = ReaderState.searchStepPages) -> Bool {
        guard var s = search, !s.isComplete else { return false }
        let ours = status == nil || status == searchStatus
        let waiting = s.current == nil
        var parsed = 0, skipped = 0
        while !s.isComplete, parsed < pages, skipped < Self.searchStepSkips {
            if s.searchNextPage(of: document) { parsed += 1 } else { skipped += 1 }
            if waiting, s.current != nil { break }
        }
        search = s
        if s.matches.isEmpty && s.isComplete {
            search = nil
            if ours { status = "no match for “\(s.query)”" }
            searchStatus = nil
            return false
        }
        if waiting, s.current != nil {
            showMatch()
        } else if ours {
            status = searchStatusText(s)
            searchStatus = status
        }
        return !s.isComplete
    }

    /// The status line of a search: which match, of how many.
    func searchStatusText(_ s: Search) -> String {
        guard let c = s.current else {
            return "searching for “\(s.query)”… \(s.searched)/\(s.pageCount) pages"
        }
        if s.isComplete { return "match \(c + 1)/\(s.matches.count) for “\(s.query)”" }
        return "match \(c + 1) of \(s.matches.count) so far for “\(s.query)” (\(s.searched)/\(s.pageCount) pages searched)"
    }

    /// `c` in lower case, one character for one (search offsets count
    /// characters of the text as shown); ASCII without a `String` made.
    static func folded(_ c: Character) -> Character {
        if let a = c.asciiValue { return a >= 65 && a <= 90 ? Character(Unicode.Scalar(a + 32)) : c }
        guard c.isCased else { return c }
        let lower = String(c).lowercased()
        return lower.count == 1 ? Character(lower) : c
    }

    /// `.` / `,`: the next or previous match, searching on as far as needed
    /// to be sure no match lies between (pages not searched yet).
    mutating func stepMatch(_ d: Int) {
        guard var s = search else { status = "no search yet: / searches"; return }
        while true {
            guard let c = s.current else {
                // Not found yet: search on to the first match.
                if s.isComplete { break }
                s.searchNextPage(of: document)
                continue
            }
            let n = s.matches.count
            let target = (c + d + n) % n
            let wraps = d > 0 ? target <= c : target >= c
            let (from, to) = d > 0 ? (s.matches[c].story.page, s.matches[target].story.page)
                                   : (s.matches[target].story.page, s.matches[c].story.page)
            if s.isComplete || s.searchedBetween(from, to, wraps: wraps) {
                s.current = target
                break
            }
            s.searchNextPage(of: document)
        }
        search = s
        if s.matches.isEmpty {
            search = nil
            status = "no match for “\(s.query)”"
            return
        }
        showMatch()
    }

    mutating func showMatch() {
        guard let s = search, let c = s.current else { return }
        let m = s.matches[c]
        openStory(m.story, at: m.position)
        status = searchStatusText(s)
        searchStatus = status
    }
}
