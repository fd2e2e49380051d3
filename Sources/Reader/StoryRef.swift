import EditionKit
import Typesetting

/// A story in an open edition: the page's index in the edition and the
/// article's index on the page.
public struct StoryRef: Hashable, Comparable, Sendable {
    public var page: Int
    public var article: Int

    public init(page: Int, article: Int) {
        self.page = page
        self.article = article
    }

    public static func < (a: StoryRef, b: StoryRef) -> Bool {
        a.page < b.page || (a.page == b.page && a.article < b.article)
    }
}

/// Layouts of the stories shown, kept while the screen size stays: laying out
/// is cheap, but a keypress should not redo it.
final class LayoutCache {
    private var entries: [StoryRef: ArticleLayout] = [:]
    private var width = 0
    private var columns: Int?

    func layout(_ ref: StoryRef, article: Article, width: Int, columns: Int?) -> ArticleLayout {
        if width != self.width || columns != self.columns {
            entries.removeAll()
            self.width = width
            self.columns = columns
        }
        if let l = entries[ref] { return l }
        let l = ArticleLayout(article: article, width: width, columns: columns)
        if entries.count > 64 { entries.removeAll() }
        entries[ref] = l
        return l
    }
}
