import CNcursesw
import Reader
import Typesetting
#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to ncurses: it copies a `CellGrid` onto the
/// terminal (redrawing only the rows that changed) and turns input into `Key`s.
/// Every cell is placed at its own column, so wide and combining characters
/// never shift the rest of a row.
final class CursesScreen {
    private var shown: CellGrid?
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private var terminal: OpaquePointer?

    enum Failure: Error, CustomStringConvertible {
        case noTerminalType, unknownTerminal(String)
        var description: String {
            switch self {
            case .noTerminalType: return "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
            case .unknownTerminal(let t): return "unknown terminal type '\(t)' (TERM); set it to one terminfo knows, such as xterm-256color"
            }
        }
    }

    init(environment: [String: String]) throws {
        guard let term = environment["TERM"], !term.isEmpty else { throw Failure.noTerminalType }
        folio_set_locale()
        // Before curses changes the modes: what a crash puts back.
        folio_install_crash_restore()
        input = fdopen(0, "r")
        output = fdopen(1, "w")
        terminal = newterm(nil, output, input)
        guard terminal != nil else { throw Failure.unknownTerminal(term) }
        // Restore the terminal however the process ends.
        atexit { if isendwin() == false { endwin() } }
        cbreak()
        noecho()
        nonl()
        keypad(folio_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        timeout(keyWait)
        if has_colors() { use_default_colors() }  // the terminal's own background
        _ = folio_enable_mouse()
    }

    var size: (width: Int, height: Int) { (Int(folio_cols()), Int(folio_lines())) }

    /// How long `readKey` waits for a key, in milliseconds: 0 while there
    /// is work to do between keys (a search counting), else long enough to
    /// notice signals without spinning.
    var keyWait: Int32 = 200 {
        didSet { if keyWait != oldValue { timeout(keyWait) } }
    }

    /// Draws `grid`, touching only rows that differ from what is on screen.
    func draw(_ grid: CellGrid) {
        let fresh = shown == nil || shown!.width != grid.width || shown!.height != grid.height
        if fresh { clear() }
        // One buffer for every cell's wide string: a cell is a base character
        // and its combining marks (curses takes up to CCHARW_MAX of them).
        var wide = [wchar_t](repeating: 0, count: 16)
        for y in 0..<grid.height {
            if !fresh, let old = shown, (0..<grid.width).allSatisfy({ old[$0, y] == grid[$0, y] }) { continue }
            folio_clear_to_eol(Int32(y), 0)
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                var count = 0
                if let c = cell.character {
                    for s in c.unicodeScalars where count < wide.count - 1 {
                        wide[count] = wchar_t(bitPattern: s.value)
                        count += 1
                    }
                } else if !cell.style.isEmpty && !cell.isContinuation {
                    wide[0] = 32
                    count = 1
                }
                if count > 0 {
                    wide[count] = 0
                    // (The bottom-right cell reports an error but is drawn: curses
                    // does not scroll a window without scrollok.)
                    _ = wide.withUnsafeBufferPointer { folio_put(Int32(y), Int32(x), $0.baseAddress, Int32(cell.style.rawValue)) }
                }
                x += 1
            }
        }
        shown = grid
        refresh()
    }

    /// The next key, or nil when none came within the poll interval.
    func readKey() -> Key? {
        var ch: Int32 = 0
        switch folio_get_key(&ch) {
        case 0:
            switch ch {
            case 3: return .interrupt
            case 27: return .escape
            case 10, 13: return .enter
            case 8, 127: return .backspace
            case 9: return .tab
            default:
                guard let s = Unicode.Scalar(UInt32(bitPattern: ch)), ch >= 32 else { return nil }
                return .character(Character(s))
            }
        case 1:
            switch ch {
            case folio_key_resize(): return .resize(width: size.width, height: size.height)
            case folio_key_up(): return .up
            case folio_key_down(): return .down
            case folio_key_left(): return .left
            case folio_key_right(): return .right
            case folio_key_npage(): return .pageDown
            case folio_key_ppage(): return .pageUp
            case folio_key_home(): return .home
            case folio_key_end(): return .end
            case folio_key_enter(): return .enter
            case folio_key_backspace(): return .backspace
            case folio_key_dc(): return .delete
            case folio_key_mouse():
                var y: Int32 = 0, x: Int32 = 0
                switch folio_mouse_event(&y, &x) {
                case 1: return .wheelUp
                case 2: return .wheelDown
                case 3: return .click(x: Int(x), y: Int(y))
                default: return nil
                }
            default: return nil
            }
        default:
            return nil
        }
    }

    func close() {
        endwin()
        if let t = terminal { delscreen(t) }
        terminal = nil
    }
}
