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

extension BookmarkFile {
    /// Exactly the bytes of `json.printedUTF8()` (keys sorted, two spaces a
    /// level), written field by field without building the tree first: the
    /// whole file is written at every `m`, and with 10,000 bookmarks the
    /// tree cost as much as the writing (`folio-bench`; the tests check both
    /// agree).
    public func printedUTF8() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + bookmarks.count * 320 + positions.count * 200)
        var fields = FieldWriter(out: out)
        fields.open()
        fields.member("bookmarks", indent: 0)
        fields.list("[", "]", count: bookmarks.count, indent: 2) { w, i in
            w.spaces(4)
            bookmarks[i].write(to: &w, indent: 4)
        }
        fields.member("positions", indent: 0)
        let sorted = positions.sorted { $0.key < $1.key }
        fields.list("{", "}", count: sorted.count, indent: 2) { w, i in
            w.key(sorted[i].key, indent: 4)
            sorted[i].value.write(to: &w, indent: 4)
        }
        fields.member("version", indent: 0)
        fields.raw(String(version))
        fields.close(indent: 0)
        return fields.out
    }
}

/// Appends the members of an object printed as `JSON.printed` prints them;
/// the caller gives them in sorted key order.
struct FieldWriter {
    var out: [UInt8]
    /// Whether the object being written has had a member yet.
    private var started: [Bool] = []

    init(out: [UInt8]) { self.out = out }

    mutating func raw(_ s: String) { JSON.append(s, to: &out) }
    mutating func spaces(_ n: Int) { for _ in 0..<n { out.append(0x20) } }

    mutating func key(_ k: String, indent: Int) {
        spaces(indent)
        JSON.quote(k, to: &out)
        raw(": ")
    }

    mutating func open() { raw("{\n"); started.append(false) }

    /// `count` items between `opening` and `closing`, one a line, each
    /// written by `item` (an object's items write their own keys); an
    /// empty list on one line (`[]`, `{}`), as `JSON.printed` writes it.
    mutating func list(_ opening: String, _ closing: String, count: Int, indent: Int, item: (inout FieldWriter, Int) -> Void) {
        guard count > 0 else { raw(opening + closing); return }
        raw(opening + "\n")
        for i in 0..<count {
            item(&self, i)
            raw(i + 1 < count ? ",\n" : "\n")
        }
        spaces(indent)
        raw(closing)
    }

    mutating func close(indent: Int) {
        started.removeLast()
        raw("\n")
        spaces(indent)
        raw("}")
    }

    /// Starts a member: the comma and line end after the one before.
    mutating func member(_ k: String, indent: Int) {
        if started[started.count - 1] { raw(",\n") }
        started[started.count - 1] = true
        key(k, indent: indent + 2)
    }

    mutating func field(_ k: String, _ s: String, indent: Int) { member(k, indent: indent); JSON.quote(s, to: &out) }
    mutating func field(_ k: String, _ n: Int, indent: Int) { member(k, indent: indent); raw(String(n)) }

    mutating func field(_ k: String, _ p: TextPosition, indent: Int) {
        member(k, indent: indent)
        open()
        field("block", p.block, indent: indent + 2)
        field("offset", p.offset, indent: indent + 2)
        close(indent: indent + 2)
    }
}

extension Bookmark {
    /// The object as `json.printed` prints it at `indent` (keys sorted).
    func write(to w: inout FieldWriter, indent: Int) {
        w.open()
        w.field("article", article, indent: indent)
        if let byline { w.field("byline", byline, indent: indent) }
        w.field("edition", edition, indent: indent)
        w.field("fingerprint", fingerprint, indent: indent)
        if let page { w.field("page", page, indent: indent) }
        w.field("position", position, indent: indent)
        w.field("saved", saved, indent: indent)
        if let title { w.field("title", title, indent: indent) }
        w.close(indent: indent)
    }

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
    func write(to w: inout FieldWriter, indent: Int) {
        w.open()
        w.field("article", article, indent: indent)
        w.field("fingerprint", fingerprint, indent: indent)
        w.field("position", position, indent: indent)
        w.field("saved", saved, indent: indent)
        w.close(indent: indent)
    }

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
