import EditionKit
import Reader
import Typesetting
#if canImport(Glibc)
import Glibc
#endif

/// The signal (SIGINT, SIGTERM, SIGHUP) that asked the reader to quit; the
/// loop sees it within one poll interval and quits cleanly (reading position
/// saved, terminal restored).
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0

/// The interactive reader: the ncurses backend driving `ReaderState`.
enum ReaderApp {
    /// Runs the reader on the edition `load` opens. `load` runs once the
    /// screen is up and hears how far a PDF edition's first reading has got
    /// (shown in the status line); its error ends the reader, the terminal
    /// restored first, with the one-line message.
    static func run(bookmarksPath: String, columns: Int?, library: EditionLibrary,
                    load: (_ progress: @escaping (Int, Int) -> Void) throws(EditionError) -> (document: EditionDocument, notice: String?)) -> Int32 {
        let environment = ProcessInfoLite.environment
        // A parent may have blocked signals (a test runner, a launcher): the
        // reader needs SIGINT/SIGTERM to quit cleanly and SIGWINCH to reflow.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&unblock, sig) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        let screen: CursesScreen
        do { screen = try CursesScreen(environment: environment) } catch {
            Diagnostics.notice("\(error)")
            return 1
        }
        signal(SIGINT) { sig in interrupted = sig }
        signal(SIGTERM) { sig in interrupted = sig }
        signal(SIGHUP) { sig in interrupted = sig }

        let document: EditionDocument, notice: String?
        do {
            (document, notice) = try load { done, total in
                guard done < total else { return }
                let (w, h) = screen.size
                var grid = CellGrid(width: w, height: h)
                _ = grid.write(TerminalText.sanitized("reading PDF pages \(done)/\(total)…"), x: 0, y: h - 1)
                grid.style(row: h - 1, .reverse)
                screen.draw(grid)
            }
        } catch {
            screen.close()
            Diagnostics.notice(error.description)
            return 1
        }
        let (w, h) = screen.size
        var state = ReaderState(document: document, width: w, height: h, forcedColumns: columns)
        // Only this edition's bookmarks and place for the first screen; the
        // rest when the bookmarks screen or another edition asks for it.
        let store = BookmarkStore(path: bookmarksPath, firstShowing: state.editionKey)
        state.bookmarks = store.file.bookmarks
        // The library's days, newest first, for the editions screen and < >
        // (counted when that screen shows them: the first screen parses no
        // more pages than it draws).
        state.days = library.editions().reversed().map { ReaderState.Day(date: $0.date) }
        if let p = store.position(of: state.editionKey) { state.restore(p) }
        var lastNotice = store.notice
        if let n = lastNotice ?? notice { state.status = n }
        // The first screen as soon as its first page is read; the rest of
        // it right after, unless a key comes first (it redraws whole).
        state.listsReadPagesOnly = true
        screen.draw(state.render())
        state.listsReadPagesOnly = false
        var fillIn = true

        while !state.quitting {
            if interrupted != 0 {
                perform(state.update(.quit), state: &state, store: store, library: library)
                break
            }
            // A search still counting goes on between keys, a step at a time.
            let searching = state.search.map { !$0.isComplete } ?? false
            screen.keyWait = searching || fillIn ? 0 : 200
            guard let key = screen.readKey() else {
                if fillIn {
                    fillIn = false
                    screen.draw(state.render())
                } else if searching {
                    state.continueSearch()
                    screen.draw(state.render())
                }
                continue
            }
            fillIn = false
            perform(state.handle(key), state: &state, store: store, library: library)
            if store.notice != lastNotice {
                lastNotice = store.notice
                state.status = lastNotice
            }
            // Every failed save says so, not only the first ("bookmarked:"
            // would be a lie): the changes are kept and tried again.
            if let reason = store.saveError, store.hasUnsavedChanges {
                state.status = "not saved (will retry): \(reason)"
            }
            if !state.quitting { screen.draw(state.render()) }
        }
        screen.close()
        // Pending bookmarks are never dropped in silence.
        if !store.flush() {
            Diagnostics.notice("bookmarks not saved to \(store.path): \(store.saveError ?? "unknown error")")
            return 1
        }
        // Interrupted (Ctrl-C, a signal): the place is kept and the terminal
        // restored, and the status says which, as other terminal programs
        // do (128 + the signal: 130 for Ctrl-C).
        return interrupted != 0 ? 128 + Int32(interrupted) : 0
    }

    static func perform(_ effects: [ReaderState.Effect], state: inout ReaderState, store: BookmarkStore, library: EditionLibrary) {
        for effect in effects {
            switch effect {
            case .addBookmark(let b): state.bookmarks = store.add(b)
            case .removeBookmark(let key): state.bookmarks = store.remove(key: key)
            case .savePosition(let p, let edition): store.setPosition(p, edition: edition)
            case .listBookmarks:
                store.complete()
                state.bookmarks = store.file.bookmarks
                state.bookmarksCursor = min(state.bookmarksCursor, max(0, state.bookmarks.count - 1))
            case .openEdition(let date, let bookmark):
                do {
                    state.switchEdition(to: try openDay(date, library: library, leaving: state, store: store), at: bookmark)
                    state.bookmarks = store.file.bookmarks
                } catch .noSuchEdition {
                    // Said short enough to be read whole; the bookmark stays.
                    state.status = "the \(date) edition is not in the library; bookmark kept"
                } catch {
                    state.status = "cannot open the \(date) edition: \(error)"
                }
            case .openDay(let date):
                do {
                    state.switchEdition(to: try openDay(date, library: library, leaving: state, store: store), at: store.position(of: date))
                    state.bookmarks = store.file.bookmarks
                    state.status = "the \(date) edition"
                } catch {
                    state.status = "cannot open the \(date) edition: \(error)"
                }
            case .countDays(let dates):
                // Editions are counted as their rows show; a PDF edition from
                // the cache only (its first reading, which extracts, waits
                // until it is opened).
                let editions = library.editions()
                for date in dates {
                    guard let i = state.days.firstIndex(where: { $0.date == date }) else { continue }
                    let doc: EditionDocument
                    if date == state.editionKey {
                        doc = state.document
                    } else {
                        guard let e = editions.last(where: { $0.date == date }),
                              let opened = try? EditionReader.open(path: e.path, pdf: PDFReading(cachedOnly: true)),
                              opened.skipped.isEmpty else { continue }
                        doc = opened
                    }
                    state.days[i].pages = doc.pageCount
                    state.days[i].stories = (0..<doc.pageCount).reduce(0) { $0 + doc.page($1).articles.count }
                }
            case .quit: break
            }
        }
    }


    /// The library's edition of `date`, opened; the place in the edition
    /// being left is saved first.
    static func openDay(_ date: String, library: EditionLibrary, leaving state: ReaderState,
                        store: BookmarkStore) throws(EditionError) -> EditionDocument {
        let picked = try library.pick(date: date, today: date)
        let doc = try EditionReader.open(path: picked.path)
        if let p = state.readingPosition { store.setPosition(p, edition: state.editionKey) }
        // The other edition's bookmarks mark its contents.
        store.complete()
        return doc
    }
}
