import Foundation
import Testing

/// The real reader on a pseudo-terminal (tmux), as a user runs it: open the
/// bundled edition, navigate, bookmark, quit, restart, reopen the bookmark;
/// checking the screen text and the bookmarks file. CI installs tmux.
@Suite(.serialized) struct ReaderEndToEndTests {
    /// One tmux server per test run, on its own socket.
    final class Tmux {
        let socket = "folio-e2e-\(UUID().uuidString.prefix(8))"
        let dir: URL

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }

        deinit { _ = try? run(["kill-server"]) }

        /// Runs a tmux command with posix_spawn and waitpid (Foundation's
        /// Process can miss the exit of a client whose server daemonized).
        @discardableResult
        func run(_ args: [String]) throws -> String {
            let outPath = dir.appendingPathComponent("out-\(UUID().uuidString)").path
            defer { unlink(outPath) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = (["tmux", "-L", socket] + args).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            // The tmux server (and folio under it) must not inherit the test
            // runner's blocked signals.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
            var pid: pid_t = 0
            guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else { throw POSIXError(.ENOENT) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        }

        /// Starts folio in a new window of `width` × `height`.
        func start(_ args: [String], width: Int, height: Int, term: String = "xterm-256color", env: [String: String] = [:], cwd: URL = CLITests.repoRoot) throws {
            _ = try? run(["kill-session", "-t", "e2e"])
            let quoted = ([CLITests.binary.path] + args).map { "'" + $0 + "'" }.joined(separator: " ")
            let extra = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let command = "cd '\(cwd.path)' && env TERM=\(term) LANG= LC_ALL= XDG_DATA_HOME='\(dir.path)' \(extra) \(quoted); echo FOLIO-EXIT:$?; sleep 120"
            // (Killing the last session stops the server; a new session
            // started while it is still going away can be lost with it, so
            // the session is looked for and started again if it is missing.)
            for _ in 0..<5 {
                try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e", command])
                if try run(["list-sessions", "-F", "#{session_name}"]).split(separator: "\n").contains("e2e") { return }
                usleep(200_000)
            }
        }

        func screen() throws -> [String] {
            try run(["capture-pane", "-p", "-t", "e2e"]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        func send(_ keys: String...) throws { try run(["send-keys", "-t", "e2e"] + keys) }

        /// Waits until the screen satisfies `ok` (up to 10 s); returns it.
        @discardableResult
        func wait(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ ok: ([String]) -> Bool) throws -> [String] {
            var last: [String] = []
            for _ in 0..<200 {
                last = try screen()
                if ok(last) { return last }
                usleep(50_000)
            }
            Issue.record("timed out waiting for \(what); screen:\n\(last.joined(separator: "\n"))", sourceLocation: sourceLocation)
            return last
        }

        func bookmarksFile() throws -> [String: Any] {
            try bookmarksOnDisk(dir.appendingPathComponent("folio/bookmarks.json").path)
        }
    }

    static var haveTmux: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    @Test(arguments: [(80, 24), (160, 40)])
    func bookmarkAStoryAndReopenItAfterARestart(width: Int, height: Int) throws {
        try #require(Self.haveTmux, "tmux is needed for the end-to-end test (.ci/run installs it)")
        let t = try Tmux()
        let args = ["Editions/2024-08-08"]
        try t.start(args, width: width, height: height)
        var s = try t.wait("the contents") { $0.count >= height && $0[1].hasPrefix("第11版") && $0[height - 1].hasPrefix(" 2024-08-08") }
        #expect(s[0] == "2024-08-08  星期四")
        #expect(s[2].hasPrefix("   诚信“进”窗口 走“新”更走“心”") && s[2].hasSuffix("张荣  1494字"))
        #expect(s[height - 1].hasPrefix(" 2024-08-08 · 第11版 · story 1/4"))

        try t.send("j", "Enter")
        // Wait for the whole screen: tmux may be read between two rows of a redraw.
        s = try t.wait("the second story") { $0.count > 3 && $0[0] == "奏响夏夜“平安曲” 当好城市“守护人”" && $0[1] == "李炜" && $0[3].hasPrefix("    “高新区") }
        #expect(s[1] == "李炜")
        if width >= 160 {
            // Newspaper columns: a body row holds two columns parted by the gutter.
            // (A story that fits on the screen is balanced over the columns.)
            let cells = s[3].unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 && $1.value != 0x201C && $1.value != 0x201D ? 2 : 1) }
            #expect(s[3].hasPrefix("    “高新区是个暖心的地方，在这里逛街，心里特别") && cells > 100)
        } else {
            #expect(s[3] == "    “高新区是个暖心的地方，在这里逛街，心里特别踏实，很有安全感！”这不仅是众多外")
        }
        // Nothing past the right edge: every row fits the pane.
        for row in s { #expect(row.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 && $1.value != 0x201C && $1.value != 0x201D ? 2 : 1) } <= width, "\(row)") }

        try t.send("m")
        try t.wait("the bookmark notice") { $0.last(where: { !$0.isEmpty })?.hasPrefix(" bookmarked: 奏响夏夜") == true }
        try t.send("q")
        try t.wait("the contents again") { $0.count > 3 && $0[3].hasPrefix(" ★ 奏响夏夜") }
        try t.send("q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }

        var file = try t.bookmarksFile()
        #expect(file["version"] as? Int == 2)
        let saved = file["bookmarks"] as! [[String: Any]]
        #expect(saved.count == 1 && saved[0]["article"] as? String == "11.2" && saved[0]["edition"] as? String == "2024-08-08")
        #expect(saved[0]["title"] as? String == "奏响夏夜“平安曲” 当好城市“守护人”")
        #expect((file["positions"] as? [String: [String: Any]])?["2024-08-08"]?["article"] as? String == "11.2")

        // Restart: the reading position is restored; the bookmark reopens the story.
        try t.start(args, width: width, height: height)
        try t.wait("the restored story") { $0.first == "奏响夏夜“平安曲” 当好城市“守护人”" }
        try t.send("t")
        try t.wait("the contents") { $0.count > 1 && $0[1].hasPrefix("第11版") }
        try t.send("B")
        s = try t.wait("the bookmarks") { $0.count > 1 && $0[0] == "Bookmarks" && $0[1].hasPrefix("  2024-08-08") }
        #expect(s[1].hasPrefix("  2024-08-08  11  奏响夏夜“平安曲” 当好城市“守护人”  李炜"))
        try t.send("k", "Enter")
        try t.wait("the bookmarked story") { $0.first == "奏响夏夜“平安曲” 当好城市“守护人”" }
        try t.send("m")
        try t.wait("the bookmark removed") { $0.last(where: { !$0.isEmpty }) == " bookmark removed" + String(repeating: " ", count: 0) || $0.contains { $0.hasPrefix(" bookmark removed") } }
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
        file = try t.bookmarksFile()
        #expect((file["bookmarks"] as! [Any]).isEmpty)
    }

    @Test func interruptRestoresTheTerminalAndKeepsThePlace() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        try t.start(["Editions/2024-08-07.txt"], width: 80, height: 24)
        try t.wait("the contents") { $0.count > 1 && $0[1].hasPrefix("第1版  要闻") }
        try t.send("]", "Enter")
        try t.wait("page 2's story") { $0.first == "让城市的“慢”与“快”各得其所" }
        try t.send("C-c")
        // (Status 130, as other terminal programs end on Ctrl-C.)
        let s = try t.wait("folio to stop") { $0.contains("FOLIO-EXIT:130") }
        // The reader's screen is gone: the shell's output is on the normal screen.
        #expect(!s.contains("让城市的“慢”与“快”各得其所"))
        let positions = try t.bookmarksFile()["positions"] as! [String: [String: Any]]
        #expect(positions["2024-08-07"]?["article"] as? String == "2.1")
    }

    @Test func searchAndHelpOnTheRealTerminal() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        try t.start(["Editions/2024-08-08"], width: 80, height: 24)
        try t.wait("the contents") { $0.count > 1 && $0[1].hasPrefix("第11版") }
        try t.send("/", "鸬鹚", "Enter")
        // (The whole frame: tmux may show its first rows before its last,
        // where the prompt gives way to the status.)
        var s = try t.wait("the match") { $0.first == "鸬鹚幼鸟雨中受困 警民携手救助放生" && $0.count > 23 && !$0[23].hasPrefix("/") }
        #expect(s[23].hasPrefix(" match 1/"))
        try t.send("?")
        try t.wait("help") { $0.first == "folio: keys" }
        try t.send("G")
        s = try t.wait("the end of the help") { $0.contains { $0.hasPrefix("  .  ,") } }
        #expect(s.contains { $0.hasPrefix("  .  ,") && $0.contains("next / previous match") })
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
    }

    /// In an edition bigger than the page cache, a search shows its first
    /// match and counts the rest between keys, with no key pressed: the
    /// loop polls the keyboard while the count goes on (issue #12).
    @Test func aSearchOfABigEditionCountsWhileTheReaderWaits() throws {
        try #require(Self.haveTmux)
        let seed = try String(contentsOf: CLITests.repoRoot.appendingPathComponent("Editions/2024-08-08/11.txt"), encoding: .utf8)
        let t = try Tmux()
        let path = t.dir.appendingPathComponent("2024-08-08.txt").path
        var text = ""
        for n in 1...60 { text += seed.replacingOccurrences(of: "制版：包聪颖 11", with: "制版：包聪颖 \(n)") + "\u{0C}" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try t.start([path], width: 80, height: 24)
        try t.wait("the contents") { $0.count > 1 && $0[1].hasPrefix("第1版") }
        try t.send("/", "诚信", "Enter")
        // The first match is on the first page; eight a page, 60 pages.
        let s = try t.wait("the whole count") { $0[23].contains("match 1/480 for “诚信”") }
        #expect(s[0].contains("诚信"))
        try t.send(".")
        try t.wait("the next match") { $0[23].contains("match 2/480") }
        try t.send("q", "q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
    }

    @Test func anUnknownTerminalIsAClearError() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        try t.start(["Editions/2024-08-08"], width: 80, height: 24, term: "no-such-terminal")
        let s = try t.wait("the error") { $0.contains("FOLIO-EXIT:1") }
        #expect(s.contains { $0.hasPrefix("folio: unknown terminal type 'no-such-terminal' (TERM)") })
    }

    /// A crash (here a SIGSEGV sent from outside) leaves the terminal as it
    /// found it: off the alternate screen, mouse reporting off, modes back.
    @Test func aCrashRestoresTheTerminal() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        try t.start(["Editions/2024-08-08"], width: 80, height: 24)
        try t.wait("the contents") { $0.first?.hasPrefix("2024-08-08") == true }
        #expect(try t.run(["display-message", "-p", "-t", "e2e", "#{alternate_on} #{mouse_any_flag}"]).hasPrefix("1 1"))
        let pid = try t.run(["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs a shell whose child is folio.
        let folio = try String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8).split(separator: " ").first.map(String.init)
        try #require(folio != nil)
        kill(pid_t(folio!)!, SIGSEGV)
        // Swift's backtracer reports on the restored screen (and, on a
        // terminal, offers to interact: any key ends it).
        try t.wait("the crash report") { $0.contains { $0.contains("Program crashed") } || $0.contains { $0.hasPrefix("FOLIO-EXIT:") } }
        #expect(try t.run(["display-message", "-p", "-t", "e2e", "#{alternate_on} #{mouse_any_flag}"]).hasPrefix("0 0"))
        var s: [String] = []
        for _ in 0..<40 {
            s = try t.screen()
            if s.contains(where: { $0.hasPrefix("FOLIO-EXIT:") }) { break }
            try t.send("q", "Enter")
            usleep(250_000)
        }
        #expect(s.contains { $0.hasPrefix("FOLIO-EXIT:139") }, "\(s.joined(separator: "\n"))")
        #expect(try t.run(["display-message", "-p", "-t", "e2e", "#{alternate_on} #{mouse_any_flag}"]).hasPrefix("0 0"))
    }

    /// A bookmark that cannot be written says so on every try and, at quit,
    /// on stderr with a failing status: never dropped in silence.
    @Test func anUnsavedBookmarkIsReportedAtQuit() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        // A file stands where the bookmarks folder should be.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("folio-blocker-\(UUID().uuidString)")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        try t.start(["read", "Editions/2024-08-08", "--bookmarks", blocker.path + "/bookmarks.json"], width: 80, height: 24)
        try t.wait("the contents") { $0.first?.hasPrefix("2024-08-08") == true }
        try t.send("Enter")
        try t.send("m")
        try t.wait("the failure in the status line") { $0.contains { $0.contains("not saved (will retry):") } }
        try t.send("Q")
        let s = try t.wait("folio to quit") { $0.contains { $0.hasPrefix("FOLIO-EXIT:") } }
        #expect(s.contains { $0.hasPrefix("FOLIO-EXIT:1") })
        #expect(s.joined().contains("folio: bookmarks not saved to \(blocker.path)/bookmarks.json"))
    }

    /// A terminal that cannot place the cursor (an editor's shell buffer)
    /// gets the contents as printed text, as a pipe does, not a broken screen.
    @Test func aDumbTerminalGetsTheContents() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        try t.start(["Editions/2024-08-08"], width: 80, height: 24, term: "dumb")
        let s = try t.wait("the contents and the exit") { $0.contains("FOLIO-EXIT:0") }
        #expect(s.contains { $0.hasPrefix("PAGE  ID") })
        #expect(s.contains { $0.contains("11.2") && $0.contains("奏响夏夜") })
    }

