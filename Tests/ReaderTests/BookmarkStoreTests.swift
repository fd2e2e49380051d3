import Foundation
import Testing
import Typesetting
import EditionKit
@testable import Reader

/// The bookmarks file: atomic writes, two readers at once, damaged files.
@Suite struct BookmarkStoreTests {
    func tempFile() -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bm-\(UUID().uuidString)")
        return d.appendingPathComponent("folio/bookmarks.json").path  // folders are made on first write
    }

    func bookmark(_ id: String, saved: String = "2026-11-29T01:00:00Z") -> Bookmark {
        Bookmark(edition: "2024-08-08", page: 11, article: id, title: "标题 \(id)", byline: "张荣",
                 fingerprint: "fp-\(id)", position: TextPosition(block: 4, offset: 12), saved: saved)
    }

    /// A journal line as docs/bookmarks.md gives it, read with `Codable`.
    struct JournalLine: Decodable {
        var add: Bookmark?
        var remove: String?
        var position: ReadingPosition?
        var edition: String?
    }

    /// What is on disk, read with Foundation's `Codable` (not folio's JSON
    /// reader): the file, then its journal's lines applied in order.
    func onDisk(_ path: String) throws -> BookmarkFile {
        var f = FileManager.default.fileExists(atPath: path)
            ? try JSONDecoder().decode(BookmarkFile.self, from: Data(contentsOf: URL(fileURLWithPath: path))) : BookmarkFile()
        if let journal = FileManager.default.contents(atPath: path + ".journal") {
            for line in journal.split(separator: 0x0A) {
                let c = try JSONDecoder().decode(JournalLine.self, from: Data(line))
                if let b = c.add {
                    f.bookmarks.removeAll { $0.key == b.key }
                    f.bookmarks.append(b)
                } else if let k = c.remove {
                    f.bookmarks.removeAll { $0.key == k }
                } else if let p = c.position, let e = c.edition {
                    f.positions[e] = p
                }
            }
            f.bookmarks.sort { $0.saved > $1.saved || ($0.saved == $1.saved && $0.key < $1.key) }
        }
        return f
    }

    func journalLines(_ path: String) -> [String] {
        (try? String(contentsOfFile: path + ".journal", encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    @Test func writesAVersionedFileAndReadsItBack() throws {
        let path = tempFile()
        let store = BookmarkStore(path: path)
        #expect(store.notice == nil && store.file.bookmarks.isEmpty)
        store.add(bookmark("11.1"))
        store.setPosition(ReadingPosition(article: "11.2", fingerprint: "fp-11.2", position: TextPosition(block: 5, offset: 0), saved: "x"), edition: "2024-08-08")
        let f = try onDisk(path)
        #expect(f.version == 2 && f.bookmarks == [bookmark("11.1")])
        #expect(f.positions["2024-08-08"]?.position == TextPosition(block: 5, offset: 0))
        #expect(BookmarkStore(path: path).file == f)
        // The first save wrote the file whole; the position went to the journal.
        let whole = try JSONDecoder().decode(BookmarkFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(whole.bookmarks == [bookmark("11.1")] && whole.positions.isEmpty)
        #expect(journalLines(path).count == 1 && journalLines(path)[0].hasPrefix("{\"edition\":\"2024-08-08\",\"position\":"))
        // No temporary files are left beside it.
        let dir = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["bookmarks.json", "bookmarks.json.journal", "bookmarks.json.lock"])
    }

    @Test func twoReadersKeepEachOthersBookmarks() throws {
        let path = tempFile()
        let a = BookmarkStore(path: path), b = BookmarkStore(path: path)
        a.add(bookmark("11.1", saved: "2026-11-29T01:00:00Z"))
        let merged = b.add(bookmark("11.2", saved: "2026-11-29T02:00:00Z"))
        #expect(merged.map(\.article) == ["11.2", "11.1"])  // newest first
        #expect(try onDisk(path).bookmarks.map(\.article) == ["11.2", "11.1"])
        // A deletion by one is not undone by the other's next write.
        a.remove(key: bookmark("11.2").key)
        b.add(bookmark("11.3", saved: "2026-11-29T03:00:00Z"))
        #expect(try onDisk(path).bookmarks.map(\.article) == ["11.3", "11.1"])
        // Positions of other editions survive too.
        a.setPosition(ReadingPosition(article: "1.1", fingerprint: "f", position: .start, saved: "x"), edition: "2024-08-07")
        b.setPosition(ReadingPosition(article: "11.1", fingerprint: "g", position: .start, saved: "x"), edition: "2024-08-08")
        #expect(Set(try onDisk(path).positions.keys) == ["2024-08-07", "2024-08-08"])
    }

    /// A save reads the file again only when it changed since this store
    /// read or wrote it; an edit in place (same inode, another size) by a
    /// tool that does not rename counts as a change, and is kept.
    @Test func aFileEditedInPlaceIsReadAgainBeforeASave() throws {
        let path = tempFile()
        let store = BookmarkStore(path: path)
        store.add(bookmark("11.1", saved: "2026-11-29T01:00:00Z"))
        var edited = try onDisk(path)
        edited.bookmarks.insert(bookmark("11.9", saved: "2026-11-29T09:00:00Z"), at: 0)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(edited.json.printed().utf8))
        try handle.close()
        store.add(bookmark("11.2", saved: "2026-11-29T02:00:00Z"))
        #expect(try onDisk(path).bookmarks.map(\.article) == ["11.9", "11.2", "11.1"])
        // Unchanged since its own write, the file is not read again, and
        // the next save still holds everything.
        store.remove(key: bookmark("11.1").key)
        #expect(try onDisk(path).bookmarks.map(\.article) == ["11.9", "11.2"])
    }

    @Test func aCorruptFileIsKeptAside() throws {
        let path = tempFile()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "{\"version\": 1, \"bookmarks\": [ {broken".write(toFile: path, atomically: true, encoding: .utf8)
        let store = BookmarkStore(path: path)
        #expect(store.notice?.hasPrefix("bookmarks file was unreadable; kept it as \(path).corrupt-") == true)
        #expect(!store.readOnly)
        let dir = (path as NSString).deletingLastPathComponent
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("bookmarks.json.corrupt-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOfFile: dir + "/" + aside[0], encoding: .utf8) == "{\"version\": 1, \"bookmarks\": [ {broken")
        store.add(bookmark("11.1"))
        #expect(try onDisk(path).bookmarks.count == 1)
    }

    @Test func aNewerFileIsLeftAlone() throws {
        let path = tempFile()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let newer = "{\"version\": 7, \"bookmarks\": [], \"positions\": {}, \"future\": true}"
        try newer.write(toFile: path, atomically: true, encoding: .utf8)
        let store = BookmarkStore(path: path)
        #expect(store.readOnly && store.notice?.contains("newer folio (version 7)") == true)
        #expect(store.add(bookmark("11.1")).count == 1)  // kept in memory
        #expect(try String(contentsOfFile: path, encoding: .utf8) == newer)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(BookmarkStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/folio/bookmarks.json")
        #expect(BookmarkStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/folio/bookmarks.json")
    }
}

/// Saves that fail, and damaged files set aside.
@Suite struct BookmarkStoreFailureTests {
    let helper = BookmarkStoreTests()

    @Test func aFailedSaveKeepsTheBookmarkPendingAndRetries() throws {
        // A path whose folder cannot be made: a file stands where the folder should be.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bmf-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let blocker = root + "/folio"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let store = BookmarkStore(path: blocker + "/bookmarks.json")
        store.add(helper.bookmark("11.1"))
        #expect(store.hasUnsavedChanges && store.saveError != nil)
        store.add(helper.bookmark("11.2"))
        #expect(store.hasUnsavedChanges, "a second failure is still a failure")
        #expect(!store.flush())
        // The disk comes back: the next try writes both.
        try FileManager.default.removeItem(atPath: blocker)
        #expect(store.flush() && !store.hasUnsavedChanges && store.saveError == nil)
        #expect(try helper.onDisk(blocker + "/bookmarks.json").bookmarks.map(\.article).sorted() == ["11.1", "11.2"])
    }

    @Test func twoCorruptFilesSetAsideInOneSecondKeepBoth() throws {
        let path = helper.tempFile()
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var notices: [String] = []
        for text in ["{broken one", "{broken two", "{broken three"] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            notices.append(BookmarkStore(path: path).notice ?? "")
        }
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("bookmarks.json.corrupt-") }
        #expect(aside.count == 3, "\(notices)")
        let kept = try Set(aside.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) })
        #expect(kept == ["{broken one", "{broken two", "{broken three"])
    }
}
