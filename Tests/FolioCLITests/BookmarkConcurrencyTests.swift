import Foundation
import Testing

/// Readers saving bookmarks at the same moment, and readers killed mid-save:
/// every bookmark a reader confirmed must be in the file afterwards.
@Suite struct BookmarkConcurrencyTests {
    static let writer: URL = CLITests.binary.deletingLastPathComponent().appendingPathComponent("bookmark-writer")

    func tempBookmarks() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bmc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d.appendingPathComponent("bookmarks.json").path
    }

    func articlesOnDisk(_ path: String) throws -> Set<String> {
        // (Killed before its first save: no file, no journal, no bookmarks.)
        Set((try bookmarksOnDisk(path)["bookmarks"] as! [[String: Any]]).map { $0["article"] as! String })
    }

    func start(_ path: String, _ name: String, _ count: Int) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = Self.writer
        p.arguments = [path, name, String(count)]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        return (p, out)
    }

    func confirmed(_ out: Pipe) -> [String] {
        String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func eightWritersAtOnceLoseNothing() throws {
        let path = try tempBookmarks()
        let writers = try (0..<8).map { try start(path, "w\($0)", 20) }
        var saved: Set<String> = []
        for (p, out) in writers {
            saved.formUnion(confirmed(out))
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        #expect(saved.count == 160)
        let onDisk = try articlesOnDisk(path)
        #expect(saved.subtracting(onDisk).isEmpty, "lost: \(saved.subtracting(onDisk).sorted())")
    }

    @Test func aWriterKilledMidSaveLosesNothingConfirmedAndLeavesNoTemporaryFile() throws {
        let path = try tempBookmarks()
        var saved: Set<String> = []
        for round in 0..<12 {
            let (p, out) = try start(path, "k\(round)", 0)
            usleep(UInt32(5_000 + (round * 7_300) % 40_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            saved.formUnion(confirmed(out))
            // The file is whole JSON after every kill.
            let onDisk = try articlesOnDisk(path)
            #expect(saved.subtracting(onDisk).isEmpty, "round \(round) lost: \(saved.subtracting(onDisk).sorted())")
        }
        #expect(!saved.isEmpty)
        // The next save clears what the killed writers left behind.
        let (p, out) = try start(path, "last", 1)
        _ = confirmed(out)
        p.waitUntilExit()
        let dir = (path as NSString).deletingLastPathComponent
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "left: \(left)")
    }
}
