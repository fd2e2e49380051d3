import EditionKit
import Typesetting

extension ReaderState {
    /// Handles a key: maps it to an action for the current screen and
    /// performs it. Returns what the backend must do.
    public mutating func handle(_ key: Key) -> [Effect] {
        guard let action = Keymap.action(for: key, on: screen, searching: searchBuffer != nil) else { return [] }
        return update(action)
    }

    /// Performs an action. Pure but for parsing pages on first use.
    public mutating func update(_ action: Action) -> [Effect] {
        if case .resize = action {} else if searchBuffer == nil { status = nil }
        switch action {
        case .resize(let w, let h):
            width = w
            height = h
            if let r = story, let l = layout(r) {
                storyTop = anchor == .start ? 0 : min(l.bodyLine(of: anchor), lastTop(l))
            }
            keepCursorVisible()
            return []
        case .quit:
            quitting = true
            return positionEffects() + [.quit]
        case .help:
            if screen != .help { returnScreen = screen }
            screen = .help
            helpTop = 0
            return []
        case .bookmarks:
            if screen != .bookmarks && screen != .help { returnScreen = screen }
            screen = .bookmarks
            bookmarksCursor = min(bookmarksCursor, max(0, bookmarks.count - 1))
            return [.listBookmarks]
        case .contents:
            screen = .contents
            keepCursorVisible()
            return []
        case .editions:
            guard !days.isEmpty else { status = "no library of editions (folio opened a single edition)"; return [] }
            if screen != .editions && screen != .help { returnScreen = screen }
            screen = .editions
            if let i = days.firstIndex(where: { $0.date == editionKey }) { daysCursor = i }
            return countVisibleDays()
        case .olderEdition, .newerEdition:
            // Newest first: the day before is the next row down.
            guard let i = days.firstIndex(where: { $0.date == editionKey }) else {
                status = days.isEmpty ? "no library of editions (folio opened a single edition)" : "this edition is not in the library"
                return []
            }
            let j = action == .olderEdition ? i + 1 : i - 1
            guard days.indices.contains(j) else { status = action == .olderEdition ? "no older edition in the library" : "no newer edition in the library"; return [] }
            // (The backend saves this edition's place as it opens the other.)
            return [.openDay(date: days[j].date)]
        case .startSearch:
            searchBuffer = ""
            return []
        case .searchInput(let c):
            searchBuffer?.append(c)
            return []
        case .searchBackspace:
            if searchBuffer?.isEmpty == false { searchBuffer?.removeLast() }
            return []
        case .searchCancel:
            searchBuffer = nil
            return []
        case .searchSubmit:
            let query = searchBuffer ?? ""
            searchBuffer = nil
            runSearch(query)
            return []
        case .nextMatch, .previousMatch:
            stepMatch(action == .nextMatch ? 1 : -1)
            return []
        default:
            break
        }
        switch screen {
        case .contents: return updateContents(action)
        case .story: return updateStory(action)
        case .bookmarks: return updateBookmarks(action)
        case .help: return updateHelp(action)
        case .editions: return updateEditions(action)
        }
    }

    // MARK: Editions screen

    /// The first edition row shown.
    var daysTop: Int { listTop(cursor: daysCursor, count: days.count) }

    /// Counts asked for the rows on screen that have none yet.
    func countVisibleDays() -> [Effect] {
        let shown = days.dropFirst(daysTop).prefix(contentRows - 1).filter { $0.pages == nil }.map(\.date)
        return shown.isEmpty ? [] : [.countDays(shown)]
    }

    private mutating func updateEditions(_ action: Action) -> [Effect] {
        if let c = movedCursor(daysCursor, count: days.count, action) {
            daysCursor = c
            return countVisibleDays()
        }
        switch action {
        case .open:
            guard days.indices.contains(daysCursor) else { return [] }
            let date = days[daysCursor].date
            if date == editionKey { screen = .contents; keepCursorVisible(); return [] }
            return [.openDay(date: date)]
        case .click(_, let y):
            let i = daysTop + y - 1
            guard y >= 1, y < contentRows, days.indices.contains(i) else { return [] }
            daysCursor = i
            return updateEditions(.open)
        case .back: screen = returnScreen == .editions ? .contents : returnScreen
        default: break
        }
        return screen == .editions ? countVisibleDays() : []
    }

    private func positionEffects() -> [Effect] {
        guard let p = readingPosition else { return [] }
        return [.savePosition(p, edition: editionKey)]
    }

    // MARK: Contents