    @Test func aPDFEditionOpensInTheReaderAndThenFromTheCache() throws {
        try #require(Self.haveTmux)
        try #require(PDFEditionTests.haveExtractor, "poppler-utils (pdftotext) reads PDF editions")
        let t = try Tmux()
        let (edition, cache) = try PDFEditionTests.workspace()
        // A slow extractor (the real one, after 0.4 s), so the first
        // reading's progress can be seen in the status line.
        let slow = cache.deletingLastPathComponent().appendingPathComponent("slow-bin")
        try FileManager.default.createDirectory(at: slow, withIntermediateDirectories: true)
        let wrapper = slow.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nsleep 0.4\nexec /usr/bin/pdftotext \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        // Without the extractor (and nothing cached): one line on the
        // terminal, restored, and status 1.
        try t.start([edition.path], width: 100, height: 30, env: ["XDG_CACHE_HOME": cache.path, "PATH": "/nonexistent"])
        try t.wait("the error after the terminal is restored") { s in
            s.contains("folio: reading PDF editions needs pdftotext (Debian/Ubuntu: apt install poppler-utils)") && s.contains("FOLIO-EXIT:1")
        }
        for round in 1...2 {
            try t.start([edition.path], width: 100, height: 30, env: ["XDG_CACHE_HOME": cache.path, "PATH": round == 1 ? slow.path + ":/usr/bin:/bin" : "/nonexistent"])
            if round == 1 {
                try t.wait("the first reading's progress in the status line") { s in
                    s.last { !$0.isEmpty }?.hasPrefix("reading PDF pages 0/7") == true
                }
            }
            try t.wait("the contents of the PDF edition") { s in
                s.contains { $0.contains("Harbour board weighs the future of the old ferry pier") }
            }
            try t.send("q")
            try t.wait("folio to stop") { $0.contains("FOLIO-EXIT:0") }
            // (The second round has no extractor: it reads the cache.)
            #expect(PDFEditionTests.cacheEntries(cache).count == 7)
        }
    }

