import Foundation
import Testing
@testable import EditionKit

/// Parsed pages are kept in a bounded cache: paging through a 3,000-page
/// edition must not hold every page it showed (issue #12). A page let go is
/// parsed again when asked for, the contents still counts its stories, and
/// continued stories stay linked.
@Suite struct PageCacheTests {
    /// An edition of `count` copies of the seed page in one file, each with
    /// its own page number, as `pdftotext` writes a whole PDF.
    func bigEdition(_ count: Int) throws -> String {
        let seed = Fixture.text("seed-2024-08-08-11.txt")
        var text = ""
        for n in 1...count { text += seed.replacingOccurrences(of: "制版：包聪颖 11", with: "制版：包聪颖 \(n)") + "\u{0C}" }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("2024-08-08.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The first screen counts the stories of the pages it shows, then
    /// draws them: with room in the cache, each is parsed once, not twice.
    @Test func pagesCountedWhileTheCacheHasRoomAreNotParsedAgainToBeShown() throws {
        let document = try EditionReader.open(path: try bigEdition(12))
        document.capacity = 6
        let before = document.parses
        let counts = (0..<4).map(document.articleCount)
        for p in 0..<4 { #expect(document.page(p).articles.count == counts[p]) }
        #expect(document.parses - before <= 4)
        // Full, the cache is not pushed by counting: pages 6… keep skeletons.
        for p in 4..<12 { _ = document.articleCount(p) }
        #expect(document.cachedPageCount == 6 && !document.isParsed(11))
    }

    @Test func pagingThroughAnEditionKeepsAtMostTheCapacity() throws {
        let document = try EditionReader.open(path: try bigEdition(40))
        document.capacity = 6
        let first = document.page(0)
        var counts: [Int] = []
        for p in 0..<document.pageCount {
            counts.append(document.page(p).articles.count)
            #expect(document.cachedPageCount <= 6)
        }
        // The most recent pages are held; the first was let go.
        #expect((34..<40).allSatisfy(document.isParsed) && !document.isParsed(0))
        // Its stories are counted without parsing it again…
        #expect((0..<40).map(document.articleCount) == counts)
        #expect(!document.isParsed(0))
        // …and so are the ids and fingerprints a bookmark finds it by…
        #expect(document.stories(0) == first.articles.map { EditionDocument.StoryKey(id: $0.id, fingerprint: $0.fingerprint) })
        #expect(!document.isParsed(0))
        // …and asked for, it is parsed again, the same page.
        #expect(document.page(0) == first)
        #expect(document.cachedPageCount <= 6)
    }

    @Test func aContinuationIsStillLinkedAfterItsFirstPartIsLetGo() throws {
        let document = try EditionReader.open(path: Fixture.url("jumps/zh").path)
        document.capacity = 1
        _ = document.page(0)
        _ = document.page(1)
        #expect(!document.isParsed(0))
        let links = document.continuations()
        #expect(links[Continuations.Place(page: 0, article: 0)] == Continuations.Place(page: 1, article: 0))
    }
}
