import ArgumentParser
import EditionKit
import Reader
import Typesetting

extension Folio {
    /// `folio bookmarks`: the saved stories, newest first, without the reader.
    struct Bookmarks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bookmarks",
            abstract: "Print the bookmarks, newest first: edition date, page, story id, title, byline, when saved.",
            discussion: """
                Bookmarks and reading positions are kept in $XDG_DATA_HOME/folio/bookmarks.json \
                (--bookmarks for another file): a JSON object with a version, the bookmarks \
                (edition date, page, story id, title, byline, a fingerprint that finds the \
                story again, when saved) and the last position in each edition. Writes are \
                atomic and locked; a damaged file is set aside, never overwritten.
                """)

        @Option(help: ArgumentHelp("The bookmarks file (default: $XDG_DATA_HOME/folio/bookmarks.json).", valueName: "file"))
        var bookmarks: String?

        func run() throws {
            let path = bookmarks ?? BookmarkStore.defaultPath(environment: ProcessInfoLite.environment)
            let store = BookmarkStore(path: path)
            if let n = store.notice { Diagnostics.notice(n) }
            let list = store.file.bookmarks
            guard !list.isEmpty else {
                StandardOutput.line("No bookmarks in \(TerminalText.sanitized(path)). In the reader, m bookmarks a story.")
                return
            }
            let rows = list.map { b in
                // A bookmarks file is untrusted text: nothing in it reaches the terminal as a control.
                [b.edition, b.page.map(String.init) ?? "-", b.article, b.title ?? Article.untitledLabel, b.byline ?? "", String(b.saved.prefix(16)).replacingT]
                    .map(TerminalText.sanitized)
            }
            let head = ["EDITION", "PAGE", "ID", "TITLE", "BYLINE", "SAVED"]
            var widths = head.map { DisplayWidth.of($0) }
            for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], min(48, DisplayWidth.of(c))) } }
            for r in [head] + rows {
                var line = ""
                for (i, c) in r.enumerated() {
                    let cell = DisplayWidth.truncate(c, to: widths[i])
                    line += i == r.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i]) + "  "
                }
                StandardOutput.line(line)
            }
        }
    }
}

private extension String {
    /// `2026-11-29T02:18` → `2026-11-29 02:18`.
    var replacingT: String { String(map { $0 == "T" ? " " : $0 }) }
}
