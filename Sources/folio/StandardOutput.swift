#if canImport(Glibc)
import Glibc
#endif

/// Standard output, written with every write checked: `folio export >
/// /dev/full` or a closed pipe must not exit 0 with nothing written. A
/// failed or short write is one line on standard error and exit 1.
enum StandardOutput {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    let reason = n < 0 ? String(cString: strerror(errno)) : "nothing written"
                    Diagnostics.fail("cannot write the output: \(reason)")
                }
                offset += n
            }
        }
    }

    /// A line of text (the line end added).
    static func line(_ text: String) {
        // (Two writes: a copy of a whole export to add one byte costs more.)
        write(text)
        write("\n")
    }
}
