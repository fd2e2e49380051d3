import Foundation
import Testing
import EditionKit
import Typesetting
@testable import Reader

/// The journal beside the bookmarks file (issue #12): a save appends a line
/// instead of rewriting every bookmark; lines cut short by a crash are left
/// out and cut off; a long journal is folded into the file; a file of the
/// old version is written whole at the first save, as the new version.
@Suite struct BookmarkJournalTests {
    let helper = BookmarkStoreTests()

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func line(_ change: BookmarkChange) -> String { String(decoding: change.json.lineUTF8(), as: UTF8.self) + "\n" }

    @Test func aSaveAppendsToTheJournalAndLeavesTheFileAlone() throws {
        let path = helper.tempFile()
        let store = BookmarkStore(path: path)
        store.add(helper.bookmark("11.1", saved: "2026-11-29T01:00:00Z"))  // the first save writes the file
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        store.add(helper.bookmark("11.2", saved: "2026-11-29T02:00:00Z"))
        store.remove(key: helper.bookmark("11.1").key)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == file)
        #expect(helper.journalLines(path).count == 2)
        #expect(try helper.onDisk(path).bookmarks.map(\.article) == ["11.2"])
        #expect(BookmarkStore(path: path).file.bookmarks.map(\.article) == ["11.2"])
    }

    /// A writer killed mid-line leaves a line without its newline: readers
    /// leave it out, and the next save cuts it off before appending.
    @Test func aLineCutShortIsLeftOutAndCutOff() throws {
        let path = helper.tempFile()
        try write(BookmarkFile().json.printed() + "\n", to: path)
        let whole = line(.add(helper.bookmark("11.1")))
        try write(whole + String(line(.add(helper.bookmark("11.2"))).prefix(40)), to: path + ".journal")
        let store = BookmarkStore(path: path)
        #expect(store.notice == nil && store.file.bookmarks.map(\.article) == ["11.1"])
        store.add(helper.bookmark("11.3", saved: "2026-11-29T03:00:00Z"))
        let lines = helper.journalLines(path)
        #expect(lines.count == 2 && lines[0] + "\n" == whole)
        #expect(try helper.onDisk(path).bookmarks.map(\.article) == ["11.3", "11.1"])
    }

    @Test func aLongJournalIsFoldedIntoTheFile() throws {
        let path = helper.tempFile()
        try write(BookmarkFile().json.printed() + "\n", to: path)
        var journal = ""
        var n = 0
        while journal.utf8.count < BookmarkStore.compactionSize {
            journal += line(.add(helper.bookmark("9.\(n)", saved: "2026-11-28T00:00:00Z")))
            n += 1
        }
        try write(journal, to: path + ".journal")
        let store = BookmarkStore(path: path)
        #expect(store.file.bookmarks.count == n)
        store.add(helper.bookmark("11.1", saved: "2026-11-29T01:00:00Z"))
        #expect(helper.journalLines(path).isEmpty)
        let file = try JSONDecoder().decode(BookmarkFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(file.bookmarks.count == n + 1 && file.bookmarks[0].article == "11.1" && file.version == 2)
    }

    /// An older folio reads version 1 and would rewrite the file without
    /// the journal; the first save here writes version 2 whole (which an
    /// older folio leaves alone) before any journal line is written.
    @Test func aVersion1FileIsWrittenWholeAsVersion2AtTheFirstSave() throws {
        let path = helper.tempFile()
        var old = BookmarkFile(bookmarks: [helper.bookmark("11.1")])
        old.version = 1
        try write(old.json.printed() + "\n", to: path)
        let store = BookmarkStore(path: path)
        #expect(store.notice == nil && store.file.bookmarks.map(\.article) == ["11.1"])
        store.add(helper.bookmark("11.2", saved: "2026-11-29T02:00:00Z"))
        let file = try JSONDecoder().decode(BookmarkFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(file.version == 2 && file.bookmarks.map(\.article) == ["11.2", "11.1"])
        #expect(helper.journalLines(path).isEmpty)
        // From then on, saves go to the journal.
        store.add(helper.bookmark("11.3", saved: "2026-11-29T03:00:00Z"))
        #expect(helper.journalLines(path).count == 1)
    }

    /// A journal line that is not a change sets the journal aside; the
    /// lines before it were saved and are kept, written into the file at
    /// the next save.
    @Test func aJournalThatCannotBeDecodedIsSetAsideKeepingItsGoodLines() throws {
        let path = helper.tempFile()
        try write(BookmarkFile(bookmarks: [helper.bookmark("11.1")]).json.printed() + "\n", to: path)
        try write(line(.add(helper.bookmark("11.3", saved: "2026-11-29T03:00:00Z"))) + "{\"add\": {\"edition\": 3}}\n", to: path + ".journal")
        let store = BookmarkStore(path: path)
        #expect(store.notice?.hasPrefix("bookmarks journal was unreadable (line 2); kept it as ") == true, "\(store.notice ?? "")")
        #expect(store.file.bookmarks.map(\.article) == ["11.3", "11.1"] && !store.readOnly)
        let dir = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.hasPrefix("bookmarks.json.journal.corrupt-") })
        store.add(helper.bookmark("11.2", saved: "2026-11-29T02:00:00Z"))
        let whole = try JSONDecoder().decode(BookmarkFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(whole.bookmarks.map(\.article) == ["11.3", "11.2", "11.1"])
        #expect(try helper.onDisk(path).bookmarks.map(\.article) == ["11.3", "11.2", "11.1"])
    }

    /// Lines other readers appended are read (only they) before a save, and
    /// applying a journal twice gives what applying it once does.
    @Test func changesApplyInOrderAndTwiceIsOnce() throws {
        var f = BookmarkFile()
        let changes: [BookmarkChange] = [
            .add(helper.bookmark("11.1", saved: "2026-11-29T01:00:00Z")),
            .add(helper.bookmark("11.2", saved: "2026-11-29T03:00:00Z")),
            .add(helper.bookmark("11.3", saved: "2026-11-29T02:00:00Z")),
            .remove(key: helper.bookmark("11.1").key),
            .position(ReadingPosition(article: "11.2", fingerprint: "f", position: .start, saved: "x"), edition: "2024-08-08"),
        ]
        for c in changes { f.apply(c) }
        #expect(f.bookmarks.map(\.article) == ["11.2", "11.3"] && f.positions.keys.sorted() == ["2024-08-08"])
        let once = f
        for c in changes { f.apply(c) }
        #expect(f == once)
        for c in changes { #expect(BookmarkChange(json: try JSON(parsing: c.json.lineUTF8())) == c) }
    }
}
