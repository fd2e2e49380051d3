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

    /// The rules for a line's text, written the plain way (several passes):
    /// drop spaces next to CJK text and between the halves of a two-em dash,
    /// and, in a line whose characters the extractor spaced out, the spaces
    /// between single Latin letters and figures.
    static func referenceText(_ raw: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let words: [[Unicode.Scalar]] = raw.split(whereSeparator: \.isSpaceLike).map { Array($0) }
        // Consecutive words joined where no word space belongs between them.
        var out: [Unicode.Scalar] = []
        var spacedOut = false
        for (i, w) in words.enumerated() {
            if i > 0 {
                let prev = words[i - 1].last!, next = w.first!
                if prev.isWide && next.isWide { spacedOut = true }
                if !(prev.isCJK || next.isCJK || (prev == next && (prev == "—" || prev == "―" || prev == "…"))) { out.append(" ") }
            }
            out += w
        }
        guard spacedOut else { return out }
        var joined: [Unicode.Scalar] = []
        for k in out.indices {
            let isSingle = { (j: Int) in out[j].isASCIIAlphanumeric && (j == 0 || !out[j - 1].isASCIIAlphanumeric) && (j + 1 == out.count || !out[j + 1].isASCIIAlphanumeric) }
            if out[k] == " ", k > 0, k + 1 < out.count, isSingle(k - 1), isSingle(k + 1) { continue }
            joined.append(out[k])
        }
        return joined
    }

    /// A line's text and extent come from one pass over it; they must be
    /// what the rules, applied one at a time, give.
    @Test mutating func sourceLinesAgreeWithTheDefinitions() {
        let letters: [Unicode.Scalar] = ["图", "书", "，", "“", "”", "a", "B", "1", " ", " ", "\u{3000}", "\u{A0}", "—", "é", "》", "《", "…"]
        for _ in 0..<800 {
            let raw = (0..<rng.next(30)).map { _ in letters[rng.next(letters.count)] }
            let line = SourceLine(number: 1, raw: raw, blankBefore: false)
            #expect(line.text == Self.referenceText(raw), "\(raw)")
            let latin = line.proportional
            var em = line.text.reduce(0.0) { $0 + ($1.isWide ? 1 : latin ? SourceLine.latinWidth($1) : 0.5) }
            // A quarter em for each gap of spaces between an ideograph and a
            // Latin letter or figure, in CJK text not spaced out.
            if !latin && !line.stretched {
                let letters = raw.indices.filter { !raw[$0].isSpaceLike }
                for (a, b) in zip(letters, letters.dropFirst()) where b > a + 1 {
                    let (x, y) = (raw[a], raw[b])
                    if x.isIdeographic && y.isASCIIAlphanumeric || x.isASCIIAlphanumeric && y.isIdeographic { em += 0.25 }
                }
            }
            #expect(abs(line.em - em) < 1e-9, "\(raw)")
            let letters = line.text.filter { !$0.isSpaceLike }
            #expect(latin == (!letters.isEmpty && letters.filter(\.isWide).count * 3 < letters.count), "\(raw)")
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
                // 21 lines around p, shifted (not cut) at the page's ends.
                let size = min(count, 21)
                let start = min(max(0, p - 10), count - size)
                let window = ems[start..<(start + size)].sorted()
                let median = window[window.count / 2]
                let kept = window.filter { $0 >= median * 0.7 && $0 <= median * 1.35 + 1 }
                var measure = kept[min(kept.count - 1, (kept.count * 3) / 5)]
                if LineFlow.isCJKLine(lines[p]), let full = LineFlow.fullLength(kept[...]), full > measure { measure = full }
                #expect(flow.measures[p] == measure, "line \(p) of \(count)")
            }
        }
    }

    /// Full lines and indented first lines two ems apart, few between and
    /// none longer: the full length is the measure. Lengths spread over the
    /// ems between (punctuation set narrow, the seed page): no such pair.
    @Test func fullLinesStandOutFromIndentedFirstLinesOnTheGrid() {
        #expect(LineFlow.fullLength([10, 24, 24, 24, 24, 24, 25, 26, 26, 26][...]) == 26)
        #expect(LineFlow.fullLength([16, 17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 20][...]) == nil)
        // Something longer than the full length: not the grid.
        #expect(LineFlow.fullLength([24, 24, 24, 26, 26, 26, 28][...]) == nil)
        // Too few first lines to tell.
        #expect(LineFlow.fullLength([24, 26, 26, 26, 26][...]) == nil)
    }

    @Test func jsonEscapesOnlyWhatMustBeEscaped() {
        #expect(!JSONWriter.needsEscapes("图书馆 “延长” / 开放"))
        for s in ["a\"b", "a\\b", "line\nbreak", "\u{7F}", "sep\u{2028}", "par\u{2029}", "\u{1}"] { #expect(JSONWriter.needsEscapes(s), "\(s.unicodeScalars.map(\.value))") }
        // U+2027 shares the first two bytes with U+2028; the bidi controls
        // (U+202A…E, U+2066…9, U+200E/F) and C1 controls are escaped, so
        // that exported text piped to a terminal is inert.
        #expect(!JSONWriter.needsEscapes("\u{2027}…\u{2010}x"))
        for s in ["\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{9B}", "\u{9D}52;c;", "\u{61C}"] {
            #expect(JSONWriter.needsEscapes(s), "\(s.unicodeScalars.map(\.value))")
            var out = ""
            JSONWriter.quote(s, into: &out)
            #expect(!out.unicodeScalars.contains(where: TerminalText.isUnsafe), "\(out)")
        }
    }
}

/// `ByteSearch`: a search's first look at a page, the journal's at a line.
@Suite struct ByteSearchTests {
    @Test func findsARunOfBytes() {
        func has(_ h: String, _ n: String) -> Bool { Array(h.utf8).withUnsafeBytes { ByteSearch.contains($0, Array(n.utf8)) } }
        #expect(has("诚信“进”窗口", "窗口") && has("aab", "ab") && has("ab", "ab") && has("x", ""))
        #expect(!has("诚信“进”窗", "窗口") && !has("a", "ab") && !has("", "a") && !has("abab", "abb"))
    }
}

