import Testing
@testable import Typesetting

/// Line breaking on hand-made cases, one rule each, and a property test.
@Suite struct LineBreakerTests {
    func lines(_ text: String, _ measure: Int, indent: Int = 0) -> [String] {
        let chars = Array(text)
        return LineBreaker(measure: measure).lines(chars, firstIndent: indent).map { String(chars[$0]) }
    }

    @Test func cjkBreaksBetweenAnyIdeographs() {
        #expect(lines("一二三四五六七八九十", 8) == ["一二三四", "五六七八", "九十"])
    }

    @Test func closingMarksNeverStartALine() {
        // `。` would start line 2: `四` moves down with it.
        #expect(lines("一二三四。五六", 8) == ["一二三", "四。五六"])
        for mark in ["，", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "〉", "”", "’", "％"] {
            let l = lines("一二三四\(mark)五六", 8)
            #expect(!l[1].hasPrefix(mark), "\(mark): \(l)")
            #expect(l.joined() == "一二三四\(mark)五六")
        }
    }

    @Test func openingMarksNeverEndALine() {
        for mark in ["（", "「", "『", "【", "《", "〈", "“", "‘"] {
            let l = lines("一二三\(mark)四五六", 8)
            #expect(!l[0].hasSuffix(mark), "\(mark): \(l)")
        }
    }

    @Test func ellipsisAndDashPairsStayTogether() {
        // `……` and `——` may not start a line either (and take one cell per
        // mark: they are East Asian Ambiguous), so the character before moves down.
        #expect(lines("一二三……四五", 7) == ["一二", "三……四", "五"])
        #expect(lines("一二三——四五", 7) == ["一二", "三——四", "五"])
        #expect(lines("一二……四五六七", 6) == ["一二……", "四五六", "七"])
    }

    @Test func latinBreaksAtSpacesAndAfterHyphens() {
        #expect(lines("the quick brown fox", 10) == ["the quick ", "brown fox"])
        #expect(lines("a well-known program", 12) == ["a well-", "known ", "program"])
        #expect(lines("2024-08-08 is a date", 8) == ["2024-08-", "08 is a ", "date"])  // digits split only when longer than the line
    }

    @Test func latinAndDigitRunsInCJKAreNotSplit() {
        #expect(lines("魏某在12时50分来到窗口", 10) == ["魏某在12时", "50分来到窗", "口"])
        #expect(lines("推出MS8000型设备", 8) == ["推出", "MS8000型", "设备"])
    }

    @Test func longWordsSplitHard() {
        #expect(lines("supercalifragilistic", 8) == ["supercal", "ifragili", "stic"])
    }

    @Test func wideCharactersAreNeverCutAtTheEdge() {
        // A measure of 7 holds three ideographs, not three and a half.
        #expect(lines("一二三四五六", 7) == ["一二三", "四五六"])
    }

    @Test func emojiAndCombiningMarks() {
        #expect(lines("好👍好👍好👍", 6) == ["好👍好", "👍好👍"])
        #expect(lines("cafe\u{301} au lait", 6) == ["café ", "au ", "lait"])
        #expect(lines("👨‍👩‍👧一二", 4) == ["👨‍👩‍👧一", "二"])
    }

    @Test func firstLineIndent() {
        #expect(lines("一二三四五六七八", 8, indent: 4) == ["一二", "三四五六", "七八"])
    }

    /// For random text and measures of 10–200 cells: no line exceeds its
    /// measure, no line starts with a no-start mark or ends with a no-end mark
    /// (unless the measure is too small to avoid it), and the lines put
    /// together give back the text.
    @Test(arguments: 0..<200)
    func randomText(seed: Int) {
        var rng = Random(seed: UInt64(seed) &+ 1)
        let pool: [Character] = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发") + Array("，。、；：？！）」』】》”’…—％（「『【《“‘") + Array("abcdefg 0123456789-") + ["👍", "é", "\u{3000}"]
        var text: [Character] = []
        for _ in 0..<(1 + rng.next(400)) { text.append(pool[rng.next(pool.count)]) }
        let measure = 10 + rng.next(191)
        let ranges = LineBreaker(measure: measure).lines(text)
        #expect(ranges.map { String(text[$0]) }.joined() == String(text))
        for (n, r) in ranges.enumerated() {
            #expect(LineBreaker.width(text, r) <= measure, "line \(n) too wide at \(measure)")
            let line = Array(text[r])
            if n > 0, let first = line.first, Kinsoku.isNoStart(first) {
                // Allowed only when the whole previous line is marks that cannot end or start one.
                let previous = Array(text[ranges[n - 1]])
                #expect(previous.allSatisfy { Kinsoku.isNoStart($0) || Kinsoku.isNoEnd($0) || Kinsoku.isSpace($0) } || previous.count * 2 >= measure,
                        "line \(n) starts with \(first) at measure \(measure)")
            }
            if n < ranges.count - 1, let last = line.last(where: { !Kinsoku.isSpace($0) }), Kinsoku.isNoEnd(last) {
                #expect(line.count * 2 >= measure, "line \(n) ends with \(last) at measure \(measure)")
            }
        }
    }
}

struct Random {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E3779B97F4A7C15 }
    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Int(state % UInt64(bound))
    }
}
