// A test tool, not shipped: many of these run at once on one bookmarks file,
// as readers pressing `m` together would, to prove that no confirmed
// bookmark is lost (Tests/FolioCLITests/BookmarkConcurrencyTests.swift).
//
//     bookmark-writer FILE NAME COUNT   add COUNT bookmarks (COUNT 0: until killed)
//
// Prints each bookmark's article id once its save has returned without error.
import Reader
import Typesetting
#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered: a line is out before the next save starts (and before a kill).
func say(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

let args = CommandLine.arguments
guard args.count == 4, let count = Int(args[3]), count >= 0 else {
    say(2, "usage: bookmark-writer FILE NAME COUNT\n")
    exit(2)
}
let store = BookmarkStore(path: args[1])
var i = 0
while count == 0 || i < count {
    let id = "\(args[2]).\(i)"
    store.add(Bookmark(edition: "2024-08-08", page: 11, article: id, title: id, byline: nil,
                       fingerprint: "fp-\(id)", position: TextPosition(block: 0, offset: 0), saved: BookmarkStore.timestamp()))
    if store.hasUnsavedChanges {
        say(2, "not saved: \(store.saveError ?? "")\n")
        exit(1)
    }
    say(1, id + "\n")
    i += 1
}
