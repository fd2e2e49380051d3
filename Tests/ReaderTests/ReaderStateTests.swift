import EditionKit
import Foundation
import Testing
import Typesetting
@testable import Reader

/// The reader without a terminal: keys in, rendered cell grids out.
@Suite struct ReaderStateTests {
    static let editions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Editions").standardized

    static func state(_ edition: String = "2024-08-08", width: Int = 80, height: Int = 24) -> ReaderState {
        let doc = try! EditionReader.open(path: editions.appendingPathComponent(edition).path)
        return ReaderState(document: doc, width: width, height: height)
    }

    static func press(_ s: inout ReaderState, _ keys: String) -> [ReaderState.Effect] {
        var effects: [ReaderState.Effect] = []
        for c in keys {
            effects += s.handle(c == "\n" ? .enter : .character(c))
        }
        return effects
    }

    func rows(_ s: ReaderState) -> [String] {
        let g = s.render()
        return (0..<g.height).map(g.rowText)
    }

    @Test func contentsScreen() {
        let s = Self.state()
        let r = rows(s)
        #expect(r[0] == "2024-08-08  星期四")
        // The page heading carries the page's staff, as its folio prints it.
        #expect(r[1] == "第11版   责编：钱虹  制版：包聪颖")
        #expect(s.render()[9, 1].style == [.dim])
        #expect(r[2] == "   诚信“进”窗口 走“新”更走“心”                                     张荣  1494字")
        #expect(r[5] == "   鸬鹚幼鸟雨中受困 警民携手救助放生                              陈晓轩  242字")
        #expect(r[23] == " 2024-08-08 · 第11版 · story 1/4 · page 1/1                              ? help")
        // The selected story is drawn reversed across the row.
        let g = s.render()
        #expect((0..<80).allSatisfy { g[$0, 2].style.contains(.reverse) })
        #expect(!g[0, 3].style.contains(.reverse))
        // The current page's heading is highlighted, the others underlined.
        var two = Self.state("2024-08-07.txt")
        _ = Self.press(&two, "]")
        let g2 = two.render()
        #expect(g2[0, 1].style == [.bold, .underline] && g2.rowText(4).hasPrefix("第2版  评论") && g2[0, 4].style == [.bold, .reverse])
    }

