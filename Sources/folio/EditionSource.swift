import EditionKit
#if canImport(Glibc)
import Glibc
#endif

/// Where an edition comes from: a PATH, or a date in the edition library (today's
/// or the newest when neither is given). A plain value, so that the reader's
/// fast start (`Folio.main`) and the parsed commands share one code path.
struct EditionSource: Equatable {
    var path: String?
    var date: String?

    /// Loads the edition, every page parsed, or exits with a one-line error.
    func load() -> Edition {
        let path = resolvedPath()
        do {
            return try EditionReader.read(path: path, pdf: Self.pdfReading) { Diagnostics.notice("skipped \($0)") }
        } catch { Diagnostics.fail(error.description) }
    }

    /// Opens the edition for the reader (pages parsed when shown), or exits
    /// with a one-line error.
    /// The notice, if any, is for the reader's status line.
    func open() -> (document: EditionDocument, notice: String?) {
        do { return try open(progress: Diagnostics.progress) } catch { Diagnostics.fail(error.description) }
    }

    /// The same, throwing its error, and telling `progress` how far the
    /// first reading of a PDF edition has got (the reader shows it in its
    /// status line). The library's own errors still exit here: they come
    /// before any PDF is read.
    func open(progress: @escaping (_ done: Int, _ total: Int) -> Void) throws(EditionError) -> (document: EditionDocument, notice: String?) {
        var notice: String?
        let path = resolvedPath { notice = $0 }
        let document = try EditionReader.open(path: path, pdf: PDFReading(progress: progress))
        if let first = document.skipped.first {
            let more = document.skipped.count > 1 ? " (and \(document.skipped.count - 1) more)" : ""
            notice = [notice, "skipped \(first)\(more)"].compactMap { $0 }.joined(separator: "; ")
        }
        return (document, notice)
    }

    /// PATH, or the library's edition for --date, today, or the newest;
    /// `notify` hears that the newest was taken for today's (default: stderr).
    /// A PATH that is a library (a folder of editions named by date) is
    /// read as one: its edition for --date, today's, else the newest, and
    /// `notify` hears which was taken.
    func resolvedPath(notify: (String) -> Void = { Diagnostics.notice($0) }) -> String {
        if let path, !EditionLibrary.isLibrary(path) {
            if date != nil { Diagnostics.fail("--date picks an edition from a library; \(path) is an edition (give one or the other)") }
            return path
        }
        let library = self.library
        do {
            let picked = try library.pick(date: date, today: ProcessInfoLite.today)
            if picked.fellBack {
                notify("no edition for today; opening the newest, \(picked.date)")
            } else if path != nil, date == nil {
                notify("opening today's edition, \(picked.date), from \(library.root)")
            }
            return picked.path
        } catch {
            Diagnostics.fail(error.description)
        }
    }

    /// PDF pages cached in `$XDG_CACHE_HOME/folio`, progress on stderr.
    static var pdfReading: PDFReading { PDFReading(progress: Diagnostics.progress) }

    /// The library this source picks from and moves in (the reader's
    /// editions screen): PATH when it is one, else the user's.
    var library: EditionLibrary {
        if let path, EditionLibrary.isLibrary(path) { return EditionLibrary(root: path) }
        return Self.library
    }

    static var library: EditionLibrary {
        EditionLibrary.locate(environment: ProcessInfoLite.environment, workingDirectory: ProcessInfoLite.workingDirectory)
    }
}
