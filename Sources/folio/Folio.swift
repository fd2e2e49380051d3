import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `folio`: read a daily newspaper edition in the terminal.
@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Read a daily newspaper edition in the terminal.",
        discussion: """
            An edition is a folder of page files (plain text extracted from the printed \
            pages), one file of pages separated by form feeds, or a single page file. \
            Files may be UTF-8, UTF-16 (with or without a byte-order mark), or GB18030/GBK.

            With no PATH, folio opens today's edition from the edition library (else the \
            newest): ./Editions when it exists, else $FOLIO_EDITIONS, else \
            $XDG_DATA_HOME/folio/editions.
            """,
        subcommands: [Read.self, List.self, Show.self, Export.self, Bookmarks.self, Explain.self],
        defaultSubcommand: Read.self
    )

    /// Starts the reader at once for `folio` and `folio PATH`; every other
    /// command line goes through swift-argument-parser.
    static func main() {
        if let request = ReadRequest.quick(CommandLine.arguments.dropFirst()) {
            Glibc.exit(request.run())
        }
        main(nil)
    }
}
