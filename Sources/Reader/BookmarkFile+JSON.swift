import EditionKit
import Typesetting

// The bookmarks file schema (docs/bookmarks.md) mapped by hand to `JSON`, so
// that the reader decodes it without Foundation. The types stay `Codable`
// for other tools; the tests check both agree. Decoding is as strict as
// `Codable`'s: a required field missing or of the wrong type fails the whole
// file (which the store then keeps aside); an optional one may be missing or
// null; unknown fields are ignored.

extension BookmarkFile {
    /// `nil` when the value does not follow the schema.
    public init?(json: JSON) {
        guard let version = json["version"]?.intValue,
              case .array(let items)? = json["bookmarks"],
              case .object(let members)? = json["positions"] else { return nil }
        var bookmarks: [Bookmark] = []
        for item in items {
            guard let b = Bookmark(json: item) else { return nil }
            bookmarks.append(b)
        }
        var positions: [String: ReadingPosition] = [:]
        for (edition, value) in members {
            guard let p = ReadingPosition(json: value) else { return nil }
            positions[edition] = p
        }
        self.init(bookmarks: bookmarks, positions: positions)
        self.version = version
    }

    public var json: JSON {
        .object([
            "version": .number(Double(version)),
            "bookmarks": .array(bookmarks.map(\.json)),
            "positions": .object(positions.mapValues(\.json)),
        ])
    }
}

extension Bookmark {
    public init?(json: JSON) {
        guard let edition = json["edition"]?.stringValue,
              let article = json["article"]?.stringValue,
              let fingerprint = json["fingerprint"]?.stringValue,
              let position = json["position"].flatMap(TextPosition.init(json:)),
              let saved = json["saved"]?.stringValue,
              let page = Self.optional(json["page"], \.intValue),
              let title = Self.optional(json["title"], \.stringValue),
              let byline = Self.optional(json["byline"], \.stringValue) else { return nil }
        self.init(edition: edition, page: page, article: article, title: title, byline: byline,
                  fingerprint: fingerprint, position: position, saved: saved)
    }

    public var json: JSON {
        var o: [String: JSON] = [
            "edition": .string(edition), "article": .string(article), "fingerprint": .string(fingerprint),
            "position": position.json, "saved": .string(saved),
        ]
        if let page { o["page"] = .number(Double(page)) }
        if let title { o["title"] = .string(title) }
        if let byline { o["byline"] = .string(byline) }
        return .object(o)
    }

    /// An optional field: `.some(nil)` when missing or null, `nil` when it
    /// holds a value of the wrong type.
    static func optional<T>(_ value: JSON?, _ get: (JSON) -> T?) -> T?? {
        guard let value, value != .null else { return .some(nil) }
        guard let v = get(value) else { return nil }
        return .some(v)
    }
}

extension ReadingPosition {
    public init?(json: JSON) {
        guard let article = json["article"]?.stringValue,
              let fingerprint = json["fingerprint"]?.stringValue,
              let position = json["position"].flatMap(TextPosition.init(json:)),
              let saved = json["saved"]?.stringValue else { return nil }
        self.init(article: article, fingerprint: fingerprint, position: position, saved: saved)
    }

    public var json: JSON {
        .object(["article": .string(article), "fingerprint": .string(fingerprint),
                 "position": position.json, "saved": .string(saved)])
    }
}

extension TextPosition {
    public init?(json: JSON) {
        guard let block = json["block"]?.intValue, let offset = json["offset"]?.intValue else { return nil }
        self.init(block: block, offset: offset)
    }

    public var json: JSON {
        .object(["block": .number(Double(block)), "offset": .number(Double(offset))])
    }
}
