/// Keys to actions, per screen: less- and tig-style letters, with arrows,
/// PgUp/PgDn and Home/End working too. docs/keys.md and the help screen are
/// written from `Keymap.help`.
public enum Keymap {
    /// One line of help: keys and what they do.
    public struct Entry: Sendable {
        public var keys: String
        public var does: String
    }

    public static let help: [(section: String, entries: [Entry])] = [
        ("Moving", [
            Entry(keys: "j  k  ↓  ↑", does: "line down / up (contents: next / previous story)"),
            Entry(keys: "space  b  PgDn  PgUp", does: "screen down / up"),
            Entry(keys: "g  G  Home  End", does: "top / bottom"),
            Entry(keys: "n  p", does: "next / previous story, across pages"),
            Entry(keys: "]  [", does: "next / previous page (section)"),
            Entry(keys: "}  {", does: "next / previous subhead in the story"),
            Entry(keys: "mouse wheel, click", does: "scroll; open the story or bookmark clicked"),
        ]),
        ("Screens", [
            Entry(keys: "Enter  →", does: "open the selected story or bookmark"),
            Entry(keys: "t", does: "contents of the edition"),
            Entry(keys: "B", does: "bookmarks, newest first"),
            Entry(keys: "e", does: "the library's editions, newest first"),
            Entry(keys: "<  >", does: "the day before / after (the library's editions)"),
            Entry(keys: "?", does: "this help"),
            Entry(keys: "q  ←", does: "back (quits from the contents)"),
            Entry(keys: "Q", does: "quit now"),
        ]),
        ("Bookmarks", [
            Entry(keys: "m", does: "bookmark the story (again: remove the bookmark)"),
            Entry(keys: "d", does: "delete the selected bookmark (bookmarks screen)"),
            Entry(keys: "u", does: "undo the last delete (bookmarks screen)"),
        ]),
        ("Search", [
            Entry(keys: "/", does: "search the edition (Chinese substrings too); Enter to search, Esc to cancel"),
            Entry(keys: ".  ,", does: "next / previous match (n and p move between stories)"),
        ]),
    ]

    public static func action(for key: Key, on screen: ReaderState.Screen, searching: Bool) -> Action? {
        if searching {
            switch key {
            case .character(let c): return .searchInput(c)
            case .backspace, .delete: return .searchBackspace
            case .enter: return .searchSubmit
            case .escape, .interrupt: return .searchCancel
            case .resize(let w, let h): return .resize(width: w, height: h)
            default: return nil
            }
        }
        switch key {
        case .resize(let w, let h): return .resize(width: w, height: h)
        case .interrupt: return .quit
        case .down: return .lineDown
        case .up: return .lineUp
        case .pageDown: return .screenDown
        case .pageUp: return .screenUp
        case .home: return .top
        case .end: return .bottom
        case .enter, .right: return .open
        case .left, .escape: return .back
        case .wheelUp: return .scroll(-3)
        case .wheelDown: return .scroll(3)
        case .click(let x, let y): return .click(x: x, y: y)
        case .backspace, .tab: return nil
        case .delete: return screen == .bookmarks ? .deleteBookmark : nil
        case .character(let c):
            switch c {
            case "j": return .lineDown
            case "k": return .lineUp
            case " ", "f": return .screenDown
            case "b": return .screenUp
            case "g": return .top
            case "G": return .bottom
            case "l", "\r", "\n": return .open
            case "n": return .nextStory
            case "p": return .previousStory
            case "]": return .nextPage
            case "[": return .previousPage
            case "}": return .nextSubhead
            case "{": return .previousSubhead
            case "t": return .contents
            case "B": return .bookmarks
            case "e": return .editions
            case "<": return .olderEdition
            case ">": return .newerEdition
            case "?": return .help
            case "m": return .toggleBookmark
            case "d": return screen == .bookmarks ? .deleteBookmark : nil
            case "u": return screen == .bookmarks ? .undoDelete : nil
            case "/": return .startSearch
            case ".": return .nextMatch
            case ",": return .previousMatch
            case "q", "h": return .back
            case "Q": return .quit
            default: return nil
            }
        }
    }
}
