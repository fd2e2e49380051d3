/// What a key asks the reader to do. Keys become actions through the
/// `Keymap`; `ReaderState.update` performs them.
public enum Action: Equatable, Sendable {
    case lineDown, lineUp, screenDown, screenUp, top, bottom
    case open
    case nextStory, previousStory
    case nextPage, previousPage
    case nextSubhead, previousSubhead
    case contents, bookmarks, help, editions
    case olderEdition, newerEdition
    case toggleBookmark, deleteBookmark, undoDelete
    case startSearch, nextMatch, previousMatch
    case searchInput(Character), searchBackspace, searchSubmit, searchCancel
    case back, quit
    case resize(width: Int, height: Int)
    case scroll(Int)
    case click(x: Int, y: Int)
}
