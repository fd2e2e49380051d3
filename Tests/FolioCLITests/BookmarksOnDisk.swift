import Foundation

/// The bookmarks as another program would read them from disk, following
/// docs/bookmarks.md with Foundation's JSON reader (not folio's): the file,
/// then each line of its journal applied in order (`add` replaces the
/// bookmark with the same edition and fingerprint, `remove` deletes by that
/// key, `position` sets an edition's reading position); a last line without
/// its newline is a cut-short write and is left out. Newest first.
func bookmarksOnDisk(_ path: String) throws -> [String: Any] {
    var file: [String: Any] = ["version": 2, "bookmarks": [[String: Any]](), "positions": [String: Any]()]
    if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
        file = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
    var bookmarks = file["bookmarks"] as! [[String: Any]]
    var positions = file["positions"] as! [String: Any]
    func key(_ b: [String: Any]) -> String { "\(b["edition"] as! String)|\(b["fingerprint"] as! String)" }
    if let journal = FileManager.default.contents(atPath: path + ".journal") {
        var lines = journal.split(separator: 0x0A, omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a cut-short line
        for line in lines where !line.isEmpty {
            let change = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
            if let b = change["add"] as? [String: Any] {
                bookmarks.removeAll { key($0) == key(b) }
                bookmarks.append(b)
            } else if let k = change["remove"] as? String {
                bookmarks.removeAll { key($0) == k }
            } else if let p = change["position"], let edition = change["edition"] as? String {
                positions[edition] = p
            }
        }
    }
    bookmarks.sort { a, b in
        let (sa, sb) = (a["saved"] as! String, b["saved"] as! String)
        return sa > sb || (sa == sb && key(a) < key(b))
    }
    file["bookmarks"] = bookmarks
    file["positions"] = positions
    return file
}