    private mutating func updateContents(_ action: Action) -> [Effect] {
        guard article(cursor) != nil else {
            if action == .back { quitting = true; return [.quit] }
            return []
        }
        switch action {
        case .lineDown, .nextStory: if let n = next(cursor) { cursor = n }
        case .lineUp, .previousStory: if let p = previous(cursor) { cursor = p }
        case .scroll(let d):
            for _ in 0..<abs(d) { if let n = d > 0 ? next(cursor) : previous(cursor) { cursor = n } }
        case .screenDown:
            for _ in 0..<max(1, contentRows - 2) { if let n = next(cursor) { cursor = n } else { break } }
        case .screenUp:
            for _ in 0..<max(1, contentRows - 2) { if let p = previous(cursor) { cursor = p } else { break } }
        case .top: if let f = firstStory(from: 0) { cursor = f }
        case .bottom: if let l = lastStory(through: document.pageCount - 1) { cursor = l }
        case .nextPage: if let f = firstStory(from: cursor.page + 1) { cursor = f }
        case .previousPage:
            if cursor.article > 0 { cursor.article = 0 } else if let l = lastStory(through: cursor.page - 1) { cursor = StoryRef(page: l.page, article: 0) }
        case .open: openStory(cursor)
        case .click(_, let y):
            let rows = contentsRows(from: contentsTop, count: contentRows - 1)
            let i = y - 1
            if i >= 0, i < rows.count, case .story(let r) = rows[i] { openStory(r) }
            return []
        case .toggleBookmark: return toggleBookmark(cursor, at: .start)
        case .back:
            quitting = true
            return positionEffects() + [.quit]
        default: break
        }
        keepCursorVisible()
        return []
    }

    /// Scrolls the contents so the selected story is on screen.
    mutating func keepCursorVisible() {
        guard screen == .contents, article(cursor) != nil else { return }
        let place = contentsPlace(of: cursor)
        let visible = max(1, contentRows - 1)
        if place <= contentsTop {
            contentsTop = contentsPlace(1, rowsBefore: place)  // keep the page heading in view
        } else if contentsRows(from: contentsTop, to: place, limit: visible) >= visible {
            contentsTop = contentsPlace(visible - 1, rowsBefore: place)
        }
    }

    // MARK: Story

    private mutating func updateStory(_ action: Action) -> [Effect] {
        guard let r = story, let l = layout(r) else { screen = .contents; return [] }
        let last = lastTop(l)
        switch action {
        case .lineDown: lineDown(l, last)
        case .lineUp: lineUp(l)
        case .scroll(let d):
            for _ in 0..<abs(d) { if d > 0 { lineDown(l, last) } else { lineUp(l) } }
        case .screenDown:
            // At the end (the status line says END), space goes on to the
            // next story, as `n` does, the way a paper is read.
            if storyTop >= last {
                // A story that jumps goes on where it continues.
                if let c = continuation(of: r) {
                    openStory(c)
                    status = "continued from \(pageLabel(r.page))"
                    return []
                }
                if let n = next(r) { openStory(n); return [] }
                status = "end of the edition"
            } else {
                storyTop = min(last, storyTop + max(1, visibleLines(l, top: storyTop)))
            }
        case .screenUp:
            let back = storyTop - contentRows * l.columns
            storyTop = back <= 0 ? 0 : back
        case .top: storyTop = 0
        case .bottom: storyTop = last
        case .nextSubhead:
            if let i = l.body.indices.first(where: { $0 > storyTop && isSubheadStart(l, $0) }) { storyTop = i }
            else { status = "no more subheads" }
        case .previousSubhead:
            if let i = l.body.indices.last(where: { $0 < storyTop && isSubheadStart(l, $0) }) { storyTop = i } else { storyTop = 0 }
        case .nextStory:
            if let n = next(r) { openStory(n); return [] }
            status = "this is the last story"
        case .previousStory:
            if let p = previous(r) { openStory(p); return [] }
            status = "this is the first story"
        case .nextPage:
            if let f = firstStory(from: r.page + 1) { openStory(f); return [] }
            status = "this is the last page"
        case .previousPage:
            if r.article > 0 { openStory(StoryRef(page: r.page, article: 0)); return [] }
            if let p = lastStory(through: r.page - 1) { openStory(StoryRef(page: p.page, article: 0)); return [] }
            status = "this is the first page"
        case .toggleBookmark:
            return toggleBookmark(r, at: anchor)
        case .back:
            screen = .contents
            cursor = r
            keepCursorVisible()
            return positionEffects()
        case .open: break
        default: break
        }
        // The headline shows whole again when the top is reached other than
        // line by line (g, b, {); below the top it is not drawn at all.
        switch action {
        case .lineDown, .lineUp, .scroll: if storyTop > 0 { headerSkip = 0 }
        default: headerSkip = 0
        }
        anchor = storyTop == 0 || storyTop >= l.body.count ? .start : l.body[storyTop].position
        return []
    }

    /// One line down: from the very top the headline scrolls away a row at
    /// a time, then the body a line at a time (never past the last screen).
    private mutating func lineDown(_ l: ArticleLayout, _ last: Int) {
        guard last > 0 else { return }
        if storyTop == 0 && headerSkip < l.headerRows {
            headerSkip += 1
        } else {
            storyTop = min(last, storyTop + 1)
        }
    }

