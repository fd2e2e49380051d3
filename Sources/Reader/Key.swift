/// A key press or terminal event, as the backend reports it.
public enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab
    case resize(width: Int, height: Int)
    case wheelUp, wheelDown
    case click(x: Int, y: Int)
    /// Ctrl-C, SIGINT or SIGTERM.
    case interrupt
}
