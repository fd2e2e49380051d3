import Testing
@testable import EditionKit

/// The PDF reader's rules one at a time, on pages drawn in code: each rule
/// and the typesetting it reads (docs/format.md, "PDF editions").
@Suite struct GeometryRuleTests {
    /// A line of words at `x`, baseline box from `y`, each word `w` points a
    /// letter wide (CJK: the size), words parted by `gap`.
    static func line(_ x: Double, _ y: Double, _ size: Double, _ words: [String], gap: Double? = nil) -> PlacedLine {
        var placed: [PlacedWord] = []
        var cursor = x
        for w in words {
            let width = w.unicodeScalars.reduce(0.0) { $0 + ($1.isWide ? size : size * 0.5) }
            placed.append(PlacedWord(box: TextBox(x0: cursor, y0: y, x1: cursor + width, y1: y + size), text: w))
            cursor += width + (gap ?? size * 0.25)
        }
        return PlacedLine(box: TextBox(x0: x, y0: y, x1: cursor - (gap ?? size * 0.25), y1: y + size), words: placed)
    }

    /// A CJK column of `count` body lines of `chars` characters from `text`.
    static func column(_ x: Double, _ y: Double, _ text: String, chars: Int, size: Double = 10, indentFirst: Bool = true) -> [PlacedLine] {
        var out: [PlacedLine] = []
        var rest = Array(text)
        var first = indentFirst
        var row = y
        while !rest.isEmpty {
            let n = min(first ? chars - 2 : chars, rest.count)
            out.append(line(x + (first ? 2 * size : 0), row, size, [String(rest.prefix(n))]))
            rest.removeFirst(n)
            first = false
            row += size * 1.4
        }
        return out
    }

    @Test func bboxOutputIsReadWithItsEntitiesAndSurvivesBeingCutShort() {
        let xhtml = """
        <html><body><doc><page width="300" height="400"><flow><block xMin="1" yMin="2" xMax="3" yMax="4">
        <line xMin="10.5" yMin="20" xMax="90" yMax="30"><word xMin="10.5" yMin="20" xMax="40" yMax="30">A&amp;B</word><word xMin="45" yMin="20" xMax="90" yMax="30">&#x4E00;&lt;&#20108;&gt;</word></line>
        <line xMin="10" yMin="40" xMax="90" yMax="50"><word xMin="10" yMin="40" xMax="90" yMax="50">cut
        """
        let pages = BBoxLayout.pages(xhtml)
        #expect(pages.count == 1 && pages[0].width == 300 && pages[0].height == 400)
        #expect(pages[0].lines.count == 1)
        #expect(pages[0].lines[0].words.map(\.text) == ["A&B", "一<二>"])
        #expect(pages[0].lines[0].box == TextBox(x0: 10.5, y0: 20, x1: 90, y1: 30))
        #expect(BBoxLayout.pages("not xhtml at all").isEmpty)
        #expect(BBoxLayout.pages("<page width=\"x\"><line xMin=\"1e999\"><word>w</word></line>").count == 1)
    }

    /// Found by the fuzzer: a size past what an integer holds trapped where
    /// sizes are binned. Coordinates past a million points are not read, and
    /// lines of no height or of absurd size read as text, no crash.
    @Test func absurdCoordinatesCrashNothing() {
        let xhtml = """
        <page width="1e300" height="-5"><line xMin="0" yMin="0" xMax="10" yMax="1e300"><word xMin="0" yMin="0" xMax="10" yMax="1e300">巨</word></line>
        <line xMin="0" yMin="5" xMax="10" yMax="5"><word xMin="0" yMin="5" xMax="10" yMax="5">零</word></line>
        <line xMin="3" yMin="9" xMax="1" yMax="2"><word xMin="3" yMin="9" xMax="1" yMax="2">反</word></line></page>
        """
        let pages = BBoxLayout.pages(xhtml)
        #expect(pages.count == 1 && pages[0].width == 0)
        let page = GeometryParser.parse(pages[0])
        #expect(page.articles.flatMap { $0.bodyText.unicodeScalars }.count + (page.articles.compactMap(\.title).joined().count) >= 1)
        _ = GeometryParser.explain(pages[0])
        let made = PageGeometry(width: 10, height: 10, lines: [Self.line(.infinity, .nan, 1e300, ["无"]), Self.line(0, 0, 0, ["空"])])
        _ = GeometryParser.parse(made)
        _ = GeometryParser.explain(made)
    }

