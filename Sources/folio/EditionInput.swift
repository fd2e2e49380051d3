import ArgumentParser
import EditionKit
#if canImport(Glibc)
import Glibc
#endif

/// The edition a command works on: a PATH, or a date in the edition library.
struct EditionInput: ParsableArguments {
    @Argument(help: ArgumentHelp("An edition: a folder of pages (text or PDF), a file of pages, a page file or PDF.", valueName: "path"),
              completion: .file())
    var path: String?

    @Option(help: ArgumentHelp("Pick the edition of this date from the library.", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, !Self.isISODate(date) { throw ValidationError("--date takes a date as YYYY-MM-DD, not '\(date)'") }

    }

    static func isISODate(_ s: String) -> Bool {
        let p = s.split(separator: "-")
        return s.count == 10 && p.count == 3 && p[0].count == 4 && p.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// The parsed arguments as a plain value.
    var source: EditionSource { EditionSource(path: path, date: date) }

    /// Loads the edition, every page parsed, or exits with a one-line error.
    func load() -> Edition { source.load() }
}

/// One-line messages on standard error.
enum Diagnostics {
    static func notice(_ message: String) {
        // File names and ids in messages come from the user or the disk.
        let line = Array("folio: \(TerminalText.sanitized(message))\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// How far the first reading of a PDF edition has got, on one line of
    /// stderr rewritten in place (`folio: reading PDF pages 3/20`), cleared
    /// when done. Only on a terminal: a log gets no progress bar.
    static func progress(done: Int, total: Int) {
        guard isatty(2) == 1, total > 0 else { return }
        let text = done < total ? "\rfolio: reading PDF pages \(done)/\(total)…\u{1B}[K" : "\r\u{1B}[K"
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
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
