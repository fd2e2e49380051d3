import EditionKit
import Foundation
import Testing
@testable import Typesetting

/// The seed page's stories typeset at 40, 80 and 160 cells, compared with
/// snapshots in Tests/TypesettingTests/Snapshots. After a deliberate change,
/// rerun with FOLIO_RECORD_SNAPSHOTS=1 and read the diff before committing.
@Suite struct SnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let edition = try! EditionReader.read(path: root.appendingPathComponent("../../Editions/2024-08-08").standardized.path)

    static func check(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = root.appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["FOLIO_RECORD_SNAPSHOTS"] == "1" {
            try! text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name).txt (record with FOLIO_RECORD_SNAPSHOTS=1)", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "\(name) differs from its snapshot", sourceLocation: sourceLocation)
    }

    @Test(arguments: [40, 80, 160])
    func seedStories(width: Int) {
        for (_, article) in Self.edition.articles {
            let layout = ArticleLayout(article: article, width: width)
            let grid = layout.render(top: 0, height: layout.balancedHeight)
            Self.check(grid.text, name: "seed-\(article.id)-w\(width)")
            // Nothing is drawn past the right edge.
            for line in grid.text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= width) }
        }
    }

    @Test func englishStoryAt100Cells() {
        let e = try! EditionReader.read(path: Self.root.appendingPathComponent("../../Editions/2024-08-05").standardized.path)
        let layout = ArticleLayout(article: e.pages[0].articles[0], width: 100)
        Self.check(layout.render(top: 0, height: layout.balancedHeight).text, name: "b3-B3.1-w100")
    }
}
