import EditionKit
import Reader
#if canImport(Glibc)
import Glibc
#endif

/// What `folio [read]` was asked to do, as a plain value: the reader on a
/// terminal, the table of contents otherwise.
///
/// `folio` and `folio PATH`, the commands typed every morning, are recognised
/// by `quick(_:)` without swift-argument-parser, whose reflection over the
/// command tree costs about 2 ms at every start (docs/performance.md);
/// everything else goes through `Folio.Read`, which builds the same value.
struct ReadRequest: Equatable {
    var source: EditionSource
    var bookmarks: String?
    var columns: Int?

    /// The request for arguments that need no parsing: none, or one PATH that
    /// is neither an option nor a subcommand name. `nil` for anything else.
    static func quick(_ arguments: ArraySlice<String>) -> ReadRequest? {
        switch arguments.count {
        case 0:
            return ReadRequest(source: EditionSource(path: nil, date: nil))
        case 1:
            let path = arguments[arguments.startIndex]
            guard !path.isEmpty, !path.hasPrefix("-"), !subcommandNames.contains(path) else { return nil }
            return ReadRequest(source: EditionSource(path: path, date: nil))
        default:
            return nil
        }
    }

    /// Words that name a subcommand rather than a PATH (`help` is
    /// swift-argument-parser's own). Spelled out rather than read from
    /// `Folio.configuration`, whose construction is part of the cost this
    /// path avoids; a test checks the two agree.
    static let subcommandNames = ["read", "list", "show", "export", "bookmarks", "explain", "help"]

    /// Runs the reader, or prints the contents when standard input or output
    /// is not a terminal, or the terminal cannot place the cursor
    /// (`TERM=dumb`, as in an editor's shell buffer). Returns the exit status.
    func run() -> Int32 {
        let term = ProcessInfoLite.environment["TERM"] ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, term != "dumb" else {
            StandardOutput.write(ContentsPrinter.render(source.load()))
            return 0
        }
        let path = bookmarks ?? BookmarkStore.defaultPath(environment: ProcessInfoLite.environment)
        // The edition is opened once the screen is up, so the first reading
        // of a PDF edition shows its progress in the status line.
        return ReaderApp.run(bookmarksPath: path, columns: columns, library: source.library) { progress throws(EditionError) in
            try source.open(progress: progress)
        }
    }
}
