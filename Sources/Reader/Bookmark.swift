import EditionKit
import Typesetting

/// A saved story: enough to find it again in its edition, even if article ids
/// shift (the fingerprint of its text), and where the reader was in it.
public struct Bookmark: Codable, Equatable, Sendable {
    /// The edition's date, `YYYY-MM-DD` (or its path when it has no date).
    public var edition: String
    public var page: Int?
    /// The article id when saved (`11.2`).
    public var article: String
    public var title: String?
    public var byline: String?
    /// FNV-1a hash of the story's first letters: finds it when ids shift.
    public var fingerprint: String
    public var position: TextPosition
    /// When it was saved, ISO 8601 in UTC.
    public var saved: String

    public init(edition: String, page: Int?, article: String, title: String?, byline: String?,
                fingerprint: String, position: TextPosition, saved: String) {
        self.edition = edition
        self.page = page
        self.article = article
        self.title = title
        self.byline = byline
        self.fingerprint = fingerprint
        self.position = position
        self.saved = saved
    }

    /// Two bookmarks of the same story are the same bookmark.
    public var key: String { edition + "|" + fingerprint }
}

/// Where the reader was in an edition when it last closed.
public struct ReadingPosition: Codable, Equatable, Sendable {
    public var article: String
    public var fingerprint: String
    public var position: TextPosition
    public var saved: String

    public init(article: String, fingerprint: String, position: TextPosition, saved: String) {
        self.article = article
        self.fingerprint = fingerprint
        self.position = position
        self.saved = saved
    }
}

/// The bookmarks file: `{"version": 2, "bookmarks": [...], "positions": {...}}`,
/// and the changes in its journal (`BookmarkJournal`) since it was written whole.
public struct BookmarkFile: Codable, Equatable, Sendable {
    public static let currentVersion = 2
    public var version: Int
    /// Newest first.
    public var bookmarks: [Bookmark]
    /// Keyed by edition date.
    public var positions: [String: ReadingPosition]

    public init(bookmarks: [Bookmark] = [], positions: [String: ReadingPosition] = [:]) {
        version = Self.currentVersion
        self.bookmarks = bookmarks
        self.positions = positions
    }
}
