/// The rows of an edition's table of contents, ready for any renderer.
public struct ContentsRow: Sendable, Equatable {
    public var page: String
    public var id: String
    /// The title, or `(untitled)` with the story's first words.
    public var title: String
    public var byline: String
    public var isUntitled: Bool
}

extension Edition {
    /// One row per story, in reading order.
    public var contents: [ContentsRow] {
        articles.map { page, a in
            let pageLabel = page.label ?? page.number.map(String.init) ?? "?"
            return ContentsRow(page: pageLabel, id: a.id, title: a.displayTitle(words: 14), byline: a.byline ?? "", isUntitled: a.title == nil)
        }
    }
}
