import Foundation
import Testing
@testable import EditionKit

/// Large edition files are scanned for their pages and each page is read
/// when first shown (`PagedFile`): the result must be the edition a whole
/// read gives, and bad bytes must cost no more than they do in a whole read.
@Suite struct PagedFileTests {
    static let seed: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Editions/2024-08-08/11.txt")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    /// The seed page `count` times with its page number changed, as a form-feed file.
    static func edition(pages count: Int) -> String {
        (1...count).map { seed.replacingOccurrences(of: "制版：包聪颖 11", with: "制版：包聪颖 \($0)") }.joined(separator: "\u{0C}")
    }

    /// Writes `ed.txt` in a folder of its own.
    func write(_ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-paged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("ed.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every title and text block of a page.
    func allText(_ page: Page) -> String {
        page.articles.map { a in ([a.title].compactMap { $0 } + a.blocks.compactMap(\.text)).joined(separator: "\n") }.joined(separator: "\n")
    }

    @Test func aLargeFileIsReadPageByPageAndGivesTheSameEdition() throws {
        // Blank pages (only white space between form feeds) are not pages.
        let text = Self.edition(pages: 40) + "\u{0C}\n  \n\u{0C}" + Self.seed + "\u{0C}"
        #expect(text.utf8.count >= TextDecoder.pagedSize)
        let path = try write(Array(text.utf8))
        guard case .paged(let file) = try EditionReader.contents(path: path) else {
            Issue.record("a large UTF-8 file should be read page by page")
            return
        }
        #expect(file.pages.count == 41)
        let document = try EditionReader.open(path: path)
        #expect(document.pageCount == 41)
        #expect(!document.isParsed(5))
        // Every page, and the edition as a whole, as a whole read gives them.
        let whole = EditionReader.parse(text: text, name: "ed.txt")
        let paged = try EditionReader.read(path: path)
        #expect(EditionJSON.encode(paged, pretty: false) == EditionJSON.encode(whole, pretty: false))
        #expect(document.page(40).number == 11 && document.page(39).number == 40)
    }

    /// The page ranges found by a scan are kept in the cache folder and
    /// read back at the next open of the same file (no scan of its bytes);
    /// a file changed since, or an entry cut short, is scanned again.
    @Test func thePageIndexIsKeptBetweenOpensAndDroppedWhenTheFileChanges() throws {
        let path = try write(Array(Self.edition(pages: 30).utf8))
        let cache = PDFCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("folio-index-\(UUID().uuidString)").path)
        guard case .success(let scanned?) = PagedFile.scan(path: path, index: cache) else { Issue.record("no scan"); return }
        #expect(scanned.pages.count == 30)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let key = try #require(PagedFile.indexKey(fd))
        #expect(PagedFile.loadIndex(cache, key) == scanned.pages)
        guard case .success(let again?) = PagedFile.scan(path: path, index: cache) else { Issue.record("no second open"); return }
        #expect(again.pages == scanned.pages)
        // An entry cut short is not read.
        let entry = cache.directory + "/" + key.name
        let whole = try Data(contentsOf: URL(fileURLWithPath: entry))
        try whole.prefix(whole.count - 4).write(to: URL(fileURLWithPath: entry))
        #expect(PagedFile.loadIndex(cache, key) == nil)
        // The file grows by a page: its new version is scanned and kept.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\u{0C}" + Self.seed).utf8))
        try handle.close()
        guard case .success(let grown?) = PagedFile.scan(path: path, index: cache) else { Issue.record("no third open"); return }
        #expect(grown.pages.count == 31)
        let newKey = try #require(PagedFile.indexKey(fd))
        #expect(newKey != key && PagedFile.loadIndex(cache, newKey) == grown.pages)
    }

    @Test func aPageWithBadBytesKeepsTheRestOfItsText() throws {
        // Page 30 holds bytes that are neither UTF-8 nor GB18030; page 31 is
        // GB18030 (a file pieced together from two sources).
        var bytes: [UInt8] = []
        for n in 1...29 { bytes += Array(Self.seed.replacingOccurrences(of: "制版：包聪颖 11", with: "制版：包聪颖 \(n)").utf8) + [0x0C] }
        bytes += Array("图书馆延长开放时间\n\n暑期的图书馆座无虚席。".utf8) + [0xFF, 0xFE, 0xFF] + Array("记者走访发现。\n".utf8) + [0x0C]
        bytes += [0xCD, 0xBC, 0xCA, 0xE9, 0xB9, 0xDD, 0x0A]  // 图书馆 in GB18030
        let path = try write(bytes)
        let document = try EditionReader.open(path: path)
        #expect(document.pageCount == 31)
        let damaged = allText(document.page(29))
        #expect(damaged.contains("暑期的图书馆座无虚席。") && damaged.contains("记者走访发现。") && damaged.contains("\u{FFFD}"))
        #expect(allText(document.page(30)).contains("图书馆"))
    }

    @Test func aLargeBinaryFileIsStillRefused() throws {
        // A NUL byte far past the first 64 KiB.
        var bytes = Array(Self.edition(pages: 30).utf8)
        bytes.insert(0, at: bytes.count - 100)
        let path = try write(bytes)
        #expect(throws: EditionError.binaryFile(path: path)) { try EditionReader.open(path: path) }
        // Control bytes from the start: not text at all.
        let junk = try write((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) | 0x01 })
        #expect(throws: EditionError.binaryFile(path: junk)) { try EditionReader.open(path: junk) }
    }

    @Test func aLargeFileInAnotherEncodingIsDecodedWhole() throws {
        let text = Self.edition(pages: 30)
        let gb = try #require(Self.gb18030(text))
        let path = try write(gb)
        guard case .text(let decoded, .gb18030) = try EditionReader.contents(path: path) else {
            Issue.record("GB18030 is not read page by page")
            return
        }
        #expect(decoded == text)
        #expect(try EditionReader.open(path: path).pageCount == 30)
    }

    @Test func fileSystemReadsEveryByte() throws {
        let bytes = (0..<(1 << 18) + 123).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try write(bytes)
        #expect(try FileSystem.read(path).get() == bytes)
        #expect(try FileSystem.read(try write([])).get() == [])
    }

    static func gb18030(_ s: String) -> [UInt8]? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        guard (try? p.run()) != nil else { return nil }
        // Feed and drain at once: the output is larger than a pipe buffer.
        let writer = Thread { input.fileHandleForWriting.write(Data(s.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? Array(data) : nil
    }

    /// An export parses and writes pages on every core at once: the pages
    /// and the JSON are the ones one core gives, in the same order.
    @Test func pagesParsedOnSeveralCoresAreThePagesOneCoreParses() throws {
        let path = try write(Array(Self.edition(pages: 23).utf8))
        let one = try EditionReader.open(path: path).pages(workers: 1)
        let three = try EditionReader.open(path: path).pages(workers: 3)
        #expect(one.count == 23 && one == three)
        #expect(three.map(\.number) == Array(1...23))
        let edition = try EditionReader.read(path: path)
        for pretty in [true, false] {
            let serial = EditionJSON.encode(edition, pretty: pretty, workers: 1)
            #expect(EditionJSON.encode(edition, pretty: pretty, workers: 3) == serial)
            #expect(serial.contains("\"number\"\(pretty ? ": " : ":")23"))
            let parsed = try JSONSerialization.jsonObject(with: Data(serial.utf8)) as? [String: Any]
            #expect((parsed?["pages"] as? [Any])?.count == 23)
        }
    }
}
