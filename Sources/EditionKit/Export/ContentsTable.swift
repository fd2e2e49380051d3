/// The rows of an edition's table of contents, ready for any renderer.
public struct ContentsRow: Sendable, Equatable {
    public var page: String
    public var id: String
    /// The title, or `(untitled)` with the story's first words.
    public var title: String
    public var byline: String
    public var isUntitled: Bool
}

extension Page {
    /// One row per story of this page, in reading order. Text from the page
    /// is made safe for a terminal here (`TerminalText`).
    public var contents: [ContentsRow] {
        let pageLabel = TerminalText.sanitized(label ?? number.map(String.init) ?? "?")
        return articles.map { a in
            ContentsRow(page: pageLabel, id: TerminalText.sanitized(a.id), title: TerminalText.sanitized(a.displayTitle(words: 14)),
                        byline: TerminalText.sanitized(a.byline ?? ""), isUntitled: a.title == nil)
        }
    }
}

extension Edition {
    /// One row per story, in reading order.
    public var contents: [ContentsRow] { pages.flatMap(\.contents) }
}
