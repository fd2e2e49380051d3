import Foundation
import Testing

/// The real `folio` binary, run as a user runs it.
@Suite struct CLITests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent(), repoRoot.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("folio")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        fatalError("folio binary not found next to \(here.path)")
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], cwd: URL = repoRoot, env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment.merge(env) { $1 }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func exportPrintsTheDocumentedJSON() throws {
        let r = try Self.run(["export", "Editions/2024-08-08"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        // UTF-8, not escaped.
        #expect(r.stdout.contains("\"title\": \"诚信“进”窗口 走“新”更走“心”\""))
        #expect(!r.stdout.contains("\\u"))
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["date"] as? String == "2024-08-08")
        let page = (json["pages"] as! [[String: Any]])[0]
        #expect(page["number"] as? Int == 11 && page["weekday"] as? String == "星期四")
        #expect(page["section"] is NSNull)
        #expect((page["staff"] as! [[String: String]]) == [["role": "责编", "name": "钱虹"], ["role": "制版", "name": "包聪颖"]])
        let articles = page["articles"] as! [[String: Any]]
        #expect(articles.map { $0["id"] as! String } == ["11.1", "11.2", "11.3", "11.4"])
        let blocks = articles[0]["blocks"] as! [[String: Any]]
        #expect(blocks[1]["kind"] as? String == "subhead" && blocks[1]["text"] as? String == "高效服务表诚意")
        let photo = (articles[2]["blocks"] as! [[String: Any]]).last!
        #expect(photo["kind"] as? String == "photo" && photo["caption"] is NSNull && photo["credit"] as? String == "季晓敏")
        let compact = try Self.run(["export", "--compact", "Editions/2024-08-08"])
        #expect(compact.stdout.split(separator: "\n").count == 1)
    }

    @Test func listAlignsColumnsByDisplayWidth() throws {
        let r = try Self.run(["list", "Editions/2024-08-07.txt"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "2024-08-07  星期三")
        #expect(lines[1].hasPrefix("PAGE  ID   TITLE"))
        // The byline column starts at the same terminal column on every row:
        // CJK characters are two cells wide.
        func cells(_ s: Substring) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.value != 0x201C && $1.value != 0x201D ? 2 : 1) } }
        let rows = lines.filter { $0.contains("本报记者李明") || $0.contains("张伟") || $0.hasPrefix("PAGE") }
        let starts = rows.map { row -> Int in
            let r = row.range(of: "本报记者李明") ?? row.range(of: "张伟") ?? row.range(of: "BYLINE")!
            return cells(row[..<r.lowerBound])
        }
        #expect(rows.count == 3 && Set(starts).count == 1, "\(rows)")
    }

    @Test func untitledStoriesSayTheyAreUntitled() throws {
        let d = try tempDir()
        try "暑期的图书馆座无虚席。记者\n走访发现，市图书馆延长了开放\n时间。\n".write(to: d.appendingPathComponent("3.txt"), atomically: true, encoding: .utf8)
        let r = try Self.run(["list", d.appendingPathComponent("3.txt").path])
        #expect(r.stdout.contains("3     3.1  (untitled) 暑期的图书馆座无虚席。记者走"))
    }

    @Test func noPathOpensTheNewestBundledEdition() throws {
        let r = try Self.run([])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("2024-08-08  星期四"))
        #expect(r.stderr.contains("no edition for today; opening the newest, 2024-08-08"))
        let dated = try Self.run(["--date", "2024-08-06"])
        #expect(dated.stdout.hasPrefix("2024-08-06"))
    }

    @Test func libraryFromTheEnvironment() throws {
        let lib = try tempDir()
        try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent("Editions/2024-08-05"), to: lib.appendingPathComponent("2024-08-05"))
        let r = try Self.run(["list"], cwd: lib, env: ["FOLIO_EDITIONS": lib.path])
        #expect(r.status == 0 && r.stdout.contains("Tool Library Opens Its Doors"))
    }

    @Test func badInputGetsOneLineAndAFailingStatus() throws {
        let d = try tempDir()
        let empty = d.appendingPathComponent("empty.txt"); try Data().write(to: empty)
        let binary = d.appendingPathComponent("bin.txt"); try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]).write(to: binary)
        let garbage = d.appendingPathComponent("bad.txt"); try Data([0x41, 0x80, 0xFF, 0x42]).write(to: garbage)
        let noPages = d.appendingPathComponent("folder"); try FileManager.default.createDirectory(at: noPages, withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["export", d.appendingPathComponent("missing").path], "no such file or folder"),
            (["list", noPages.path], "no page files (*.txt, *.pdf) in this folder"),
            (["export", empty.path], "the file is empty"),
            (["export", binary.path], "a binary file"),
            (["list", garbage.path], "not text in UTF-8, UTF-16 or GB18030"),
            (["list", "--date", "2020-01-01"], "no edition dated 2020-01-01"),
        ]
        for (args, message) in cases {
            let r = try Self.run(args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(r.stderr.hasPrefix("folio: ") && r.stderr.contains(message) && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        let badDate = try Self.run(["list", "--date", "yesterday"])
        #expect(badDate.status != 0 && badDate.stderr.contains("YYYY-MM-DD"))
    }

    @Test func showTypesetsAnArticle() throws {
        let r = try Self.run(["show", "Editions/2024-08-08", "11.4", "--width", "80"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "鸬鹚幼鸟雨中受困 警民携手救助放生")
        // The dateline is shown once: in the lead that opens the story.
        #expect(lines[1] == "陈晓轩")
        #expect(lines[3].hasPrefix("    经棚讯前不久，赤峰市克什克腾旗公安局"))
        // A jump line is shown where printed, at the end of its story.
        let english = try Self.run(["show", "Editions/2024-08-05", "B3.1", "--width", "100"])
        #expect(english.stdout.split(separator: "\n").last?.hasPrefix("Continued on Page B5") == true)
        #expect(!r.stdout.contains("\u{1B}"))
        // Three columns at 160 cells: the first body row holds text from three places.
        let wide = try Self.run(["show", "Editions/2024-08-08", "11.1", "--width", "160"])
        let row = wide.stdout.split(separator: "\n")[4]
        #expect(row.contains("   ") && row.split(separator: " ", omittingEmptySubsequences: true).count >= 3)
        let forced = try Self.run(["show", "Editions/2024-08-08", "11.1", "--width", "160", "--columns", "1"])
        // One column forced: a body line runs the full width (80 CJK characters).
        #expect(forced.stdout.split(separator: "\n").map(\.count).max()! >= 75)
        let color = try Self.run(["show", "Editions/2024-08-08", "11.4", "--color"])
        #expect(color.stdout.hasPrefix("\u{1B}[0;1m鸬鹚幼鸟"))
        let missing = try Self.run(["show", "Editions/2024-08-08", "11.9"])
        #expect(missing.status == 1 && missing.stderr == "folio: no story 11.9 in this edition (see `folio list`)\n")
        // Without PATH, from the library's edition (its newest, or --date's).
        let fromLibrary = try Self.run(["show", "--date", "2024-08-08", "11.4"])
        #expect(fromLibrary.status == 0 && fromLibrary.stdout.hasPrefix("鸬鹚幼鸟"))
        let both = try Self.run(["show", "Editions/2024-08-08", "11.4", "--date", "2024-08-08"])
        #expect(both.status != 0 && both.stderr.contains("--date picks an edition from a library; Editions/2024-08-08 is an edition"))
        let narrow = try Self.run(["show", "Editions/2024-08-08", "11.4", "--width", "3"])
        #expect(narrow.status != 0 && narrow.stderr.contains("--width takes 10 to 1000 cells"))
    }

    @Test func bookmarksPrintsTheListWithoutTheReader() throws {
        let d = try tempDir()
        let file = d.appendingPathComponent("b.json")
        let empty = try Self.run(["bookmarks", "--bookmarks", file.path])
        #expect(empty.status == 0 && empty.stdout.hasPrefix("No bookmarks in"))
        let json = """
            {"version": 1, "positions": {}, "bookmarks": [
              {"edition": "2024-08-08", "page": 11, "article": "11.2", "title": "奏响夏夜“平安曲” 当好城市“守护人”", "byline": "李炜",
               "fingerprint": "a", "position": {"block": 4, "offset": 0}, "saved": "2026-11-29T02:18:00Z"},
              {"edition": "2024-08-05", "page": 3, "article": "B3.1", "title": "Tool Library Opens Its Doors", "byline": "JANE DOE",
               "fingerprint": "b", "position": {"block": 0, "offset": 0}, "saved": "2026-11-28T09:00:00Z"}]}
            """
        try json.write(to: file, atomically: true, encoding: .utf8)
        let r = try Self.run(["bookmarks", "--bookmarks", file.path])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("EDITION     PAGE  ID    TITLE"))
        #expect(lines[1].hasPrefix("2024-08-08  11    11.2  奏响夏夜“平安曲” 当好城市“守护人”  李炜") && lines[1].hasSuffix("2026-11-29 02:18"))
        #expect(lines[2].hasPrefix("2024-08-05  3     B3.1  Tool Library Opens Its Doors"))
        // A damaged file is set aside and said so, on one line.
        try "not json".write(to: file, atomically: true, encoding: .utf8)
        let bad = try Self.run(["bookmarks", "--bookmarks", file.path])
        #expect(bad.status == 0 && bad.stderr.hasPrefix("folio: bookmarks file was unreadable; kept it as ") && bad.stdout.hasPrefix("No bookmarks"))
    }

    /// `folio PATH` starts without swift-argument-parser (a faster start,
    /// docs/performance.md); it must behave exactly as `folio read PATH`.
    @Test func theQuickStartBehavesLikeTheParsedCommand() throws {
        for path in ["Editions/2024-08-07.txt", "Editions/2024-08-08", "nowhere"] {
            let quick = try Self.run([path])
            let parsed = try Self.run(["read", path])
            #expect(quick.status == parsed.status && quick.stdout == parsed.stdout && quick.stderr == parsed.stderr, "\(path)")
        }
        #expect(try Self.run(["nowhere"]).stderr == "folio: nowhere: no such file or folder\n")
        // Subcommand names are never taken for a PATH; `./list` is one.
        let d = try tempDir()
        try FileManager.default.createDirectory(at: d.appendingPathComponent("list"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent("Editions/2024-08-05/B3.txt"), to: d.appendingPathComponent("list/B3.txt"))
        let command = try Self.run(["list"], env: ["FOLIO_EDITIONS": d.path])
        #expect(command.status == 0 && command.stdout.hasPrefix("2024-08-08"))
        let folder = try Self.run(["./list"], cwd: d)
        #expect(folder.status == 0 && folder.stdout.contains("B3"))
        let help = try Self.run(["help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE"))
    }

    @Test func helpExplainsTheCommands() throws {
        let r = try Self.run(["--help"])
        #expect(r.status == 0)
        for word in ["export", "list", "show", "bookmarks", "read", "Editions", "GB18030", "PDF", "pdftotext"] { #expect(r.stdout.contains(word), "\(word)") }
        // The command typed every morning is the first usage line.
        #expect(r.stdout.contains("USAGE: folio [<path>] [--date <YYYY-MM-DD>]"))
        // Help stands alone: no pointers into the source tree; one word, story.
        let read = try Self.run(["read", "--help"])
        #expect(read.stdout.contains("n/p the next and previous story") && !read.stdout.contains("docs/"))
        for args in [["--help"], ["read", "--help"], ["list", "--help"], ["show", "--help"], ["export", "--help"], ["bookmarks", "--help"]] {
            let h = try Self.run(args)
            #expect(!h.stdout.contains("article") && !h.stdout.contains("docs/"), "\(args)")
        }
    }

    /// The completion scripts Scripts/install.sh installs, from the command
    /// definitions: every subcommand and option is in each.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverTheCommands(_ shell: String) throws {
        let r = try Self.run(["--generate-completion-script", shell])
        #expect(r.status == 0 && r.stderr.isEmpty)
        for word in ["list", "show", "export", "bookmarks", "--date", "--columns", "--bookmarks"] {
            // (fish names an option taking a value `'date='`.)
            let spelled = shell == "fish" && word.hasPrefix("--") ? "'" + word.dropFirst(2) + "='" : word
            #expect(r.stdout.contains(spelled), "\(shell): \(spelled)")
        }
    }

    /// A library folder (editions named by date) given as PATH is read as a
    /// library: its newest edition (or --date's), and the command says which.
    @Test func aLibraryFolderIsReadAsALibrary() throws {
        let newest = try Self.run(["list", "Editions"])
        #expect(newest.status == 0 && newest.stdout.hasPrefix("2024-08-08"))
        #expect(newest.stderr.contains("opening the newest, 2024-08-08"))
        let dated = try Self.run(["list", "Editions", "--date", "2024-08-07"])
        #expect(dated.status == 0 && dated.stdout.hasPrefix("2024-08-07") && dated.stdout.contains("老街换新颜"))
        let export = try Self.run(["export", "Editions", "--date", "2024-08-05"])
        #expect(export.status == 0 && export.stdout.contains("\"date\": \"2024-08-05\""))
        let missing = try Self.run(["list", "Editions", "--date", "2001-01-01"])
        #expect(missing.status == 1 && missing.stderr == "folio: no edition dated 2001-01-01 in Editions\n")
        // An edition's own folder is an edition, whatever its name.
        let edition = try Self.run(["list", "Editions/2024-08-08"])
        #expect(edition.status == 0 && edition.stderr.isEmpty)
    }

    @Test func versionIsPrinted() throws {
        let r = try Self.run(["--version"])
        #expect(r.status == 0 && r.stdout.hasPrefix("folio ") && r.stdout.split(separator: "\n").count == 1)
    }

    /// A page opening with a line of 19+ digits once crashed every command.
    @Test func aLineOfDigitsCrashesNothing() throws {
        let d = try tempDir()
        let page = d.appendingPathComponent("3.txt")
        try "9999992249920242024\n本报北京8月7日电 这是一段足够长的正文，用来让解析器读完整页而不出错。\n".write(to: page, atomically: true, encoding: .utf8)
        for args in [["list", page.path], ["export", page.path], ["show", page.path, "3.1"], [page.path]] {
            let r = try Self.run(args)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(args): \(r.status) \(r.stderr)")
        }
    }

    /// Nothing from a page, a bookmarks file or a file name reaches the
    /// terminal as a control: C0, DEL, C1 (CSI, OSC…ST) and bidi controls.
    @Test func pageTextCannotControlTheTerminal() throws {
        let d = try tempDir()
        let hostile = "\u{9D}0;pwned\u{9C}\u{9B}2J\u{1B}]52;c;SGVsbG8=\u{7}\u{202E}txt.exe\u{2066}"
        let page = d.appendingPathComponent("3.txt")
        // Long enough to be text (a file that is 1% controls is called binary).
        let body = String(repeating: "这是正文的一段话，写得很长很长很长。\n", count: 30)
        try "标题\(hostile)测试\n本报记者 李 明\n这是正文\(hostile)的一段话，写得很长很长很长。\n\(body)".write(to: page, atomically: true, encoding: .utf8)
        func inert(_ text: String) -> Bool { !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) }
        for args in [["list", page.path], [page.path], ["export", page.path], ["show", page.path, "3.1", "--width", "60"]] {
            let r = try Self.run(args)
            #expect(r.status == 0, "\(args) \(r.stderr)")
            #expect(inert(r.stdout), "\(args): \(r.stdout.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }.map(\.value))")
        }
        // A bookmarks file is as untrusted as a page.
        let bookmarks = d.appendingPathComponent("bm.json")
        let escaped = hostile.unicodeScalars.map { $0.value < 0x20 || $0.value >= 0x7F ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
        try "{\"version\": 1, \"bookmarks\": [{\"edition\": \"2024\(escaped)\", \"page\": 3, \"article\": \"3.1\", \"title\": \"t\(escaped)\", \"fingerprint\": \"f\", \"position\": {\"block\": 0, \"offset\": 0}, \"saved\": \"2026-11-29T01:00:00Z\"}], \"positions\": {}}".write(to: bookmarks, atomically: true, encoding: .utf8)
        let b = try Self.run(["bookmarks", "--bookmarks", bookmarks.path])
        #expect(b.status == 0 && b.stdout.contains("t") && inert(b.stdout), "\(b.stdout.unicodeScalars.map(\.value))")
        // Error messages echo what the user typed, made safe.
        let e = try Self.run(["list", d.path + "/no\u{1B}[2Jsuch"])
        #expect(e.status == 1 && inert(e.stderr) && e.stderr.contains("␛[2J"), "\(e.stderr)")
    }

    /// A failed write to standard output is an error, not an exit 0.
    @Test func aFullDiskIsAnError() throws {
        for args in [["export", "Editions/2024-08-08"], ["list", "Editions/2024-08-08"], ["show", "Editions/2024-08-08", "11.1"]] {
            let p = Process()
            p.executableURL = Self.binary
            p.arguments = args
            p.currentDirectoryURL = Self.repoRoot
            p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let err = Pipe()
            p.standardError = err
            try p.run()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 1 && e.hasPrefix("folio: cannot write the output:") && e.hasSuffix("\n"), "\(args): \(e)")
        }
    }

    /// Pages whose numbers repeat, or that have none, each list their own
    /// stories, and every story has its own id.
    @Test func repeatedAndMissingPageNumbersKeepIDsUnique() throws {
        let d = try tempDir()
        let seed = try String(contentsOf: Self.repoRoot.appendingPathComponent("Editions/2024-08-08/11.txt"), encoding: .utf8)
        let unnumbered = "本报记者 李 明\n这是正文的一段话，写得很长很长很长。\n"
        try (seed + "\u{0C}" + seed + "\u{0C}").write(to: d.appendingPathComponent("twice.txt"), atomically: true, encoding: .utf8)
        let twice = try Self.run(["export", d.appendingPathComponent("twice.txt").path])
        let json = try JSONSerialization.jsonObject(with: Data(twice.stdout.utf8)) as! [String: Any]
        let ids = (json["pages"] as! [[String: Any]]).flatMap { ($0["articles"] as! [[String: Any]]).map { $0["id"] as! String } }
        #expect(ids == ["11.1", "11.2", "11.3", "11.4", "11-2.1", "11-2.2", "11-2.3", "11-2.4"])
        let list = try Self.run(["list", d.appendingPathComponent("twice.txt").path])
        #expect(list.stdout.components(separatedBy: "奏响夏夜").count == 3, "each page lists its own four stories once")
        #expect(try Self.run(["show", d.appendingPathComponent("twice.txt").path, "11-2.4"]).status == 0)
        // Folder pages with no number anywhere: ids by their place.
        let folder = d.appendingPathComponent("f")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try unnumbered.write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try unnumbered.write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let l = try Self.run(["list", folder.path])
        #expect(l.stdout.contains("p1.1") && l.stdout.contains("p2.1") && !l.stdout.contains("(no stories)"), "\(l.stdout)")
    }

    /// Careless input: each gets one clear line, or is read after all.
    @Test func awkwardInputsGetClearAnswers() throws {
        let d = try tempDir()
        // A symbolic link loop is not "no such file".
        try FileManager.default.createSymbolicLink(atPath: d.appendingPathComponent("a").path, withDestinationPath: d.appendingPathComponent("b").path)
        try FileManager.default.createSymbolicLink(atPath: d.appendingPathComponent("b").path, withDestinationPath: d.appendingPathComponent("a").path)
        let loop = try Self.run(["list", d.appendingPathComponent("a").path])
        #expect(loop.status == 1 && loop.stderr.contains("symbolic links"), "\(loop.stderr)")
        // A negative width is a bad width, not a missing one.
        let width = try Self.run(["show", "Editions/2024-08-08", "11.1", "--width", "-5"])
        #expect(width.status != 0 && width.stderr.contains("--width takes 10 to 1000 cells"), "\(width.stderr)")
        // UTF-16 without a byte-order mark is text.
        let seed = try String(contentsOf: Self.repoRoot.appendingPathComponent("Editions/2024-08-08/11.txt"), encoding: .utf8)
        try seed.data(using: .utf16LittleEndian)!.write(to: d.appendingPathComponent("le.txt"))
        let le = try Self.run(["list", d.appendingPathComponent("le.txt").path])
        #expect(le.status == 0 && le.stdout.contains("奏响夏夜"), "\(le.stderr)")
        // One bad file in a folder is skipped with a warning; the rest is read.
        let folder = d.appendingPathComponent("ed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try seed.write(to: folder.appendingPathComponent("11.txt"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2, 3, 0, 0, 9]).write(to: folder.appendingPathComponent("12.txt"))
        let mixed = try Self.run(["list", folder.path])
        #expect(mixed.status == 0 && mixed.stdout.contains("奏响夏夜") && mixed.stderr.contains("skipped") && mixed.stderr.contains("12.txt"), "\(mixed.stderr)")
        // A huge file is judged from its start, not read whole first.
        let huge = d.appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let h = try FileHandle(forWritingTo: huge)
        try h.truncate(atOffset: 2 << 30)
        try h.close()
        let started = Date()
        let big = try Self.run(["list", huge.path])
        #expect(big.status == 1 && big.stderr.contains("binary"), "\(big.stderr)")
        #expect(Date().timeIntervalSince(started) < 20, "a 2 GiB file was read whole")
    }
}