    /// The day before and after, and the editions screen, on the real
    /// terminal with the bundled library (issue #10).
    @Test func switchDaysInTheReader() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        try t.start([], width: 80, height: 24)
        try t.wait("today's or the newest edition") { $0.first?.hasPrefix("2024-08-08") == true }
        try t.send("<")
        try t.wait("the day before") { $0.first?.hasPrefix("2024-08-07") == true && $0.count > 1 && $0[1].hasPrefix("第1版  要闻") }
        try t.send("e")
        let s = try t.wait("the editions") { $0.first == "Editions" && $0.contains { $0.contains("2024-08-05  1 page, 2 stories") } }
        #expect(s.contains { $0.hasPrefix(" ▸ 2024-08-07") })
        try t.send("k", "Enter")
        try t.wait("the newest again") { $0.first?.hasPrefix("2024-08-08") == true }
        try t.send("q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
    }

    /// A bookmark whose edition has left the library says so, whole, and
    /// is kept (issue #10).
    @Test func aBookmarkOfAnEditionGoneSaysSoAndIsKept() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        let library = t.dir.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        for e in ["2024-08-07.txt", "2024-08-08"] {
            try FileManager.default.copyItem(at: CLITests.repoRoot.appendingPathComponent("Editions/\(e)"), to: library.appendingPathComponent(e))
        }
        let env = ["FOLIO_EDITIONS": library.path]
        // Bookmark a story of the 2024-08-07 edition, then that edition goes.
        try t.start(["--date", "2024-08-07"], width: 80, height: 24, env: env, cwd: t.dir)
        try t.wait("the 2024-08-07 edition") { $0.first?.hasPrefix("2024-08-07") == true }
        try t.send("Enter")
        try t.send("m")
        try t.wait("the bookmark") { $0.last { !$0.isEmpty }?.contains("★") == true }
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
        // Opened on another day (which reads only that day's bookmarks
        // first), the day before opens where it was left, its story marked.
        try t.start([], width: 80, height: 24, env: env, cwd: t.dir)
        try t.wait("the newest edition") { $0.first?.hasPrefix("2024-08-08") == true }
        try t.send("<")
        try t.wait("the day before, its story marked") {
            $0.contains("老街换新颜 居民笑开颜") && $0.last { !$0.isEmpty }.map { $0.contains("the 2024-08-07 edition") && $0.contains("★") } == true
        }
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
        try FileManager.default.removeItem(at: library.appendingPathComponent("2024-08-07.txt"))
        try t.start([], width: 80, height: 24, env: env, cwd: t.dir)
        try t.wait("the newest edition") { $0.first?.hasPrefix("2024-08-08") == true }
        try t.send("B")
        try t.send("Enter")
        let s = try t.wait("the message") { $0.contains { $0.contains("the 2024-08-07 edition is not in the library; bookmark kept") } }
        #expect(s.first == "Bookmarks" || s.first?.hasPrefix("Bookmarks") == true)
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
        let kept = try t.bookmarksFile()["bookmarks"] as! [[String: Any]]
        #expect(kept.count == 1 && kept[0]["edition"] as? String == "2024-08-07")
    }

    /// A PDF edition in the library is counted from the cache: "not read
    /// yet" until it has been opened once, never extracted for a glance.
    @Test func aPDFEditionIsCountedOnceItHasBeenRead() throws {
        try #require(Self.haveTmux)
        try #require(PDFEditionTests.haveExtractor, "poppler-utils (pdftotext) reads PDF editions")
        let t = try Tmux()
        let (edition, cache) = try PDFEditionTests.workspace()
        let library = edition.deletingLastPathComponent()
        try FileManager.default.copyItem(at: CLITests.repoRoot.appendingPathComponent("Editions/2024-08-08"), to: library.appendingPathComponent("2024-08-08"))
        let env = ["FOLIO_EDITIONS": library.path, "XDG_CACHE_HOME": cache.path]
        func glance() throws -> [String] {
            try t.start(["--date", "2024-08-08"], width: 80, height: 24, env: env, cwd: t.dir)
            try t.wait("the text edition") { $0.first?.hasPrefix("2024-08-08") == true }
            try t.send("e")
            let s = try t.wait("the editions with the text one counted") { $0.contains { $0.contains("2024-08-08  1 page, 4 stories") } }
            try t.send("Q")
            try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
            return s
        }
        #expect(try glance().contains { $0.hasPrefix("   2026-12-01  not read yet") })
        #expect(PDFEditionTests.cacheEntries(cache).isEmpty)
        try t.start(["--date", "2026-12-01"], width: 80, height: 24, env: env, cwd: t.dir)
        try t.wait("the PDF edition") { $0.contains { $0.contains("Harbour board weighs the future of the old ferry pier") } }
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
        #expect(try glance().contains { $0.hasPrefix("   2026-12-01  7 pages,") })
    }

    @Test func aTinyTerminalStillWorks() throws {
        try #require(Self.haveTmux)
        let t = try Tmux()
        try t.start(["Editions/2024-08-08"], width: 20, height: 6)
        try t.wait("the contents") { $0.first?.hasPrefix("2024-08-08") == true }
        try t.send("Enter")
        try t.wait("a story") { $0.first?.hasPrefix("诚信") == true }
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
        try t.start(["Editions/2024-08-08"], width: 12, height: 4)
        try t.wait("the too-small notice") { $0.first?.hasPrefix("Terminal too") == true }
        try t.send("Q")
        try t.wait("folio to quit") { $0.contains("FOLIO-EXIT:0") }
    }
}

extension Dictionary where Key == String, Value == String {
    static func + (a: Self, b: Self) -> Self { a.merging(b) { $1 } }
}
