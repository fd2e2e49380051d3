#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs poppler's `pdftotext -bbox-layout` on a PDF and reads its pages'
/// geometry. The extractor is found on `PATH` when a PDF is opened, never
/// linked in: Folio builds and reads text editions on a machine without it.
/// It runs without a shell (its arguments are passed as they are, so a file
/// name cannot be read as a command), with a time limit, and its output is
/// read as it is written.
public enum PDFExtractor {
    /// The extractor's name on `PATH`.
    public static let program = "pdftotext"
    /// How long one PDF may take before the extractor is stopped.
    public static let timeLimit: Double = 120

    /// Where `pdftotext` is, or nil.
    public static func locate(environment path: String? = getenv("PATH").map { String(cString: $0) }) -> String? {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + program
            if access(candidate, X_OK) == 0, FileSystem.kind(candidate) == .file { return candidate }
        }
        return nil
    }

    /// The pages of a PDF with their text boxes.
    public static func pages(of pdf: String) throws(EditionError) -> [PageGeometry] {
        guard let tool = locate() else { throw .extractorMissing }
        // (A name starting with `-` would read as an option: make it a path.)
        let file = pdf.hasPrefix("-") ? "./" + pdf : pdf
        let result = run(tool, ["-bbox-layout", "-enc", "UTF-8", "-q", file, "-"])
        switch result {
        case .failure(let failure):
            throw .unreadablePDF(path: pdf, reason: failure.reason)
        case .success(let output):
            let pages = BBoxLayout.pages(output)
            if pages.isEmpty { throw .unreadablePDF(path: pdf, reason: "\(program) found no pages") }
            guard pages.contains(where: { !$0.lines.isEmpty }) else { throw .noTextLayer(path: pdf) }
            return pages
        }
    }

    /// Runs `tool` with `arguments`, its output read into a string; stops it
    /// after `timeLimit` seconds.
    static func run(_ tool: String, _ arguments: [String]) -> Result<String, RunFailure> {
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&out) == 0 else { return .failure(RunFailure("cannot make a pipe")) }
        guard pipe(&err) == 0 else { close(out[0]); close(out[1]); return .failure(RunFailure("cannot make a pipe")) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        posix_spawn_file_actions_addclose(&actions, out[0])
        posix_spawn_file_actions_addclose(&actions, err[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tool, &actions, nil, argv, environ)
        close(out[1])
        close(err[1])
        guard spawned == 0 else {
            close(out[0]); close(err[0])
            return .failure(RunFailure("cannot run \(tool): \(String(cString: strerror(spawned)))"))
        }
        var stdout: [UInt8] = [], stderr: [UInt8] = []
        let deadline = monotonicNow() + timeLimit
        var open = [out[0], err[0]]
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let left = deadline - monotonicNow()
            if left <= 0 { timedOut = true; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000) + 1)
            if ready < 0 { if errno == EINTR { continue }; break }
            for f in fds where f.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(f.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if f.fd == out[0] { stdout += buffer[..<n] } else if stderr.count < 4096 { stderr += buffer[..<n] }
                } else if n == 0 || errno != EINTR && errno != EAGAIN {
                    close(f.fd)
                    open.removeAll { $0 == f.fd }
                }
            }
        }
        if timedOut { kill(pid, SIGKILL) }
        open.forEach { close($0) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if timedOut { return .failure(RunFailure("\(program) took longer than \(Int(timeLimit)) s")) }
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            let said = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last.map(String.init)
            let why = said.map { TerminalText.sanitized($0) } ?? (exited ? "exit status \(code)" : "stopped by signal \(status & 0x7F)")
            return .failure(RunFailure("\(program): \(why)"))
        }
        return .success(String(decoding: stdout, as: UTF8.self))
    }

    /// Why the extractor gave no output.
    struct RunFailure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func monotonicNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
