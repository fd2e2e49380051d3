import Foundation
import Testing
import Typesetting
import EditionKit
@testable import Reader

/// The reader's first screen reads only its edition's part of the
/// bookmarks file (`BookmarkSkim`, `BookmarkStore(path:firstShowing:)`);
/// what it reads must be what decoding the whole file gives, and nothing it
/// saves may drop another edition's bookmarks.
@Suite struct BookmarkPartTests {
    func tempFile() -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("folio-part-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d.appendingPathComponent("bookmarks.json").path
    }

    func bookmark(_ edition: String, _ id: String, title: String? = nil, saved: String = "2026-11-29T01:00:00Z") -> Bookmark {
        Bookmark(edition: edition, page: 3, article: id, title: title ?? "标题 \(id)", byline: nil,
                 fingerprint: "fp-\(id)", position: TextPosition(block: 2, offset: 5), saved: saved)
    }

    func position(_ article: String) -> ReadingPosition {
        ReadingPosition(article: article, fingerprint: "fp-\(article)", position: TextPosition(block: 1, offset: 0), saved: "2026-11-29T01:00:00Z")
    }

    /// Editions whose names and titles hold what a skim could trip on:
    /// quotes, backslashes, brackets, a name that is another's prefix.
    var awkward: BookmarkFile {
        var f = BookmarkFile()
        let editions = ["2024-08-08", "2024-08-0", "/tmp/a \"quoted\" edition.txt", "C:\\papers\\day", "2024-08-07"]
        for (i, e) in editions.enumerated() {
            for j in 0..<3 {
                let title = ["a \"quote\" and a \\ backslash", "brackets ] } [ {", "line\nbreak 新闻", "2024-08-08"][(i + j) % 4]
                f.bookmarks.append(bookmark(e, "\(i).\(j)", title: title, saved: "2026-11-2\(9 - j)T0\(i):00:00Z"))
            }
            if i % 2 == 0 { f.positions[e] = position("\(i).0") }
        }
        f.bookmarks.sort { BookmarkFile.precedes($0, $1) }
        return f
    }

    func part(_ f: BookmarkFile, _ edition: String) -> BookmarkSkim.Part {
        BookmarkSkim.Part(version: f.version, bookmarks: f.bookmarks.filter { $0.edition == edition }, position: f.positions[edition])
    }

    @Test func theSkimFindsWhatTheWholeDecodeFinds() throws {
        let f = awkward
        // As folio writes it, on one line, and as another tool might (keys
        // in another order, no spaces, an unknown member).
        let shuffled = try JSONSerialization.data(withJSONObject: [
            "positions": try JSONSerialization.jsonObject(with: JSONEncoder().encode(f.positions)),
            "extra": ["nested": [1, 2, ["x": "]"]]],
            "bookmarks": try JSONSerialization.jsonObject(with: JSONEncoder().encode(f.bookmarks)),
            "version": 2,
        ])
        for bytes in [f.printedUTF8(), f.json.lineUTF8(), [UInt8](shuffled)] {
            let whole = try #require(BookmarkFile(json: try JSON(parsing: bytes)))
            for e in Set(f.bookmarks.map(\.edition)).union(["2024-01-01", ""]) {
                #expect(BookmarkSkim.part(of: e, in: bytes) == part(whole, e), "\(e)")
            }
        }
        #expect(BookmarkSkim.part(of: "2024-08-08", in: f.printedUTF8())?.bookmarks.count == 3)
    }

