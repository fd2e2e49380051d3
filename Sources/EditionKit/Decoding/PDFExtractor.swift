#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs poppler's `pdftotext -bbox-layout` on PDFs and reads their pages'
/// geometry. The extractor is found on `PATH` when a PDF is opened, never
/// linked in: Folio builds and reads text editions on a machine without it.
/// It runs without a shell (its arguments are passed as they are, so a file
/// name cannot be read as a command), with a time limit, up to one process
/// per core at once; what it prints is kept in a `PDFCache`, so a PDF is
/// extracted once.
public enum PDFExtractor {
    /// The extractor's name on `PATH`.
    public static let program = "pdftotext"
    /// How long one PDF may take before the extractor is stopped.
    public static let timeLimit: Double = 120

    /// Where `pdftotext` is, or nil.
    public static func locate(path: String? = getenv("PATH").map { String(cString: $0) }) -> String? {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + program
            if access(candidate, X_OK) == 0, FileSystem.kind(candidate) == .file { return candidate }
        }
        return nil
    }

    /// The pages of one PDF with their text boxes.
    public static func pages(of pdf: String, cache: PDFCache? = nil) throws(EditionError) -> [PageGeometry] {
        try extract([pdf], cache: cache)[0].get()
    }

    /// The pages of each PDF, in order: from the cache where it holds them,
    /// else from the extractor, run on up to one PDF per core at once.
    /// `keys` are the PDFs' cache keys when the caller has them already.
    /// `progress` hears how many PDFs are done of how many.
    public static func extract(_ pdfs: [String], cache: PDFCache? = nil, keys known: [String?]? = nil,
                               progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> [Result<[PageGeometry], EditionError>] {
        var results = [Result<[PageGeometry], EditionError>?](repeating: nil, count: pdfs.count)
        var keys = [String?](repeating: nil, count: pdfs.count)
        var pending: [Int] = []
        for (i, pdf) in pdfs.enumerated() {
            if let cache, let key = known?[i] ?? cache.key(for: pdf) {
                keys[i] = key
                if let text = cache.load(key), case .success(let pages) = geometry(text, pdf: pdf) {
                    results[i] = .success(pages)
                    continue
                }
            }
            pending.append(i)
        }
        var done = pdfs.count - pending.count
        if !pending.isEmpty { progress(done, pdfs.count) }
        if !pending.isEmpty {
            guard let tool = locate() else {
                for i in pending { results[i] = .failure(.extractorMissing) }
                return results.map { $0! }
            }
            let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            let jobs = pending.map { i in
                // (A name starting with `-` would read as an option: make it a path.)
                Job(index: i, arguments: [tool, "-bbox-layout", "-enc", "UTF-8", pdfs[i].hasPrefix("-") ? "./" + pdfs[i] : pdfs[i], "-"])
            }
            run(jobs, parallel: cores) { i, outcome in
                switch outcome {
                case .failure(let reason):
                    results[i] = .failure(.unreadablePDF(path: pdfs[i], reason: reason))
                case .success(let text):
                    let read = geometry(text, pdf: pdfs[i])
                    if case .success = read, let cache, let key = keys[i] { cache.store(text, as: key) }
                    results[i] = read
                }
                done += 1
                progress(done, pdfs.count)
            }
        }
        return results.map { $0! }
    }

    /// The extractor's output read, or why it holds no page with text.
    static func geometry(_ text: String, pdf: String) -> Result<[PageGeometry], EditionError> {
        let pages = BBoxLayout.pages(text)
        if pages.isEmpty { return .failure(.unreadablePDF(path: pdf, reason: "\(program) found no pages")) }
        guard pages.contains(where: { !$0.lines.isEmpty }) else { return .failure(.noTextLayer(path: pdf)) }
        return .success(pages)
    }

    struct Job {
        var index: Int
        var arguments: [String]
    }

    enum Outcome {
        case success(String)
        case failure(String)
    }

    /// A started extractor: its process, its output so far, its deadline.
    private struct Running {
        var job: Job
        var pid: pid_t
        var out: Int32
        var err: Int32
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var deadline: Double
        var outOpen = true
        var errOpen = true
    }

    /// Runs the jobs, `parallel` at a time, and hands each one's outcome to
    /// `finished` as it ends (on the calling thread).
    static func run(_ jobs: [Job], parallel: Int, finished: (Int, Outcome) -> Void) {
        var queue = jobs[...]
        var running: [Running] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !queue.isEmpty || !running.isEmpty {
            while running.count < parallel, let job = queue.popFirst() {
                switch start(job) {
                case .success(let r): running.append(r)
                case .failure(let f): finished(job.index, .failure(f.reason))
                }
            }
            var fds: [pollfd] = []
            for r in running {
                if r.outOpen { fds.append(pollfd(fd: r.out, events: Int16(POLLIN), revents: 0)) }
                if r.errOpen { fds.append(pollfd(fd: r.err, events: Int16(POLLIN), revents: 0)) }
            }
            let now = monotonicNow()
            let wait = running.map { $0.deadline - now }.min() ?? 1
            if !fds.isEmpty, poll(&fds, nfds_t(fds.count), Int32(max(0, min(wait, 1)) * 1000) + 1) < 0, errno != EINTR { break }
            for f in fds where f.revents != 0 {
                guard let k = running.firstIndex(where: { $0.out == f.fd || $0.err == f.fd }) else { continue }
                let n = buffer.withUnsafeMutableBytes { read(f.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if f.fd == running[k].out { running[k].stdout += buffer[..<n] } else if running[k].stderr.count < 4096 { running[k].stderr += buffer[..<n] }
                } else if n == 0 || errno != EINTR && errno != EAGAIN {
                    close(f.fd)
                    if f.fd == running[k].out { running[k].outOpen = false } else { running[k].errOpen = false }
                }
            }
            // Finished (both pipes closed) or out of time.
            var k = 0
            while k < running.count {
                let r = running[k]
                let late = monotonicNow() > r.deadline
                guard !r.outOpen && !r.errOpen || late else { k += 1; continue }
                if late {
                    kill(r.pid, SIGKILL)
                    if r.outOpen { close(r.out) }
                    if r.errOpen { close(r.err) }
                }
                var status: Int32 = 0
                while waitpid(r.pid, &status, 0) < 0 && errno == EINTR {}
                running.remove(at: k)
                finished(r.job.index, late ? .failure("\(program) took longer than \(Int(timeLimit)) s") : outcome(r, status: status))
            }
        }
    }

    private static func outcome(_ r: Running, status: Int32) -> Outcome {
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            let said = String(decoding: r.stderr, as: UTF8.self).split(separator: "\n").last.map(String.init)
            let why = said.map { TerminalText.sanitized($0) } ?? (exited ? "exit status \(code)" : "stopped by signal \(status & 0x7F)")
            return .failure("\(program): \(why)")
        }
        return .success(String(decoding: r.stdout, as: UTF8.self))
    }

    /// Starts one extractor, its output and errors on pipes, its input
    /// `/dev/null`.
    private static func start(_ job: Job) -> Result<Running, StartFailure> {
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&out) == 0 else { return .failure(StartFailure("cannot make a pipe")) }
        guard pipe(&err) == 0 else { close(out[0]); close(out[1]); return .failure(StartFailure("cannot make a pipe")) }
        _ = fcntl(out[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(err[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        posix_spawn_file_actions_addclose(&actions, out[0])
        posix_spawn_file_actions_addclose(&actions, err[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = job.arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, job.arguments[0], &actions, nil, argv, environ)
        close(out[1])
        close(err[1])
        guard spawned == 0 else {
            close(out[0]); close(err[0])
            return .failure(StartFailure("cannot run \(job.arguments[0]): \(String(cString: strerror(spawned)))"))
        }
        return .success(Running(job: job, pid: pid, out: out[0], err: err[0], deadline: monotonicNow() + timeLimit))
    }

    struct StartFailure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func monotonicNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
