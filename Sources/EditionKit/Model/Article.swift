/// One story on a page.
public struct Article: Sendable, Equatable {
    /// `PAGE.N`: page number and position in reading order, stable for the same input.
    public var id: String
    public var kicker: String?
    /// `nil` when the rules found no title: an honest "untitled" beats a wrong one.
    public var title: String?
    public var subtitle: String?
    /// The printed byline without brackets or a leading `By`.
    public var byline: String?
    /// A role line printed under an English byline (`Staff Writer`).
    public var bylineRole: String?
    /// The place-and-date lead without its trailing 电/讯 (`经棚`, `本报北京10月19日`).
    public var dateline: String?
    public var blocks: [Block]
    /// Jump lines (`Continued on Page B5`) printed with the story.
    public var jumps: [String]
    /// The id of the story's continuation on another page, when its jump
    /// line was linked (`Continuations`).
    public var continuedOn: String?
    /// The id of the story this one continues.
    public var continuedFrom: String?

    public init(id: String = "", kicker: String? = nil, title: String? = nil, subtitle: String? = nil,
                byline: String? = nil, bylineRole: String? = nil, dateline: String? = nil,
                blocks: [Block] = [], jumps: [String] = []) {
        self.id = id
        self.kicker = kicker
        self.title = title
        self.subtitle = subtitle
        self.byline = byline
        self.bylineRole = bylineRole
        self.dateline = dateline
        self.blocks = blocks
        self.jumps = jumps
    }

    /// How every view names a story the rules found no title for.
    public static let untitledLabel = "(untitled)"

    /// The title, or for an untitled story `(untitled)` and its first
    /// `words` characters (`(untitled) 暑期的图书馆座无虚席。记者走…`), so a list
    /// still tells untitled stories apart. `words: 0` gives the label alone.
    public func displayTitle(words: Int) -> String {
        if let title { return title }
        guard words > 0, let start = blocks.lazy.compactMap(\.text).first, !start.isEmpty else { return Self.untitledLabel }
        return Self.untitledLabel + " " + String(start.prefix(words)) + (start.count > words ? "…" : "")
    }

    /// The text of all paragraphs and subheads, for search and fingerprints.
    public var bodyText: String {
        blocks.compactMap { block -> String? in
            switch block {
            case .paragraph(let t), .subhead(let t): return t
            case .photo(let caption, _): return caption
            }
        }.joined(separator: "\n")
    }
}
