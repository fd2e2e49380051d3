import Foundation
import Testing
@testable import EditionKit

/// The two real pages with exact gold models (`shared/pages/`), scored with
/// the published recipe. The parser currently recovers every item; a rule
/// change that loses one fails here with the items it lost.
@Suite struct GoldPageTests {
    static let pages = [("rmrb-04", "04.txt"), ("rmrb-18-mupdf", "18.txt")]

    @Test(arguments: pages)
    func scoresEveryGoldItem(folder: String, file: String) throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixture.url("pages/\(folder)/gold.json"))) as! [String: Any]
        let score = try GoldScorer.score(pageFile: Fixture.url("pages/\(folder)/\(file)"), gold: gold)
        #expect(score.total > 50)
        #expect(score.hits == score.total, "\(folder): \(score.hits)/\(score.total), missed: \(score.misses)")
    }

    @Test(arguments: pages)
    func keepsEveryCharacter(folder: String, file: String) {
        let text = Fixture.text("pages/\(folder)/\(file)")
        let edition = EditionReader.parse(text: text, name: file)
        #expect(edition.pages.count == 1)
        assertKeepsText(text, edition.pages[0])
    }

    /// The scorer itself must be able to fail: a damaged export loses items.
    @Test func scorerCountsMisses() throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixture.url("pages/rmrb-04/gold.json"))) as! [String: Any]
        var edition = EditionReader.parse(text: Fixture.text("pages/rmrb-04/04.txt"), name: "2025-10-20")
        edition.pages[0].articles[0].byline = "someone else"
        edition.pages[0].articles[1].blocks.removeFirst()
        let export = try JSONSerialization.jsonObject(with: Data(EditionJSON.encode(edition).utf8)) as! [String: Any]
        var s = GoldScorer()
        s.score(export: export, gold: gold)
        #expect(s.total - s.hits >= 2)
    }
}
