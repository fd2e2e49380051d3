import Foundation
import Testing
@testable import EditionKit

/// Stories that jump to another page, linked with their continuations
/// (pages of our own, `Fixtures/jumps/`: a Chinese pair with `（下转第5版）` /
/// `（上接第1版）`, an English page with `Continued on Page B5` and `See
/// BUDGET, Page B6`).
@Suite struct ContinuationTests {
    @Test func aChineseJumpIsLinkedToItsContinuation() throws {
        let e = try EditionReader.read(path: Fixture.url("jumps/zh").path)
        let first = try #require(e.article(id: "1.1")), second = try #require(e.article(id: "5.1"))
        #expect(first.continuedOn == "5.1" && second.continuedFrom == "1.1")
        #expect(first.title == "港口步道方案获居民支持" && second.jumps == ["（上接第1版）"])
        // The continuation's text is its own, not the story before it.
        #expect(second.blocks.first == .paragraph("了当晚居民最热烈的掌声。"))
        #expect(e.article(id: "1.2")?.continuedOn == nil)
        // The export carries the links.
        let json = EditionJSON.encode(e)
        #expect(json.contains("\"continued_on\": \"5.1\"") && json.contains("\"continued_from\": \"1.1\""))
    }

    @Test func englishJumpsByPageAndByTheJumpWord() throws {
        let e = try EditionReader.read(path: Fixture.url("jumps/en").path)
        #expect(e.article(id: "A1.1")?.continuedOn == "B5.1")
        #expect(e.article(id: "B5.1")?.continuedFrom == "A1.1")
        // `See BUDGET, Page B6`: the headline that repeats the word.
        #expect(e.article(id: "A1.2")?.continuedOn == "B6.1")
        #expect(e.article(id: "B6.1")?.continuedFrom == "A1.2")
    }

    @Test func jumpLinesAreReadForTheirPages() {
        #expect(Continuations.outward("（下转第5版）") == Continuations.Jump(page: "5", word: nil))
        #expect(Continuations.outward("Continued on Page B5") == Continuations.Jump(page: "B5", word: nil))
        #expect(Continuations.outward("See TRADE, Page 8") == Continuations.Jump(page: "8", word: "TRADE"))
        #expect(Continuations.outward("See TRADE on Page A12.") == Continuations.Jump(page: "A12", word: "TRADE"))
        #expect(Continuations.outward("（上接第1版）") == nil)
        #expect(Continuations.inward("（上接第1版）") == "1")
        #expect(Continuations.inward("Continued from Page A1") == "A1")
        #expect(Continuations.inward("TRADE, from Page 1") == "1")
        #expect(Continuations.inward("（下转第5版）") == nil)
    }

    /// A jump whose page is not in the edition, or that nothing there
    /// continues, stays a jump line: nothing is linked by guess.
    @Test func anUnmatchedJumpLinksNothing() {
        let a = Page(number: 1, articles: [Article(id: "1.1", title: "A", jumps: ["（下转第9版）"]),
                                          Article(id: "1.2", title: "B", jumps: ["（下转第2版）"])])
        let b = Page(number: 2, articles: [Article(id: "2.1", title: "C", blocks: [.paragraph("正文")])])
        #expect(Continuations.links([a, b]).isEmpty)
    }
}
