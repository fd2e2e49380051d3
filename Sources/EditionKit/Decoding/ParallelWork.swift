import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work split over the machine's cores: an export parses every page, each
/// from its own text, so the pages go to one worker per core.
enum ParallelWork {
    /// The cores online (at least one, at most eight: past that the
    /// writing of the output is the wait).
    static let cores: Int = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    /// Runs `body(w)` for each worker `w` in `0..<workers`, at once, and
    /// returns when all are done.
    static func run(_ workers: Int, _ body: @Sendable (Int) -> Void) {
        if workers <= 1 { body(0); return }
        DispatchQueue.concurrentPerform(iterations: workers, execute: body)
    }
}