    private mutating func lineUp(_ l: ArticleLayout) {
        if storyTop == 0 {
            headerSkip = max(0, headerSkip - 1)
        } else if storyTop == 1 {
            // Back to the first body line, the headline still scrolled away.
            storyTop = 0
            headerSkip = l.headerRows
        } else {
            storyTop -= 1
        }
    }

    func isSubheadStart(_ l: ArticleLayout, _ i: Int) -> Bool {
        let p = l.body[i].position
        return p.offset == 0 && l.blocks[p.block].role == .subhead && !l.body[i].text.isEmpty
    }

    private mutating func toggleBookmark(_ r: StoryRef, at position: TextPosition) -> [Effect] {
        guard let a = article(r) else { return [] }
        if let existing = bookmark(of: r) {
            bookmarks.removeAll { $0.key == existing.key }
            status = "bookmark removed"
            return [.removeBookmark(key: existing.key)]
        }
        let b = Bookmark(edition: editionKey, page: page(r.page).number, article: a.id, title: a.title, byline: a.byline,
                         fingerprint: a.fingerprint, position: position, saved: BookmarkStore.timestamp())
        bookmarks.insert(b, at: 0)
        status = "bookmarked: " + (a.title ?? a.id)
        return [.addBookmark(b)]
    }

    // MARK: Bookmarks screen

    /// Where a moving key takes the selection of a list of `count` rows
    /// (bookmarks, editions), or nil for a key that does not move it.
    func movedCursor(_ cursor: Int, count: Int, _ action: Action) -> Int? {
        let last = max(0, count - 1)
        switch action {
        case .lineDown, .nextStory: return min(last, cursor + 1)
        case .lineUp, .previousStory: return max(0, cursor - 1)
        case .scroll(let d): return min(last, max(0, cursor + d))
        case .top: return 0
        case .bottom: return last
        case .screenDown: return min(last, cursor + contentRows - 2)
        case .screenUp: return max(0, cursor - (contentRows - 2))
        default: return nil
        }
    }

    /// The first row shown of a list whose selection is `cursor`: the list
    /// scrolls to keep it in view (clicks map rows back through it).
    func listTop(cursor: Int, count: Int) -> Int {
        let visible = contentRows - 1
        return max(0, min(cursor - visible + 1, count - visible))
    }

    private mutating func updateBookmarks(_ action: Action) -> [Effect] {
        if let c = movedCursor(bookmarksCursor, count: bookmarks.count, action) {
            bookmarksCursor = c
            return []
        }
        switch action {
        case .deleteBookmark:
            guard bookmarksCursor < bookmarks.count else { return [] }
            let b = bookmarks.remove(at: bookmarksCursor)
            deleted = (b, bookmarksCursor)
            bookmarksCursor = min(bookmarksCursor, max(0, bookmarks.count - 1))
            status = "deleted the bookmark of " + (b.title ?? b.article) + " · u undoes"
            return [.removeBookmark(key: b.key)]
        case .undoDelete:
            guard let (b, at) = deleted else { status = "nothing to undo"; return [] }
            deleted = nil
            bookmarks.insert(b, at: min(at, bookmarks.count))
            bookmarksCursor = min(at, bookmarks.count - 1)
            status = "restored the bookmark of " + (b.title ?? b.article)
            return [.addBookmark(b)]
        case .open:
            guard bookmarksCursor < bookmarks.count else { return [] }
            let b = bookmarks[bookmarksCursor]
            if b.edition == editionKey {
                guard let r = find(article: b.article, fingerprint: b.fingerprint) else {
                    status = "the bookmarked story is no longer in this edition"
                    return []
                }
                openStory(r, at: b.position)
                return []
            }
            return [.openEdition(date: b.edition, bookmark: b)]
        case .back: screen = returnScreen == .bookmarks ? .contents : returnScreen
        case .click(_, let y):
            // A click opens the bookmark on that row, as Enter does.
            let i = bookmarksTop + y - 1
            guard y >= 1, y < contentRows, i < bookmarks.count else { return [] }
            bookmarksCursor = i
            return updateBookmarks(.open)
        default: break
        }
        return []
    }

    // MARK: Help

    private mutating func updateHelp(_ action: Action) -> [Effect] {
        switch action {
        case .lineDown: helpTop += 1
        case .lineUp: helpTop = max(0, helpTop - 1)
        case .scroll(let d): helpTop = max(0, helpTop + d)
        case .screenDown: helpTop += contentRows - 1
        case .screenUp: helpTop = max(0, helpTop - (contentRows - 1))
        case .top: helpTop = 0
        case .bottom: helpTop = Self.helpLines.count
        case .back, .open: screen = returnScreen == .help ? .contents : returnScreen
        default: break
        }
        return []
    }
}
