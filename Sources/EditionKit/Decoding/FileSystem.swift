#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations reading an edition (and the reader's bookmarks
/// file) needs, straight on the C library: EditionKit imports no Foundation,
/// which keeps the reader's start fast (full Foundation loads ICU).
public enum FileSystem {
    public enum Kind: Sendable { case file, directory, other }

    /// What is at `path` (following links), or `nil` when nothing is.
    public static func kind(_ path: String) -> Kind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// Why `kind(path)` found nothing: no such file, or a reason it could
    /// not be looked at (a symbolic link loop, a folder it may not enter).
    static func missing(_ path: String) -> EditionError {
        var st = stat()
        guard stat(path, &st) != 0, errno != ENOENT, errno != ENOTDIR else { return .notFound(path: path) }
        return .unreadable(path: path, reason: String(cString: strerror(errno)))
    }

    /// The size of a regular file in bytes (0 for anything else, or when it
    /// cannot be read).
    static func size(_ path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return 0 }
        return Int(st.st_size)
    }

    /// The names in a folder, or `nil` when it cannot be listed.
    public static func list(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public struct Failure: Error, Sendable {
        /// The C library's message (`strerror`).
        public var reason: String
    }

    /// Runs `body` on the file's bytes mapped into memory (read-only, the
    /// pages read in at once), without copying them into an array: a large
    /// file that is only looked through once costs no copy and no fresh
    /// pages. `nil` when the file cannot be opened or mapped, or is empty.
    public static func withMappedBytes<R>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), map != MAP_FAILED else { return nil }
        defer { munmap(map, size) }
        return body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// The whole file from byte `offset` on (or its first `limit` bytes),
    /// or the reason it could not be read.
    public static func read(_ path: String, from offset: Int = 0, limit: Int = .max) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        if offset > 0, lseek(fd, off_t(offset), SEEK_SET) < 0 { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        var st = stat()
        let expected = min(limit - 1, fstat(fd, &st) == 0 && st.st_size > offset ? Int(st.st_size) - offset : 0)
        // Read straight into uninitialised array storage, sized from fstat;
        // a file that grew while being read is read on in 64 KiB steps.
        var bytes: [UInt8] = []
        var capacity = expected + 1
        while true {
            var failure: Int32?
            var eof = false
            let before = bytes.count
            var grown = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
                // Keep what was read so far, then read on after it.
                _ = UnsafeMutableBufferPointer(rebasing: buf[..<before]).initialize(from: bytes)
                count = before
                while count < capacity {
                    let n = Glibc.read(fd, buf.baseAddress! + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { eof = true; return }
                    count += n
                }
            }
            swap(&bytes, &grown)
            if let failure { return .failure(Failure(reason: String(cString: strerror(failure)))) }
            if eof || bytes.count >= limit { break }
            capacity = min(limit, bytes.count + max(1 << 16, bytes.count))
        }
        return .success(bytes)
    }
}
