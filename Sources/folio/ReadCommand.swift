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
                Keys: j/k or the arrows a line, space/b or PgDn/PgUp a screen, g/G the top \
                and end, n/p the next and previous story, ]/[ the next and previous page, \
                }/{ the next and previous subhead, t the contents, Enter opens a story, \
                m bookmark the story (again: remove it), B the bookmarks (d deletes, u \
                undoes), e the library's editions, < and > the day before and after, / search \
                (. and , the next and previous match), q back, Q quit, ? every key. The mouse \
                wheel scrolls; a click opens a story. Space at the end of a story goes on to \
                the next one, or into its continuation on another page.

                When standard output is not a terminal (or TERM is dumb), prints the table of \
                contents instead. Ctrl-C quits like q, keeping the place, with status 130.
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