    @Test func twoStoriesSideBySideAreReadOneAfterTheOther() {
        // Two headlines that the extractor printed as one line, each over
        // two columns of its own story.
        var lines = [Self.line(20, 20, 20, ["左边的新闻标题", "右边的新闻标题"], gap: 100)]
        lines += Self.column(20, 60, String(repeating: "左", count: 60), chars: 10)
        lines += Self.column(135, 60, String(repeating: "甲", count: 60), chars: 10, indentFirst: false)
        lines += Self.column(260, 60, String(repeating: "右", count: 60), chars: 10)
        lines += Self.column(375, 60, String(repeating: "乙", count: 60), chars: 10, indentFirst: false)
        let page = GeometryParser.parse(PageGeometry(width: 500, height: 300, lines: lines))
        #expect(page.articles.map(\.title) == ["左边的新闻标题", "右边的新闻标题"])
        #expect(page.articles[0].blocks == [.paragraph(String(repeating: "左", count: 60) + String(repeating: "甲", count: 60))])
        #expect(page.articles[1].blocks == [.paragraph(String(repeating: "右", count: 60) + String(repeating: "乙", count: 60))])
    }

    @Test func aHeadlineNarrowerThanItsColumnsHeadsThemAll() {
        // Centred over three columns, the title leaves the first column's
        // edge clear; that column is still read after it.
        var lines = [Self.line(150, 20, 20, ["标题居中"])]
        lines += Self.column(20, 60, String(repeating: "一", count: 40), chars: 10)
        lines += Self.column(135, 60, String(repeating: "二", count: 40), chars: 10, indentFirst: false)
        lines += Self.column(250, 60, String(repeating: "三", count: 40), chars: 10, indentFirst: false)
        let page = GeometryParser.parse(PageGeometry(width: 400, height: 300, lines: lines))
        #expect(page.articles.count == 1)
        #expect(page.articles[0].title == "标题居中")
        #expect(page.articles[0].blocks.compactMap(\.text).joined().hasPrefix(String(repeating: "一", count: 40) + "二"))
    }

    @Test func paragraphsStartAtIndentsAndSubheadsAreCentred() {
        var lines = [Self.line(20, 20, 18, ["标题"])]
        lines += Self.column(20, 60, String(repeating: "甲", count: 25), chars: 10)
        lines.append(Self.line(60, lines.last!.box.y1 + 4, 10, ["小标题"]))  // centred in 20…120
        lines += Self.column(20, lines.last!.box.y1 + 4, String(repeating: "乙", count: 15), chars: 10)
        lines += Self.column(20, lines.last!.box.y1 + 4, String(repeating: "丙", count: 8), chars: 10)
        let page = GeometryParser.parse(PageGeometry(width: 200, height: 300, lines: lines))
        #expect(page.articles.first?.blocks == [
            .paragraph(String(repeating: "甲", count: 25)), .subhead("小标题"),
            .paragraph(String(repeating: "乙", count: 15)), .paragraph(String(repeating: "丙", count: 8)),
        ])
    }

    /// The last characters of spaced-out lines, one under another at the
    /// column's right edge, are no vertical text: they stand a line's
    /// leading apart, where the characters of a vertical title touch.
    @Test func stackedLineEndsAreNoVerticalText() {
        let lines = (0..<4).map { k in
            Self.line(20, 100 + Double(k) * 13, 9, ["坚持", "九二", "共识", "对"], gap: 5)
        }
        #expect(GeometryParser.verticalRuns(lines) == lines)
        // A title set one character under another (touching) is one line.
        let title = (0..<5).map { k in Self.line(20, 100 + Double(k) * 20.5, 20, [String(Array("港口步道新")[k])]) }
        let read = GeometryParser.verticalRuns(title)
        #expect(read.count == 1 && read[0].words.map(\.text) == ["港口步道新"] && abs(read[0].size - 20) < 0.01)
    }

    @Test func aJustifiedLineIsNotCutAtItsWordSpaces() {
        let wide = Self.line(20, 100, 8, ["languages", "should", "appear"], gap: 12)
        #expect(GeometryParser.pieces([wide], bodySize: 8).count == 1)
        // One gap that stands out, words on both sides: two pieces.
        let joined = Self.line(20, 100, 8, ["the", "last", "words", "Next", "column"].map { $0 }, gap: 2)
        var apart = joined
        for k in 3..<5 { apart.words[k].box.x0 += 20; apart.words[k].box.x1 += 20 }
        #expect(GeometryParser.pieces([apart], bodySize: 8).count == 2)
        // A spaced-out word (`——编 者`) is one piece.
        #expect(GeometryParser.pieces([Self.line(20, 100, 10, ["——编", "者"], gap: 12)], bodySize: 10).count == 1)
    }
}
