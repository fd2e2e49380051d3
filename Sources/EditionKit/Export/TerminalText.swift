/// The one sanitising step for text that reaches a terminal.
///
/// Page text, bookmark files and file names are untrusted: a C0 or C1
/// control (ESC, CSI U+009B, OSC U+009D…), DEL, or a bidi embedding,
/// override or isolate control could move the cursor, set the window title,
/// write the clipboard (OSC 52) or reorder what the user reads. Every such
/// scalar is shown as a visible stand-in instead: C0 and DEL as their Control
/// Pictures (`␛`, `␡`), C1 and bidi controls as U+FFFD. `list`, `show`,
/// `bookmarks`, the piped contents, error messages and the reader's cell
/// grid all go through it; JSON output escapes the same scalars as `\u`.
public enum TerminalText {
    /// Whether a scalar must never reach a terminal as itself.
    @inline(__always)
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// The visible stand-in of an unsafe scalar (the scalar itself otherwise).
    public static func visible(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard isUnsafe(s) else { return s }
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }
        if v == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    /// `s` with every unsafe scalar made visible (a line feed inside a field
    /// too, as `␊`: callers add their own line ends); `s` itself (no copy)
    /// when it has none, which is nearly always.
    public static func sanitized(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(visible(u)) }
        return String(out)
    }
}
