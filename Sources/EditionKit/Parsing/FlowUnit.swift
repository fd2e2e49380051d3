/// A run of lines that belong together: a paragraph, a heading, a caption,
/// or one of the marks printed around a story.
struct FlowUnit {
    enum Kind: Equatable {
        case text
        /// A byline line (`本报记者 吴秋余`, `By Jane Doe`).
        case byline(String)
        /// A padded two-character name (`王 观`): a byline inside a headline group.
        case name(String)
        /// A line holding only `（李炜）` or `（本报…电）`.
        case closing(StoryMarks.Closing)
        /// A credit on a line of its own (`本报记者 吴秋余摄`).
        case credit(String)
        case jump(String)

        /// A byline or a padded name: a line that names a story's writers.
        var isByline: Bool {
            switch self {
            case .byline, .name: true
            default: false
            }
        }
    }

    var kind: Kind
    var lines: [SourceLine]
    /// Set wider than the column around it: a headline, a caption or a box.
    var wide = false
    /// The column measure in ems where the unit stands.
    var measure: Double = 0
    /// The joined text (for `.text`), without a trailing credit or closing mark.
    var text: [Unicode.Scalar] = []
    /// The photo credit the unit ends with: the unit is a caption.
    var credit: String?
    /// A byline or dateline in brackets that closed the paragraph.
    var closing: StoryMarks.Closing?
    /// A dateline lead opens the text: a story starts here.
    var lead: StoryMarks.Lead?
    /// The unit reads as a heading: no sentence end, short, not indented.
    var headingLike = false

    init(kind: Kind, lines: [SourceLine]) {
        self.kind = kind
        self.lines = lines
    }

    /// The unit as a heading: lines joined, clause spaces kept.
    var headingText: String {
        var out: [Unicode.Scalar] = []
        for l in lines {
            let s = l.spaced
            if let a = out.last, let b = s.first, !(a.isWide || b.isWide) { out.append(" ") }
            out.append(contentsOf: s)
        }
        return out.string
    }
}
