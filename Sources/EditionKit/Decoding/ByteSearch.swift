#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a run of bytes in a buffer (the C library here has no `memmem`):
/// a search's first look at a page's UTF-8 text, and the bookmarks journal's
/// look for an edition's name in a line, both before anything is decoded.
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack` (an empty needle always does).
    public static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let last = haystack.count - needle.count
        var k = 0
        // Each candidate start is found with `memchr`, then compared.
        while k <= last, let hit = memchr(base + k, Int32(first), last - k + 1) {
            k = base.distance(to: UnsafeRawPointer(hit))
            var j = 1
            while j < needle.count, haystack[k + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
            k += 1
        }
        return false
    }
}
