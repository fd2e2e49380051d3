/// A place in an article's text: which typeset block, and how many characters
/// into it. Layout lines record where they start, so a reader that keeps a
/// position finds the same sentence after a resize or a column change.
public struct TextPosition: Comparable, Hashable, Sendable, Codable {
    /// Index into `ArticleLayout.blocks` (headline parts first, then the body).
    public var block: Int
    /// Characters (grapheme clusters) into the block.
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }

    public static let start = TextPosition(block: 0, offset: 0)

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        a.block < b.block || (a.block == b.block && a.offset < b.offset)
    }
}
