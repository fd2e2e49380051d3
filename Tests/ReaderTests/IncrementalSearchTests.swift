import Foundation
import Testing
import EditionKit
import Typesetting
@testable import Reader

/// Search in a big edition answers at once and counts between keys
/// (issue #12): pages are searched from the reader's place onwards, the
/// first match after it shows as soon as it is found, pages whose text
/// lacks a character of the query are never parsed, and `n` / `N` search
/// on as far as they must to be sure of the next match.
@Suite struct IncrementalSearchTests {
    /// An edition of 120 pages in one file, one story a page; `灯塔` is
    /// printed on pages 5, 61 and 100 (0-based) only.
    static func edition() throws -> EditionDocument {
        var text = ""
        for n in 0..<120 {
            let extra = [5, 61, 100].contains(n) ? "海边那座灯塔也亮起了新灯，" : ""
            text += """
                \(n + 1) 文化 光明时报 2026年3月2日 星期一
                第\(n + 1)家农家书屋开门了
                本报记者 李 明
                今年以来，全县新建农家书屋，\(extra)藏书超过十万册，村民借阅人次比去年翻了一番。
                书屋管理员说，冬闲时节来借书的村民最多。

                """ + "\u{0C}"
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("2026-03-02.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try EditionReader.open(path: path)
    }

    static func state(at page: Int) throws -> ReaderState {
        var s = ReaderState(document: try edition(), width: 80, height: 24)
        s.cursor = StoryRef(page: page, article: 0)
        return s
    }

    static func type(_ s: inout ReaderState, _ keys: String) {
        for c in keys { _ = s.handle(c == "\n" ? .enter : .character(c)) }
    }

    @Test func theFirstMatchAfterThePlaceShowsBeforeTheCountIsDone() throws {
        var s = try Self.state(at: 40)
        let parsesBefore = s.document.parses
        Self.type(&s, "/灯塔\n")
        #expect(s.screen == .story && s.story?.page == 61)
        #expect(s.search?.isComplete == false)
        #expect(s.status?.hasPrefix("match 1 of 1 so far for “灯塔”") == true, "\(s.status ?? "")")
        // The count fills in between keys; the story shown stays.
        while s.continueSearch() {}
        #expect(s.status == "match 2/3 for “灯塔”" && s.story?.page == 61)
        // Only pages holding both characters were parsed (and 61 again, to show it).
        #expect(s.document.parses - parsesBefore <= 4, "\(s.document.parses - parsesBefore) parses")
        Self.type(&s, ".")
        #expect(s.story?.page == 100 && s.status == "match 3/3 for “灯塔”")
        Self.type(&s, ".")
        #expect(s.story?.page == 5 && s.status == "match 1/3 for “灯塔”")
    }

    @Test func nextAndPreviousSearchOnUntilTheyAreSure() throws {
        var s = try Self.state(at: 40)
        Self.type(&s, "/灯塔\n")
        #expect(s.story?.page == 61 && s.search?.isComplete == false)
        // The next match: pages 62 onwards are searched until page 100.
        Self.type(&s, ".")
        #expect(s.story?.page == 100)
        Self.type(&s, ",")
        #expect(s.story?.page == 61)
        // The one before 61: every page round to it must be searched first.
        Self.type(&s, ",")
        #expect(s.story?.page == 5)
        #expect(s.search?.isComplete == true && s.status == "match 1/3 for “灯塔”")
    }

    @Test func theSameSearchAgainIsNotSearchedAgain() throws {
        var s = try Self.state(at: 40)
        Self.type(&s, "/灯塔\n")
        while s.continueSearch() {}
        Self.type(&s, "q")  // back to the contents, its cursor on page 80
        s.cursor = StoryRef(page: 80, article: 0)
        _ = s.update(.resize(width: 80, height: 24))
        let parses = s.document.parses
        Self.type(&s, "/灯塔\n")
        #expect(s.story?.page == 100 && s.status == "match 3/3 for “灯塔”", "\(String(describing: s.story)) \(s.status ?? "")")
        #expect(s.document.parses - parses <= 1)  // page 100, to show it
    }

    @Test func aSearchWithNoMatchSaysSoOnceEveryPageIsSearched() throws {
        var s = try Self.state(at: 40)
        Self.type(&s, "/灯火\n")
        while s.continueSearch() {}
        #expect(s.search == nil && s.status == "no match for “灯火”")
        #expect(s.screen == .contents)
    }

    /// A page lacking a character of the query cannot match; the layout's
    /// own letters (`〔图〕`, `摄`) are not asked of the page.
    @Test func pagesAreAskedForTheQuerysCharactersFirst() throws {
        let doc = try Self.edition()
        #expect(doc.mayContain(5, all: ["灯", "塔"]) && !doc.mayContain(6, all: ["灯", "塔"]))
        #expect(doc.mayContain(6, all: []))
        #expect(ArticleLayout.addedScalars.contains("图") && ArticleLayout.addedScalars.contains("摄"))
    }
}
