/// A unit of an article's body, in printed order.
public enum Block: Sendable, Equatable {
    case paragraph(String)
    /// A heading inside the story (小标题).
    case subhead(String)
    /// A photo: `caption` is `nil` for a photo-news box, whose text is a paragraph.
    case photo(caption: String?, credit: String?)

    public var kind: String {
        switch self {
        case .paragraph: return "paragraph"
        case .subhead: return "subhead"
        case .photo: return "photo"
        }
    }

    public var text: String? {
        switch self {
        case .paragraph(let t), .subhead(let t): return t
        case .photo: return nil
        }
    }
}
