import Foundation
import Testing

/// PDF editions through the real binary and the real extractor (poppler's
/// `pdftotext`, which `.ci/run` installs): our own small pages in the shapes
/// of real ones (`PDFs/`, made by `Scripts/shape-pages.py`), the cache, the
/// errors a user meets.
@Suite struct PDFEditionTests {
    static let pdfs = CLITests.repoRoot.appendingPathComponent("Tests/FolioCLITests/PDFs/2026-12-01")
    static var haveExtractor: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }

    /// A fresh copy of the PDF edition (a folder named by its date) and an
    /// empty cache folder.
    static func workspace() throws -> (edition: URL, cache: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-pdf-\(UUID().uuidString)")
        let edition = root.appendingPathComponent("2026-12-01")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: pdfs, to: edition)
        return (edition, root.appendingPathComponent("cache"))
    }

    /// The cache's entries of one kind: `.bbox` (the extractor's output) or
    /// `.pages` (the analysed pages).
    static func cacheEntries(_ cache: URL, _ kind: String = ".bbox") -> [URL] {
        let dir = cache.appendingPathComponent("folio")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(kind) }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test func exportReadsAFolderOfPagePDFs() throws {
        try #require(Self.haveExtractor, "poppler-utils (pdftotext) reads PDF editions")
        let (edition, cache) = try Self.workspace()
        let r = try CLITests.run(["export", edition.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["date"] as? String == "2026-12-01")
        let pages = json["pages"] as! [[String: Any]]
        // Page order from the printed folios (A1, A3…, and 8).
        #expect(pages.map { $0["number"] as? Int } == [1, 3, 4, 5, 6, 7, 8])
        let titles = pages.flatMap { ($0["articles"] as! [[String: Any]]).map { $0["title"] as? String } }
        #expect(titles.contains("Harbour board weighs the future of the old ferry pier"))
        #expect(titles.contains("老码头变身滨水步道"))
        #expect(!titles.contains("T") && !titles.contains("WINTER SALE"))
        #expect(Self.cacheEntries(cache).count == 7)
    }

    @Test func aSecondOpenReadsTheCacheAndADamagedEntryIsReadAgain() throws {
        try #require(Self.haveExtractor)
        let (edition, cache) = try Self.workspace()
        let first = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(first.status == 0)
        // From the cache, the extractor is not needed.
        let cached = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path, "PATH": "/nonexistent"])
        #expect(cached.status == 0 && cached.stdout == first.stdout, "\(cached.stderr)")
        // Two entries a PDF: the extractor's output and the analysed pages.
        let pages = Self.cacheEntries(cache, ".pages")
        #expect(pages.count == 7)
        // Analysed pages cut short are analysed again from the extractor's
        // output (no extractor needed), and stored whole again.
        let analysed = try Data(contentsOf: pages[0])
        try analysed.prefix(analysed.count / 2).write(to: pages[0])
        let reanalysed = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path, "PATH": "/nonexistent"])
        #expect(reanalysed.status == 0 && reanalysed.stdout == first.stdout, "\(reanalysed.stderr)")
        #expect(try Data(contentsOf: pages[0]) == analysed)
        // The extractor's output cut short (and no analysed pages) is not
        // trusted: without the extractor that page cannot be read (and says
        // why), with it the entry is written again.
        let entry = Self.cacheEntries(cache)[0]
        let whole = try Data(contentsOf: entry)
        try whole.prefix(whole.count / 2).write(to: entry)
        for p in pages { try FileManager.default.removeItem(at: p) }
        let damaged = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path, "PATH": "/nonexistent"])
        #expect(damaged.stderr.contains("skipped") && damaged.stderr.contains("needs pdftotext"))
        let again = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(again.status == 0 && again.stdout == first.stdout)
        #expect(try Data(contentsOf: entry) == whole)
    }

    @Test func withoutTheExtractorAPDFEditionIsOneClearLine() throws {
        let (edition, cache) = try Self.workspace()
        for command in [["list", edition.path], ["export", edition.path], [edition.path]] {
            let r = try CLITests.run(command, env: ["XDG_CACHE_HOME": cache.path, "PATH": "/nonexistent"])
            #expect(r.status == 1)
            #expect(r.stderr == "folio: reading PDF editions needs pdftotext (Debian/Ubuntu: apt install poppler-utils)\n")
        }
        // Text editions do not need it.
        let text = try CLITests.run(["list", "Editions/2024-08-08"], env: ["XDG_CACHE_HOME": cache.path, "PATH": "/nonexistent"])
        #expect(text.status == 0 && text.stdout.contains("奏响"))
    }

    @Test func aBrokenPDFIsOneLineAndTheOtherPagesStillOpen() throws {
        try #require(Self.haveExtractor)
        let (edition, cache) = try Self.workspace()
        let bad = edition.appendingPathComponent("09-broken.pdf")
        try Data("%PDF-1.4 not really".utf8).write(to: bad)
        let alone = try CLITests.run(["list", bad.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(alone.status == 1)
        #expect(alone.stderr.hasPrefix("folio: \(bad.path): cannot read this PDF (pdftotext: "))
        #expect(alone.stderr.split(separator: "\n").count == 1)
        let folder = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(folder.status == 0)
        #expect(folder.stderr.hasPrefix("folio: skipped \(bad.path): cannot read this PDF"))
        #expect(folder.stdout.contains("Estuary bird count sets a record"))
        // A PDF with no text (a scan) says so.
        let scan = edition.appendingPathComponent("10-scan.pdf")
        try Self.blankPDF().write(to: scan)
        let none = try CLITests.run(["list", scan.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(none.status == 1 && none.stderr == "folio: \(scan.path): the PDF has no text to read (a scanned page?)\n")
    }

    /// A one-page PDF with nothing on it.
    static func blankPDF() -> Data {
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    @Test func oneEditionPDFAndMixedFoldersAreRead() throws {
        try #require(Self.haveExtractor && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfunite"))
        let (edition, cache) = try Self.workspace()
        // One PDF of several pages (poppler's pdfunite puts two of ours together).
        let whole = edition.deletingLastPathComponent().appendingPathComponent("2026-12-01.pdf")
        let unite = Process()
        unite.executableURL = URL(fileURLWithPath: "/usr/bin/pdfunite")
        unite.arguments = [edition.appendingPathComponent("07-registration.pdf").path, edition.appendingPathComponent("04-wide-headline.pdf").path, whole.path]
        try unite.run()
        unite.waitUntilExit()
        let r = try CLITests.run(["export", whole.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(r.status == 0, "\(r.stderr)")
        let pages = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["pages"] as! [[String: Any]]
        // (An edition's PDF is in the order it was made: its pages keep it.)
        #expect(pages.map { $0["number"] as? Int } == [7, 4])
        // A folder of PDFs and text pages together.
        try FileManager.default.copyItem(at: CLITests.repoRoot.appendingPathComponent("Editions/2024-08-08/11.txt"), to: edition.appendingPathComponent("11.txt"))
        let mixed = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path])
        #expect(mixed.status == 0 && mixed.stdout.contains("Estuary bird count sets a record") && mixed.stdout.contains("奏响"))
    }

    @Test func aLibraryEditionMayBeAFolderOfPDFs() throws {
        try #require(Self.haveExtractor)
        let (edition, cache) = try Self.workspace()
        let library = edition.deletingLastPathComponent()
        // (Run elsewhere than the repository, whose ./Editions is a library.)
        let r = try CLITests.run(["list", "--date", "2026-12-01"], cwd: cache.deletingLastPathComponent().deletingLastPathComponent(),
                                 env: ["XDG_CACHE_HOME": cache.path, "FOLIO_EDITIONS": library.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Estuary bird count sets a record") && r.stdout.contains("老码头变身滨水步道"))
    }

    @Test func theFirstReadingShowsProgressOnATerminal() throws {
        try #require(Self.haveExtractor)
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script (util-linux) gives the command a terminal")
        let (edition, cache) = try Self.workspace()
        let log = cache.deletingLastPathComponent().appendingPathComponent("typescript")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "'\(CLITests.binary.path)' list '\(edition.path)' > /dev/null", log.path]
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = cache.path
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let seen = try String(contentsOf: log, encoding: .utf8)
        #expect(p.terminationStatus == 0)
        #expect(seen.contains("folio: reading PDF pages 0/7"))
        // The line is cleared when done, and a log (no terminal) gets none.
        #expect(seen.hasSuffix("\r\u{1B}[K") || seen.contains("\r\u{1B}[K"))
        let piped = try CLITests.run(["list", edition.path], env: ["XDG_CACHE_HOME": cache.path + "-2"])
        #expect(piped.stderr.isEmpty)
    }
}
