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
        usage: """
            folio [<path>] [--date <YYYY-MM-DD>]       open an edition in the reader
              folio <subcommand> [<options>]             list, show, export, bookmarks
            """,
        discussion: """
            An edition is the paper's page PDFs (a folder of them, or one PDF of the whole \
            edition; read with poppler's pdftotext, which must be installed), or the plain \
            text extracted from the printed pages: a folder of page files, one file of pages \
            separated by form feeds, or a single page file, in UTF-8, UTF-16 or GB18030/GBK. \
            A folder may mix PDFs and text pages.

            With no PATH, folio opens today's edition from the edition library (else the \
            newest): ./Editions when it exists, else $FOLIO_EDITIONS, else \
            $XDG_DATA_HOME/folio/editions. PDF pages are cached in $XDG_CACHE_HOME/folio.
            """,
        version: Folio.version,
        subcommands: [Read.self, List.self, Show.self, Export.self, Bookmarks.self, Explain.self],
        defaultSubcommand: Read.self
    )

    /// The version `folio --version` prints.
    static let version = "folio 0.8.0"

    /// Starts the reader at once for `folio` and `folio PATH`; every other
    /// command line goes through swift-argument-parser.
    static func main() {
        if let request = ReadRequest.quick(CommandLine.arguments.dropFirst()) {
            Glibc.exit(request.run())
        }
        main(nil)
    }
}
