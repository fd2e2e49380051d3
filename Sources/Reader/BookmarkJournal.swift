import EditionKit
#if canImport(Glibc)
import Glibc
#endif

/// One change to the bookmarks: a line of the journal.
enum BookmarkChange: Equatable {
    case add(Bookmark)
    case remove(key: String)
    case position(ReadingPosition, edition: String)

    var json: JSON {
        switch self {
        case .add(let b): .object(["add": b.json])
        case .remove(let key): .object(["remove": .string(key)])
        case .position(let p, let edition): .object(["position": p.json, "edition": .string(edition)])
        }
    }

    /// Whether the change is to `edition`'s bookmarks or position.
    func concerns(_ edition: String) -> Bool {
        switch self {
        case .add(let b): b.edition == edition
        case .remove(let key): key.hasPrefix(edition + "|")
        case .position(_, let e): e == edition
        }
    }

    init?(json: JSON) {
        if let b = json["add"] {
            guard let b = Bookmark(json: b) else { return nil }
            self = .add(b)
        } else if let key = json["remove"]?.stringValue {
            self = .remove(key: key)
        } else if let p = json["position"], let edition = json["edition"]?.stringValue, let p = ReadingPosition(json: p) {
            self = .position(p, edition: edition)
        } else {
            return nil
        }
    }
}

extension BookmarkFile {
    /// Whether `a` is listed before `b`: newest first, then by key.
    static func precedes(_ a: Bookmark, _ b: Bookmark) -> Bool {
        a.saved > b.saved || (a.saved == b.saved && a.key < b.key)
    }

    /// Applies one change, keeping the list in order without sorting it
    /// again. Applying a journal twice gives what applying it once does
    /// (a change names its bookmark by key), so a journal that outlived a
    /// compaction (a crash between the two steps) does no harm.
    mutating func apply(_ change: BookmarkChange) {
        switch change {
        case .add(let b):
            // (By the key's parts: `key` makes a string for every bookmark.)
            if let i = bookmarks.firstIndex(where: { $0.fingerprint == b.fingerprint && $0.edition == b.edition }) { bookmarks.remove(at: i) }
            var lo = 0, hi = bookmarks.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Self.precedes(bookmarks[mid], b) { lo = mid + 1 } else { hi = mid }
            }
            bookmarks.insert(b, at: lo)
        case .remove(let key):
            // A key is `edition|fingerprint`, and folio's fingerprints have
            // no `|` (another tool's might: then by the whole key).
            let count = bookmarks.count
            if let bar = key.lastIndex(of: "|") {
                let edition = key[..<bar], fingerprint = key[key.index(after: bar)...]
                bookmarks.removeAll { $0.fingerprint == fingerprint && $0.edition == edition }
            }
            if bookmarks.count == count { bookmarks.removeAll { $0.key == key } }
        case .position(let p, let edition):
            positions[edition] = p
        }
    }
}

/// The journal beside the bookmarks file (`bookmarks.json.journal`): the
/// changes saved since the file was last written whole, one JSON object a
/// line, appended under the store's lock and flushed. A save appends a
/// line or two instead of rewriting 10,000 bookmarks; the store folds the
/// journal into the file now and then (`BookmarkStore.compactionSize`).
enum BookmarkJournal {
    /// `corrupt`: a whole line that is not a change, with the changes of
    /// the lines before it (kept: they were saved).
    enum Problem: Error { case corrupt(line: Int, before: [BookmarkChange]), unreadable(String) }

    /// The complete lines from byte `offset` on, as changes, and the offset
    /// after the last complete line. A last line without its newline is a
    /// write that was cut short (the writer died): it is left out, and the
    /// next writer cuts it off. No file reads as no changes.
    ///
    /// With `edition`, only the lines that may concern that edition are
    /// decoded: those holding its name's bytes (a change names its bookmark's
    /// edition) or an escape (where the name may be written otherwise); the
    /// others are stepped over unread, and so not checked.
    static func read(_ path: String, from offset: Int, concerning edition: String? = nil) -> Result<(changes: [BookmarkChange], end: Int), Problem> {
        // No journal, or no folder for one (a file where the folder should
        // be: the save that tries to make it reports that).
        guard FileSystem.kind(path) != nil else { return .success(([], 0)) }
        let bytes: [UInt8]
        switch FileSystem.read(path, from: offset) {
        case .success(let b): bytes = b
        case .failure(let f): return .failure(.unreadable(f.reason))
        }
        var changes: [BookmarkChange] = []
        var start = 0, line = 0
        while let nl = bytes[start...].firstIndex(of: 0x0A) {
            line += 1
            let text = Array(bytes[start..<nl])
            start = nl + 1
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            if let edition, !text.contains(0x5C), !text.withUnsafeBytes({ ByteSearch.contains($0, Array(edition.utf8)) }) { continue }
            guard let json = try? JSON(parsing: text), let change = BookmarkChange(json: json) else {
                return .failure(.corrupt(line: line, before: changes))
            }
            changes.append(change)
        }
        return .success((changes, offset + start))
    }

    /// Appends `changes` at byte `end` (cutting off whatever follows it: a
    /// line cut short) and flushes. Returns the new end. Call under the lock.
    static func append(_ changes: [BookmarkChange], to path: String, at end: Int) throws -> Int {
        var data: [UInt8] = []
        for c in changes {
            data += c.json.lineUTF8()
            data.append(0x0A)
        }
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        guard fd >= 0 else { throw BookmarkStore.WriteError(description: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, Int(st.st_size) != end, ftruncate(fd, off_t(end)) != 0 {
            throw BookmarkStore.WriteError(description: "\(path): \(String(cString: strerror(errno)))")
        }
        var off = 0
        while off < data.count {
            let n = data.withUnsafeBytes { pwrite(fd, $0.baseAddress! + off, $0.count - off, off_t(end + off)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = String(cString: strerror(errno))
                _ = ftruncate(fd, off_t(end))  // no half line left behind
                throw BookmarkStore.WriteError(description: "\(path): \(reason)")
            }
            off += n
        }
        guard fsync(fd) == 0 else { throw BookmarkStore.WriteError(description: "\(path): \(String(cString: strerror(errno)))") }
        return end + data.count
    }

    /// Empties the journal once its changes are in the file. Call under the lock.
    static func clear(_ path: String) throws {
        let fd = open(path, O_WRONLY)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return }
            throw BookmarkStore.WriteError(description: "\(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        guard ftruncate(fd, 0) == 0, fsync(fd) == 0 else {
            throw BookmarkStore.WriteError(description: "\(path): \(String(cString: strerror(errno)))")
        }
    }
}
