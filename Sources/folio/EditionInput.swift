import ArgumentParser
import EditionKit
#if canImport(Glibc)
import Glibc
#endif

/// The edition a command works on: a PATH, or a date in the edition library.
struct EditionInput: ParsableArguments {
    @Argument(help: ArgumentHelp("An edition folder, a multi-page file or a page file.", valueName: "path"),
              completion: .file())
    var path: String?

    @Option(help: ArgumentHelp("Pick the edition of this date from the library.", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, !Self.isISODate(date) { throw ValidationError("--date takes a date as YYYY-MM-DD, not '\(date)'") }
        if path != nil && date != nil { throw ValidationError("give either a PATH or --date, not both") }
    }

    static func isISODate(_ s: String) -> Bool {
        let p = s.split(separator: "-")
        return s.count == 10 && p.count == 3 && p[0].count == 4 && p.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// Loads the edition, every page parsed, or exits with a one-line error.
    func load() throws -> Edition {
        let path = resolvedPath()
        do { return try EditionReader.read(path: path) } catch { Diagnostics.fail(error.description) }
    }

    /// Opens the edition for the reader (pages parsed when shown), or exits
    /// with a one-line error.
    /// The notice, if any, is for the reader's status line.
    func open() -> (document: EditionDocument, notice: String?) {
        var notice: String?
        let path = resolvedPath { notice = $0 }
        do { return (try EditionReader.open(path: path), notice) } catch { Diagnostics.fail(error.description) }
    }

    /// PATH, or the library's edition for --date, today, or the newest;
    /// `notify` hears that the newest was taken for today's (default: stderr).
    func resolvedPath(notify: (String) -> Void = { Diagnostics.notice($0) }) -> String {
        if let path { return path }
        do {
            let picked = try Self.library.pick(date: date, today: ProcessInfoLite.today)
            if picked.fellBack { notify("no edition for today; opening the newest, \(picked.date)") }
            return picked.path
        } catch {
            Diagnostics.fail(error.description)
        }
    }

    static var library: EditionLibrary {
        EditionLibrary.locate(environment: ProcessInfoLite.environment, workingDirectory: ProcessInfoLite.workingDirectory)
    }
}

/// One-line messages on standard error.
enum Diagnostics {
    static func notice(_ message: String) {
        let line = Array("folio: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func fail(_ message: String) -> Never {
        notice(message)
        exit(1)
    }
}

/// The little of the process environment folio needs, without Foundation.
enum ProcessInfoLite {
    static var environment: [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }

    static var workingDirectory: String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return "." }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Today's date in local time, `YYYY-MM-DD`.
    static var today: String {
        var t = time(nil)
        var tm = tm()
        localtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))"
    }
}
