import ArgumentParser
import EditionKit
import Reader
#if canImport(Glibc)
import Glibc
#endif

extension Folio {
    /// `folio [PATH]`: the interactive reader; the table of contents when
    /// standard output is not a terminal.
    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "read",
            abstract: "Open an edition in the reader.",
            discussion: """
                Keys: j/k line, space/b screen, n/p story, ]/[ page, }/{ subhead, t contents, \
                m bookmark, B bookmarks, / search (. and , repeat), q back, Q quit, ? help. \
                See docs/keys.md. When standard output is not a terminal, prints the table \
                of contents instead.
                """)

        @OptionGroup var input: EditionInput

        @Option(help: ArgumentHelp("Keep bookmarks and reading positions in this file (default: $XDG_DATA_HOME/folio/bookmarks.json).", valueName: "file"))
        var bookmarks: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Force this many newspaper columns in stories (default: as many as fit).", valueName: "count"))
        var columns: Int?

        func validate() throws {
            if let columns, columns < 1 || columns > 20 { throw ValidationError("--columns takes 1 to 20") }
        }

        func run() throws {
            let status = ReadRequest(source: input.source, bookmarks: bookmarks, columns: columns).run()
            if status != 0 { throw ExitCode(status) }
        }
    }
}
