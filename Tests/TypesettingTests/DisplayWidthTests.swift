import Testing
@testable import Typesetting

/// Display width of what the contents listing aligns. The full width table
/// and its reference comparison come with the typesetting engine (issue #3).
@Suite struct DisplayWidthTests {
    @Test func cjkIsTwoCellsLatinOne() {
        #expect(DisplayWidth.of("诚信") == 4)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("，。“”") == 4 + 2)  // curly quotes are ambiguous: one cell by default
        #expect(DisplayWidth.of("ｔｅｓｔ") == 8)
    }

    @Test func combiningMarksAndEmoji() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇨🇳") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
    }

    @Test func padAndTruncateByCells() {
        #expect(DisplayWidth.pad("张荣", to: 6) == "张荣  ")
        #expect(DisplayWidth.truncate("诚信进窗口", to: 6) == "诚信…")
        #expect(DisplayWidth.truncate("诚信进窗口", to: 5) == "诚信…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
    }
}
