import ArgumentParser
import EditionKit
import Typesetting
#if canImport(Glibc)
import Glibc
#endif

extension Folio {
    /// `folio show [PATH] ID`: one story typeset as the reader shows it.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print one story typeset for the terminal, in newspaper columns when wide.",
            usage: "folio show [<path>] <id> [--date <YYYY-MM-DD>] [--width <cells>] [--columns <count>] [--color]",
            discussion: """
                ID is a story id from `folio list` (PAGE.N). Without PATH the story is taken \
                from the library's edition (today's, the newest, or --date's). The headline \
                spans the full width; the body is set in columns of 20–24 CJK characters \
                (60–70 Latin cells) with a 3-cell gutter, as many as fit. Without a terminal \
                the width is 80.
                """)

        @Argument(help: ArgumentHelp("An edition (optional: the library's without it), then the story id, as `folio list` prints it.",
                                     valueName: "path> <id"))
        var words: [String] = []

        @Option(help: ArgumentHelp("Take the story from the library's edition of this date.", valueName: "YYYY-MM-DD"))
        var date: String?

        var path: String? { words.count == 2 ? words[0] : nil }
        var id: String { words.last ?? "" }

        // `.unconditional`: `--width -5` is a bad width, not a missing one.
        @Option(parsing: .unconditional, help: ArgumentHelp("Lay out at this many cells (default: the terminal's width, 80 without one).", valueName: "cells"))
        var width: Int?

        @Option(parsing: .unconditional, help: ArgumentHelp("Force this many columns (default: as many as fit).", valueName: "count"))
        var columns: Int?

        @Flag(help: "Add SGR attributes (bold titles, dim bylines, italic captions).")
        var color = false

        func validate() throws {
            guard (1...2).contains(words.count) else { throw ValidationError("give the story id (and before it, the edition's PATH)") }
            if let date, !EditionInput.isISODate(date) { throw ValidationError("--date takes a date as YYYY-MM-DD, not '\(date)'") }

            if let width, width < 10 || width > 1000 { throw ValidationError("--width takes 10 to 1000 cells") }
            if let columns, columns < 1 || columns > 20 { throw ValidationError("--columns takes 1 to 20") }
        }

        func run() throws {
            let edition = EditionSource(path: path, date: date).load()
            guard let article = edition.article(id: id) else { Diagnostics.fail(EditionError.noSuchArticle(id: id).description) }
            let layout = ArticleLayout(article: article, width: width ?? Terminal.columns() ?? 80, columns: columns)
            let grid = layout.render(top: 0, height: layout.balancedHeight)
            StandardOutput.write(color ? grid.ansiText : grid.text)
        }
    }
}

/// The size of the terminal on standard output, if it is one.
enum Terminal {
    static func columns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