    /// A byline of several names is shown whole when the row has room,
    /// and cut with an ellipsis only when it has not (issue #10).
    @Test func bylinesAreShownWholeWhereThereIsRoom() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-byline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("3.txt")
        try "港口步道方案获居民支持\n本报记者 欧阳明月 司马长风 诸葛青云\n　　港务局本周召开会议，讨论老码头的去留问题。这座码头自最后一班渡轮停航以来，已经闲置了十一年。\n"
            .write(to: page, atomically: true, encoding: .utf8)
        let doc = try EditionReader.open(path: page.path)
        let byline = try #require(doc.page(0).articles.first?.byline)
        #expect(DisplayWidth.of(byline) > 16)
        let wide = ReaderState(document: doc, width: 170, height: 24).render().rowText(2)
        #expect(wide.contains(byline))
        let narrow = ReaderState(document: doc, width: 60, height: 24).render().rowText(2)
        #expect(!narrow.contains(byline) && narrow.contains("…"))
    }

    /// The editions screen lists the library's days, newest first; `<` and
    /// `>` go to the day before and after from any screen (issue #10).
    @Test func editionsAndTheDayBeforeAndAfter() {
        var s = Self.state()
        #expect(Self.press(&s, "<").isEmpty && s.status?.contains("no library") == true)
        s.days = ["2024-08-08", "2024-08-07", "2024-08-06"].map { ReaderState.Day(date: $0) }
        s.days[0] = ReaderState.Day(date: "2024-08-08", pages: 1, stories: 4)
        // The screen asks for counts of the rows it shows that have none.
        #expect(Self.press(&s, "e") == [.countDays(["2024-08-07", "2024-08-06"])])
        var r = rows(s)
        #expect(r[0] == "Editions" && r[1].hasPrefix(" ▸ 2024-08-08  1 page, 4 stories") && r[2].hasPrefix("   2024-08-07  not read yet"))
        s.days[1].pages = 2
        s.days[1].stories = 3
        r = rows(s)
        #expect(r[2].hasPrefix("   2024-08-07  2 pages, 3 stories"))
        // Enter on another day opens it (after saving this one's place).
        let open = Self.press(&s, "j\n")
        #expect(open.last == .openDay(date: "2024-08-07"))
        // From a story, < is the day before, > the day after.
        _ = Self.press(&s, "q")
        _ = Self.press(&s, "\n")
        #expect(Self.press(&s, "<").last == .openDay(date: "2024-08-07"))
        #expect(Self.press(&s, ">").isEmpty && s.status == "no newer edition in the library")
        // The backend switches: the other day opens at its contents.
        let doc = try! EditionReader.open(path: Self.editions.appendingPathComponent("2024-08-07.txt").path)
        s.switchEdition(to: doc, at: nil as ReadingPosition?)
        #expect(s.screen == .contents && s.editionKey == "2024-08-07" && rows(s)[1].hasPrefix("第1版  要闻"))
        #expect(s.days[1].pages == 2 && s.days[1].stories == 3)
        #expect(Self.press(&s, "<").last == .openDay(date: "2024-08-06"))
        #expect(Self.press(&s, ">").last == .openDay(date: "2024-08-08"))
    }

    /// A story that jumps is read as one: listed once in the contents, with
    /// the page it goes on to, and space at the end of its first part goes
    /// on into its continuation (issue #10; pages of our own that jump).
    @Test func aStoryThatJumpsIsReadAsOne() throws {
        let jumps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EditionKitTests/Fixtures/jumps/zh")
        let doc = try EditionReader.open(path: jumps.path)
        var s = ReaderState(document: doc, width: 80, height: 24)
        let r = rows(s)
        #expect(r[2].hasPrefix("   港口步道方案获居民支持 → 第5版"))
        // Page 5 lists no story: its only one continues page 1's.
        #expect(r.contains { $0.hasPrefix("第5版") } && !r.dropFirst(4).contains { $0.contains("港口步道方案获居民支持") })
        _ = Self.press(&s, "\n")
        _ = Self.press(&s, "G")
        #expect(rows(s)[23].contains("END · space: continued on 第5版"))
        _ = Self.press(&s, " ")
        #expect(s.story == StoryRef(page: 1, article: 0) && s.status == "continued from 第1版")
        #expect(rows(s).contains { $0.contains("了当晚居民最热烈的掌声。") })
        // After the continuation, the next story is the one after the first part.
        _ = Self.press(&s, "n")
        #expect(s.story == StoryRef(page: 0, article: 1))
        _ = Self.press(&s, "n")
        #expect(s.status == "this is the last story")
    }

    /// A story shorter than the screen is balanced over its columns: no
    /// empty column at the right at 170 cells (issue #10).
    @Test func aShortStoryFillsItsColumns() {
        var s = Self.state(width: 170, height: 40)
        _ = Self.press(&s, "\n")
        let l = s.layout(s.story!)!
        #expect(l.columns == 4)
        let r = rows(s)
        let widest = r.dropLast().map { DisplayWidth.of($0.trimmingCharacters(in: .whitespaces)) }.max() ?? 0
        #expect(widest >= 170 - l.columnWidth, "the last column is empty: widest row \(widest)")
    }

    @Test func openAStoryAndGoBack() {
        var s = Self.state()
        _ = Self.press(&s, "j\n")
        #expect(s.screen == .story)
        let r = rows(s)
        #expect(r[0] == "奏响夏夜“平安曲” 当好城市“守护人”")
        #expect(r[1] == "李炜")
        #expect(r[3] == "    “高新区是个暖心的地方，在这里逛街，心里特别踏实，很有安全感！”这不仅是众多外")
        #expect(r[23].hasPrefix(" 2024-08-08 · 第11版 · 2/4 · 奏响夏夜“平安曲” 当好城市“守护人”"))
        #expect(r[23].hasSuffix("54%"))
        _ = Self.press(&s, "q")
        #expect(s.screen == .contents && s.cursor == StoryRef(page: 0, article: 1))
    }

    @Test func storyScrollingByLinesAndScreens() {
        var s = Self.state(width: 80, height: 12)
        _ = Self.press(&s, "\n")
        #expect(rows(s)[0] == "诚信“进”窗口 走“新”更走“心”")
        // `j` moves one line, from the very top too: the headline leaves a
        // row at a time (issue #10), and `k` brings it back the same way.
        var before = rows(s)
        for _ in 0..<8 {
            _ = Self.press(&s, "j")
            let after = rows(s)
            #expect(Array(after[0..<10]) == Array(before[1..<11]), "j moved more than a line")
            before = after
        }
        for _ in 0..<8 {
            _ = Self.press(&s, "k")
            let after = rows(s)
            #expect(Array(after[1..<11]) == Array(before[0..<10]), "k moved more than a line")
            before = after
        }
        #expect(rows(s)[0] == "诚信“进”窗口 走“新”更走“心”" && s.storyTop == 0 && s.headerSkip == 0)
        while s.storyTop == 0 { _ = Self.press(&s, "j") }
        #expect(s.storyTop == 1)
        #expect(!rows(s)[0].hasPrefix("诚信"))
        _ = Self.press(&s, " ")
        #expect(s.storyTop == 12)
        _ = Self.press(&s, "b")
        #expect(s.storyTop == 1)
        _ = Self.press(&s, "G")
        #expect(rows(s)[10].contains("热情服务群众"))  // the photo is the last line
        #expect(rows(s)[11].hasSuffix("END · space: next  100%"))
        _ = Self.press(&s, "g")
        #expect(s.storyTop == 0)
        #expect(!rows(s)[11].contains("END"))
        // Space at the end goes on to the next story (as n), and at the end
        // of the edition says so.
        _ = Self.press(&s, "G ")
        #expect(s.story == StoryRef(page: 0, article: 1) && s.storyTop == 0)
        _ = Self.press(&s, "G G G G ")
        #expect(s.story == StoryRef(page: 0, article: 3))
        _ = Self.press(&s, "G ")
        #expect(s.story == StoryRef(page: 0, article: 3) && s.status == "end of the edition")
        #expect(rows(s)[11].hasSuffix("END  100%") || rows(s)[11].contains("END"))
    }

    @Test func subheadKeys() {
        var s = Self.state(height: 20)
        _ = Self.press(&s, "\n}")
        #expect(rows(s)[0] == "高效服务表诚意")
        _ = Self.press(&s, "}")
        #expect(rows(s)[0] == "延时服务践诺言")
        _ = Self.press(&s, "{")
        #expect(rows(s)[0] == "高效服务表诚意")
    }

    @Test func storiesAndPagesAcrossTheEdition() {
        var s = Self.state("2024-08-07.txt")
        _ = Self.press(&s, "\n")
        #expect(rows(s)[1] == "老街换新颜 居民笑开颜")
        _ = Self.press(&s, "n")
        #expect(rows(s)[0] == "社区食堂开进老小区 家门口吃上热乎饭")
        _ = Self.press(&s, "n")
        #expect(rows(s)[0] == "让城市的“慢”与“快”各得其所" && s.story == StoryRef(page: 1, article: 0))
        _ = Self.press(&s, "n")
        #expect(s.status == "this is the last story")
        _ = Self.press(&s, "[")
        #expect(s.story == StoryRef(page: 0, article: 0))
        _ = Self.press(&s, "]")
        #expect(s.story == StoryRef(page: 1, article: 0))
        _ = Self.press(&s, "p")
        #expect(s.story == StoryRef(page: 0, article: 1))
        _ = Self.press(&s, "t")
        #expect(s.screen == .contents && rows(s)[4].hasPrefix("第2版  评论"))
    }

    @Test func bookmarkToggleAndList() {
        var s = Self.state()
        var effects = Self.press(&s, "j\nm")
        guard case .addBookmark(let b)? = effects.first else { Issue.record("no bookmark effect"); return }
        #expect(b.edition == "2024-08-08" && b.article == "11.2" && b.title == "奏响夏夜“平安曲” 当好城市“守护人”" && b.page == 11)
        #expect(s.status == "bookmarked: 奏响夏夜“平安曲” 当好城市“守护人”")
        #expect(rows(s)[23].hasSuffix("★ 54%"))
        _ = Self.press(&s, "B")
        #expect(rows(s)[0] == "Bookmarks")
        #expect(rows(s)[1].hasPrefix("  2024-08-08  11  奏响夏夜“平安曲” 当好城市“守护人”  李炜"))
        _ = Self.press(&s, "q")
        #expect(s.screen == .story)
        effects = Self.press(&s, "m")
        #expect(effects == [.removeBookmark(key: b.key)] && s.bookmarks.isEmpty)
        _ = Self.press(&s, "m")
        _ = Self.press(&s, "B")
        effects = Self.press(&s, "d")
        #expect(effects == [.removeBookmark(key: b.key)])
        #expect(rows(s)[2].contains("No bookmarks yet"))
        #expect(s.status?.hasSuffix("u undoes") == true)
        // `u` puts it back where it stood.
        effects = Self.press(&s, "u")
        #expect(effects.count == 1 && s.bookmarks.map(\.key) == [b.key] && s.bookmarksCursor == 0)
        if case .addBookmark(let back)? = effects.first { #expect(back == s.bookmarks[0]) } else { Issue.record("no add effect") }
        _ = Self.press(&s, "u")
        #expect(s.status == "nothing to undo")
    }

    /// Bookmark rows are set in aligned columns (like `folio bookmarks`),
    /// dropping the least needed ones on a narrow screen: the title always
    /// shows, cut with an ellipsis (issue #10).
    @Test func bookmarkRowsAreAlignedAndKeepTheirTitles() {
        func marks(_ title: String, _ byline: String?, page: Int) -> Bookmark {
            Bookmark(edition: "2024-08-0\(page)", page: page, article: "\(page).1", title: title, byline: byline,
                     fingerprint: "f\(page)", position: .start, saved: "2026-11-2\(page)T10:00:00Z")
        }
        let list = [marks("奏响夏夜“平安曲” 当好城市“守护人”", "李炜", page: 7), marks("短标题", nil, page: 8),
                    marks("Harbour board weighs the future of the old ferry pier", "ANNA REED and JOHN ROE", page: 9)]
        for width in [30, 50, 80, 170] {
            var s = Self.state(width: width, height: 12)
            s.bookmarks = list
            _ = Self.press(&s, "B")
            let r = rows(s)
            // Every row shows (the start of) its title.
            #expect(r[1].contains("奏响") && r[2].contains("短标题") && r[3].contains("Harbour"), "\(width): \(r[1...3])")
            // Titles line up: they start in one column.
            let starts = (1...3).map { y in DisplayWidth.of(String(r[y].prefix { !"奏短H".contains($0) })) }
            #expect(Set(starts).count == 1, "\(width): \(starts)")
            if width >= 80 { #expect(r[1].contains("2024-08-07") && r[1].contains("李炜") && r[1].contains("2026-11-27")) }
            if width <= 30 { #expect(r[3].contains("…")) }
        }
    }

    /// Help lines are cut with an ellipsis on a narrow screen.
    @Test func helpIsCutWithAnEllipsis() {
        var s = Self.state(width: 30, height: 40)
        _ = Self.press(&s, "?")
        let r = rows(s)
        #expect(r.contains { $0.hasSuffix("…") })
        #expect(r.allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    @Test func reopenABookmarkAtItsPosition() {
        var s = Self.state(height: 12)
        _ = Self.press(&s, "\n  m")
        let anchor = s.anchor
        #expect(anchor.block > 3)
        _ = Self.press(&s, "qjjB\n")
        #expect(s.screen == .story && s.story == StoryRef(page: 0, article: 0) && s.anchor == anchor)
    }

    @Test func bookmarkOfAnotherEditionAsksToOpenIt() {
        var s = Self.state()
        let other = Bookmark(edition: "2024-08-07", page: 1, article: "1.1", title: "老街换新颜 居民笑开颜", byline: nil,
                             fingerprint: "x", position: .start, saved: "2026-11-28T10:00:00Z")
        s.bookmarks = [other]
        #expect(Self.press(&s, "B") == [.listBookmarks])
        #expect(Self.press(&s, "\n") == [.openEdition(date: "2024-08-07", bookmark: other)])
        let doc = try! EditionReader.open(path: Self.editions.appendingPathComponent("2024-08-07.txt").path)
        s.switchEdition(to: doc, at: other)
        #expect(s.screen == .story && rows(s)[1] == "老街换新颜 居民笑开颜")
    }

    @Test func searchFindsCJKSubstringsAndRepeats() {
        var s = Self.state()
        _ = Self.press(&s, "/守护人")
        #expect(rows(s)[23].hasPrefix("/守护人"))
        _ = Self.press(&s, "\n")
        #expect(s.screen == .story && s.story == StoryRef(page: 0, article: 1))
        #expect(s.status == "match 1/2 for “守护人”")  // the title and the text of 11.2
        // The match is drawn reversed.
        let g = s.render()
        let row0 = g.rowText(0)
        let x = DisplayWidth.of(row0.prefix(while: { $0 != "守" }))
        #expect(g[x, 0].style.contains(.reverse) && g[x + 4, 0].style.contains(.reverse))
        _ = Self.press(&s, ".")
        #expect(s.status == "match 2/2 for “守护人”")
        _ = Self.press(&s, ".")
        #expect(s.status == "match 1/2 for “守护人”")
        _ = Self.press(&s, ",")
        #expect(s.status == "match 2/2 for “守护人”")
        _ = Self.press(&s, "/nothing-like-this\n")
        #expect(s.status == "no match for “nothing-like-this”")
        var e = Self.state("2024-08-05")
        _ = Self.press(&e, "/TOOL LIBRARY\n")
        #expect(e.status == "match 1/2 for “TOOL LIBRARY”")
    }

    /// Search folds case one character for one, so offsets stay those of
    /// the text shown: ASCII, accented capitals, and a capital whose lower
    /// case is longer (`İ`) all stay one character; CJK has no case.
    @Test func searchFoldsCaseCharacterByCharacter() {
        #expect(ReaderState.folded("T") == "t" && ReaderState.folded("t") == "t" && ReaderState.folded("7") == "7")
        #expect(ReaderState.folded("É") == "é" && ReaderState.folded("Ω") == "ω")
        #expect(ReaderState.folded("İ") == "i̇" && ReaderState.folded("诚") == "诚")
    }

    /// Every match on screen is marked, the current one set apart; moving
    /// to the next match in the same paragraph moves the mark (issue #10).
    @Test func everyMatchIsMarkedAndTheCurrentOneStandsOut() {
        var s = Self.state(width: 80, height: 40)
        _ = Self.press(&s, "/诚信\n")
        guard let status = s.status, status.hasPrefix("match 1/") else { Issue.record("no match: \(s.status ?? "")"); return }
        /// Cells starting `诚信` on screen: (x, y, reversed?).
        func marks(_ s: ReaderState) -> [(Int, Int, Bool)] {
            let g = s.render()
            var out: [(Int, Int, Bool)] = []
            for y in 0..<(s.height - 1) {
                let row = Array(g.rowText(y))
                for (i, ch) in row.enumerated() where ch == "诚" && i + 1 < row.count && row[i + 1] == "信" {
                    let x = DisplayWidth.of(String(row[..<i]))
                    let style = g[x, y].style
                    #expect(style.contains(.reverse) || style.contains(.underline), "unmarked match at \(x),\(y)")
                    out.append((x, y, style.contains(.reverse)))
                }
            }
            return out
        }
        let first = marks(s)
        #expect(first.count >= 2)
        #expect(first.filter(\.2).count == 1)
        _ = Self.press(&s, ".")
        #expect(s.status?.hasPrefix("match 2/") == true)
        let second = marks(s)
        #expect(second.filter(\.2).count == 1)
        // The current match moved: another occurrence is the reversed one.
        #expect(first.first(where: \.2).map { [$0.0, $0.1] } != second.first(where: \.2).map { [$0.0, $0.1] })
    }

    @Test func resizeKeepsTheSentence() {
        var s = Self.state(width: 80, height: 12)
        _ = Self.press(&s, "\n  j")
        let anchor = s.anchor
        let l80 = s.layout(s.story!)!
        let text80 = l80.body[s.storyTop].text
        _ = s.update(.resize(width: 160, height: 40))
        let l160 = s.layout(s.story!)!
        #expect(l160.columns == 3)
        // The sentence the reader was at is on the new screen, and is kept.
        let line = l160.bodyLine(of: anchor)
        #expect(line >= s.storyTop && line < s.storyTop + s.visibleLines(l160, top: s.storyTop))
        #expect(s.anchor == anchor)
        _ = s.update(.resize(width: 80, height: 12))
        #expect(s.layout(s.story!)!.body[s.storyTop].text == text80)
    }

    @Test(arguments: [(20, 6), (19, 6), (10, 3), (1, 1), (200, 60)])
    func anySizeRendersWithoutCrashing(width: Int, height: Int) {
        var s = Self.state(width: width, height: height)
        for key in "j\n j}{nB?q/守\n.t" { _ = s.handle(key == "\n" ? .enter : .character(key)) }
        let g = s.render()
        #expect(g.width == width && g.height == height)
        if (width < 20 || height < 6) && width >= 10 && height >= 3 { #expect(g.text.hasPrefix("Terminal")) }
        for y in 0..<g.height { #expect(DisplayWidth.of(g.rowText(y)) <= width) }
    }

    @Test func helpFromEveryScreen() {
        var s = Self.state()
        for prefix in ["", "\n", "B"] {
            var t = s
            _ = Self.press(&t, prefix + "?")
            #expect(rows(t)[0] == "folio: keys", "\(prefix)")
            _ = Self.press(&t, "q")
            #expect(t.screen != .help)
        }
        _ = Self.press(&s, "?q")
        #expect(s.screen == .contents)
    }

    @Test func quitting() {
        var s = Self.state()
        #expect(Self.press(&s, "q") == [.quit] && s.quitting)
        var t = Self.state()
        let effects = Self.press(&t, "\nQ")
        #expect(t.quitting && effects.count == 2)
        guard case .savePosition(let p, let edition)? = effects.first else { Issue.record("no position saved"); return }
        #expect(edition == "2024-08-08" && p.article == "11.1")
    }

    @Test func mouse() {
        var s = Self.state()
        _ = s.handle(.click(x: 10, y: 4))
        #expect(s.screen == .story && s.story == StoryRef(page: 0, article: 2))
        _ = s.handle(.character("q"))
        _ = s.handle(.character("g"))
        _ = s.handle(.wheelDown)
        #expect(s.cursor == StoryRef(page: 0, article: 3))
    }

    /// In a list longer than the screen, a click opens the bookmark drawn on
    /// the clicked row, wherever the list has scrolled to.
    @Test func clickingABookmarkOpensIt() {
        var s = Self.state(height: 8)
        s.bookmarks = (0..<12).map { n in
            Bookmark(edition: "2024-08-0\(n % 2 == 0 ? 7 : 5)", page: n, article: "\(n).1", title: "第\(n)篇", byline: nil,
                     fingerprint: "fp\(n)", position: .start, saved: "2026-11-28T10:\(10 + n):00Z")
        }
        _ = Self.press(&s, "BG")
        let shown = rows(s)
        let row = try! #require(shown.firstIndex { $0.contains("第9篇") })
        #expect(s.handle(.click(x: 20, y: row)) == [.openEdition(date: "2024-08-05", bookmark: s.bookmarks[9])])
        #expect(s.bookmarksCursor == 9)
        // Rows below the list and the status line open nothing.
        #expect(s.handle(.click(x: 20, y: 7)).isEmpty)
    }

    @Test func controlCharactersNeverReachTheScreen() {
        let page = "标题在这里\n\n本报记者 李 明\n\n正文里有一个\u{1B}[2J控制字符，还有\u{07}响铃。\n"
        let doc = EditionReader.parse(text: page, name: "1.txt")
        var a = doc.pages[0].articles[0]
        a.blocks.append(.paragraph("escape \u{1B}[31m red"))
        let l = ArticleLayout(article: a, width: 40)
        let text = l.render(top: 0, height: l.balancedHeight).text
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("\u{241B}[31m"))
    }
}

/// Start-up parses only what the first screen needs.
@Suite struct LazyOpeningTests {
    /// The bundled page `pages` times in one file, form feeds between (each
    /// numbered), opened; and the file, to remove.
    static func repeatedEdition(_ pages: Int) throws -> (EditionDocument, URL) {
        let seed = try String(contentsOf: ReaderStateTests.editions.appendingPathComponent("2024-08-08/11.txt"), encoding: .utf8)
        var text = ""
        for n in 1...pages { text += seed.replacingOccurrences(of: "制版：包聪颖 11", with: "制版：包聪颖 \(n)") + "\u{0C}" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-lazy-\(UUID().uuidString).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (try EditionReader.open(path: file.path), file)
    }

    @Test func theFirstScreenOfALargeEditionParsesAFewPages() throws {
        let (doc, file) = try Self.repeatedEdition(60)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(doc.pageCount == 60)
        var s = ReaderState(document: doc, width: 80, height: 24)
        _ = s.render()
        let parsed = (0..<60).filter(doc.isParsed)
        #expect(parsed.count <= 6, "parsed \(parsed)")
        let before = doc.parses
        _ = s.handle(.character("G"))
        // The contents is kept by page: its end shows the last pages (four
        // stories a page: five rows each, so five pages fill 23 rows) and
        // parses only those, not the 54 pages above them.
        let screen = s.render()
        #expect(doc.parses - before <= 6, "\(doc.parses - before) parses")
        #expect(s.cursor == StoryRef(page: 59, article: 3) && screen.rowText(23).contains("page 60/60"))
        // The last story on the last row; above it the pages before it, in
        // order, the screen full (22 rows: two of page 56, then four pages).
        #expect(screen.rowText(22).contains("鸬鹚幼鸟雨中受困") && screen.rowText(2).contains("鸬鹚幼鸟雨中受困"))
        let headings = (1...22).map(screen.rowText).filter { $0.hasPrefix("第") }.map { String($0.prefix(4)) }
        #expect(headings == ["第57版", "第58版", "第59版", "第60版"], "\(headings)")
        // `g` goes back to the top, again by page.
        _ = s.handle(.character("g"))
        #expect(s.render().rowText(1).hasPrefix("第1版") && doc.parses - before <= 12)
    }

    /// The reader's very first screen lists the first page's stories as soon
    /// as that page is read; the pages under it come with the next draw.
    @Test func theFirstFrameWaitsForOnePageOnly() throws {
        let (doc, file) = try Self.repeatedEdition(30)
        defer { try? FileManager.default.removeItem(at: file) }
        var s = ReaderState(document: doc, width: 80, height: 24)
        s.listsReadPagesOnly = true
        let first = s.render()
        #expect((0..<30).filter(doc.isParsed) == [0])
        let headings = { (g: CellGrid) in (1...22).map(g.rowText).filter { $0.hasPrefix("第") }.map { String($0.prefix { $0 != " " }) } }
        #expect(headings(first) == ["第1版"] && first.rowText(23).contains("? help"))
        s.listsReadPagesOnly = false
        let full = s.render()
        #expect(headings(full) == ["第1版", "第2版", "第3版", "第4版", "第5版"], "\(headings(full))")
        // The first page's rows are the same in both.
        #expect((1...5).allSatisfy { first.rowText($0) == full.rowText($0) })
    }

    /// A bookmarks file is untrusted: positions out of any range reopen the
    /// story at its nearest line, never trap.
    @Test func positionsOutOfRangeAreClamped() {
        for position in [TextPosition(block: Int.max, offset: Int.max), TextPosition(block: -5, offset: -5), TextPosition(block: 3, offset: Int.min)] {
            let t = ReaderStateTests()
            var s = ReaderStateTests.state()
            let fingerprint = s.document.page(0).articles[1].fingerprint
            s.restore(ReadingPosition(article: "11.2", fingerprint: fingerprint, position: position, saved: "x"))
            #expect(s.screen == ReaderState.Screen.story)
            #expect(t.rows(s)[23].contains("2/4 · 奏响夏夜"), "\(t.rows(s)[23])")
        }
    }
}