    /// A file damaged anywhere (cut short, a byte changed) never stops the
    /// skim; what it reads of a file that still decodes whole is what the
    /// whole decode reads.
    @Test func theSkimSurvivesDamage() throws {
        let good = awkward.printedUTF8()
        var rng = SystemRandomNumberGenerator()
        let marks: [UInt8] = Array("{}[]\",:\\ 0a".utf8)
        for round in 0..<400 {
            var bytes = good
            if round % 2 == 0 {
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            } else {
                for _ in 0..<Int.random(in: 1...3, using: &rng) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = marks.randomElement(using: &rng)!
                }
            }
            for e in ["2024-08-08", "C:\\papers\\day", "2024-08-0"] {
                let skimmed = BookmarkSkim.part(of: e, in: bytes)
                if let json = try? JSON(parsing: bytes), let whole = BookmarkFile(json: json), let skimmed {
                    #expect(skimmed == part(whole, e))
                }
            }
        }
    }

    @Test func theSkimRefusesWhatIsNotABookmarksFile() {
        let good = awkward.printedUTF8()
        for bad in [Array(good.dropLast(40)), Array("[]".utf8), Array("{\"version\": 2, \"bookmarks\": []}".utf8),
                    good + Array(" x".utf8), Array("{\"version\": 2, \"bookmarks\": [{\"edition\": \"2024-08-08\"}], \"positions\": {}}".utf8)] {
            #expect(BookmarkSkim.part(of: "2024-08-08", in: bad) == nil)
        }
    }

    @Test func aStoreOpenedForOneEditionHoldsItsPartThenEverything() throws {
        let path = tempFile()
        let f = awkward
        try Data(f.printedUTF8()).write(to: URL(fileURLWithPath: path))
        // Another reader's saves since, in the journal.
        let other = BookmarkStore(path: path)
        other.add(bookmark("2024-08-08", "new", saved: "2026-12-01T00:00:00Z"))
        other.add(bookmark("2024-08-07", "new7", saved: "2026-12-01T00:00:00Z"))
        other.remove(key: bookmark("2024-08-08", "0.1").key)
        other.setPosition(position("late"), edition: "2024-08-08")
        let store = BookmarkStore(path: path, firstShowing: "2024-08-08")
        #expect(store.partOf == "2024-08-08" && store.notice == nil)
        #expect(store.file.bookmarks.map(\.article) == ["new", "0.0", "0.2"])
        #expect(store.position(of: "2024-08-08") == position("late"))
        #expect(store.partOf == "2024-08-08")
        // Another edition's place reads the rest.
        #expect(store.position(of: "2024-08-07") == position("4.0"))
        #expect(store.partOf == nil && store.file == BookmarkStore(path: path).file)
        #expect(store.file.bookmarks.count == f.bookmarks.count + 1)
    }

    @Test func savesFromAPartKeepEveryOtherEdition() throws {
        let path = tempFile()
        let f = awkward
        try Data(f.printedUTF8()).write(to: URL(fileURLWithPath: path))
        // To the journal: the file is left as it was.
        let store = BookmarkStore(path: path, firstShowing: "2024-08-07")
        store.add(bookmark("2024-08-07", "m"))
        store.setPosition(position("m"), edition: "2024-08-07")
        #expect(store.partOf == "2024-08-07")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(f.printedUTF8()))
        // A version 1 file is written whole at the first save: everything in it.
        var v1 = f
        v1.version = 1
        try Data(v1.printedUTF8()).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + ".journal")
        let again = BookmarkStore(path: path, firstShowing: "2024-08-07")
        again.add(bookmark("2024-08-07", "w"))
        let disk = try JSONDecoder().decode(BookmarkFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(disk.version == 2 && disk.bookmarks.count == f.bookmarks.count + 1)
        #expect(Set(disk.positions.keys) == Set(f.positions.keys))
    }

    /// A save that fails keeps its change pending, and reading the rest of
    /// the file does not hide it from the list.
    @Test func aPendingChangeStaysInViewWhenTheRestIsRead() throws {
        let path = tempFile()
        try Data(awkward.printedUTF8()).write(to: URL(fileURLWithPath: path))
        let store = BookmarkStore(path: path, firstShowing: "2024-08-08")
        // Where the journal should be, a folder: the save cannot append.
        try FileManager.default.createDirectory(atPath: path + ".journal", withIntermediateDirectories: false)
        store.add(bookmark("2024-08-08", "pending", saved: "2026-12-02T00:00:00Z"))
        #expect(store.hasUnsavedChanges)
        store.complete()
        #expect(store.partOf == nil && store.hasUnsavedChanges)
        #expect(store.file.bookmarks.first?.article == "pending" && store.file.bookmarks.count == awkward.bookmarks.count + 1)
    }

    @Test func aDamagedFileOrJournalIsJudgedWhenOpenedForOneEdition() throws {
        let path = tempFile()
        try Data("{\"version\": 2, \"bookmarks\": [ {broken".utf8).write(to: URL(fileURLWithPath: path))
        let store = BookmarkStore(path: path, firstShowing: "2024-08-08")
        #expect(store.partOf == nil && store.notice?.hasPrefix("bookmarks file was unreadable") == true)
        // A bad journal line of another edition is not read for the first
        // screen; reading the rest sets it aside, keeping the lines before it.
        let path2 = tempFile()
        try Data(awkward.printedUTF8()).write(to: URL(fileURLWithPath: path2))
        let line = BookmarkChange.add(bookmark("2024-08-07", "kept")).json.lineUTF8()
        try Data(line + [0x0A] + Array("{\"add\": 5}\n".utf8)).write(to: URL(fileURLWithPath: path2 + ".journal"))
        let part = BookmarkStore(path: path2, firstShowing: "2024-08-08")
        #expect(part.partOf == "2024-08-08" && part.notice == nil)
        part.complete()
        #expect(part.notice?.hasPrefix("bookmarks journal was unreadable (line 2)") == true)
        #expect(part.file.bookmarks.contains { $0.article == "kept" })
    }
}
