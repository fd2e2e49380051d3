import Testing
@testable import EditionKit

/// The small scalar helpers every rule uses, checked against the obvious
/// (slow) way of computing the same thing.
@Suite struct ScalarHelperTests {
    var rng = SplitMix(seed: 42)

    static let alphabet: [Unicode.Scalar] = ["a", "b", " ", "。", "图", "书", "馆", "“", "”", "\u{1F600}", "é", "\u{20000}", "P", "h", "o", "t", ":"]

    mutating func randomScalars(_ n: Int) -> [Unicode.Scalar] {
        (0..<n).map { _ in Self.alphabet[rng.next(Self.alphabet.count)] }
    }

    @Test mutating func stringEncodesEveryScalar() {
        for n in [0, 1, 5, 40, 300] {
            let s = randomScalars(n)
            #expect(s.string == String(String.UnicodeScalarView(s)))
        }
        let edges: [Unicode.Scalar] = ["\u{0}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}"]
        #expect(edges.string.unicodeScalars.elementsEqual(edges))
    }

    @Test mutating func firstRangeAndSuffixAgreeWithANaiveSearch() {
        for _ in 0..<300 {
            let hay = randomScalars(rng.next(30))
            let needle = randomScalars(rng.next(3) + 1)
            let p = String(String.UnicodeScalarView(needle))
            var naive: Range<Int>?
            if needle.count <= hay.count {
                for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { naive = i..<(i + needle.count); break }
            }
            #expect(hay.firstRange(of: p) == naive, "\(hay) \(needle)")
            #expect(hay.hasSuffix(p) == (hay.count >= needle.count && Array(hay.suffix(needle.count)) == needle))
            #expect(hay.hasPrefix(p) == (hay.count >= needle.count && Array(hay.prefix(needle.count)) == needle))
        }
        #expect(Array("Photo: Jane".unicodeScalars).firstRange(of: "Photo: ") == 0..<7)
        #expect(Array("ab".unicodeScalars).firstRange(of: "") == nil)
        #expect(Array("ab".unicodeScalars).hasSuffix(""))
    }

    /// A line's normalised text and extent come from one pass over it; they
    /// must be what `normalize` and the em count give.
    @Test mutating func sourceLinesAgreeWithTheDefinitions() {
        let letters: [Unicode.Scalar] = ["图", "书", "，", "“", "”", "a", "B", "1", " ", " ", "\u{3000}", "\u{A0}", "—", "é", "》", "《"]
        for _ in 0..<500 {
            let raw = (0..<rng.next(30)).map { _ in letters[rng.next(letters.count)] }
            let line = SourceLine(number: 1, raw: raw, blankBefore: false)
            #expect(line.text == SourceLine.normalize(raw), "\(raw)")
            #expect(line.em == line.text.reduce(0) { $0 + ($1.isWide ? 1 : 0.5) }, "\(raw)")
        }
    }

    /// The column measure slides a sorted window over the lines; it must
    /// give exactly what sorting each window afresh gives.
    @Test mutating func slidingMeasureWindowMatchesSortingEachWindow() {
        for round in 0..<60 {
            let count = rng.next(70) + 1
            let lines: [SourceLine] = (0..<count).map { i in
                let n = rng.next(round % 2 == 0 ? 30 : 8) + 1
                return SourceLine(number: i + 1, raw: Array(repeating: rng.next(3) == 0 ? "a" : "图", count: n), blankBefore: false)
            }
            var flow = LineFlow(lines: lines)
            flow.estimateMeasures(lines.map { _ in nil })
            let ems = lines.map(\.em)
            for p in 0..<count {
                let window = ems[max(0, p - 10)...min(count - 1, p + 10)].sorted()
                let median = window[window.count / 2]
                let kept = window.filter { $0 >= median * 0.7 && $0 <= median * 1.35 + 1 }
                #expect(flow.measures[p] == kept[min(kept.count - 1, (kept.count * 3) / 5)], "line \(p) of \(count)")
            }
        }
    }

    @Test func jsonEscapesOnlyWhatMustBeEscaped() {
        #expect(!JSONWriter.needsEscapes("图书馆 “延长” / 开放"))
        for s in ["a\"b", "a\\b", "line\nbreak", "\u{7F}", "sep\u{2028}", "par\u{2029}", "\u{1}"] { #expect(JSONWriter.needsEscapes(s), "\(s.unicodeScalars.map(\.value))") }
        // U+2027 and U+202A share the first two bytes with U+2028.
        #expect(!JSONWriter.needsEscapes("\u{2027}\u{202A}…"))
    }
}
