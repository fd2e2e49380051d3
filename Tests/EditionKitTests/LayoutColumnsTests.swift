import Foundation
import Testing
@testable import EditionKit

/// `pdftotext -layout` sets a page's columns side by side; the parser reads
/// them back in column order.
@Suite struct LayoutColumnsTests {
    static let left = ["  暑期的图书馆座无虚", "席。记者走访发现，市图", "书馆自七月起延长开放时间", "至晚上九点，周末也不闭", "馆，读者纷纷点赞。",
                       "  图书馆负责人说，今年", "暑假到馆的读者比去年多", "了三成。"]
    static let right = ["为缓解座位紧张，图书馆", "新开放了两个阅览室，并推", "出预约服务，读者可以提前", "一天在手机上选座。",
                        "  “现在来图书馆方便多", "了。”读者王女士说。"]

    /// Two columns side by side, the second at character offset 14, under a
    /// centred headline and byline, the way `pdftotext -layout` prints such
    /// a page: it pads by characters, and where a column line is full only one
    /// space parts it from the next column's line.
    static let page: String = {
        var lines = ["5 要闻 人民日报 2024年8月6日 星期二", "", "             城市图书馆延长开放时间", "                本报记者 李 明"]
        for k in 0..<left.count {
            let l = left[k]
            guard k < right.count else { lines.append(l); continue }
            lines.append(l + String(repeating: " ", count: max(1, 14 - l.count)) + right[k])
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func columnsComeBackInReadingOrder() throws {
        let text = try #require(LayoutColumns.linearize(Self.page))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { !$0.isEmpty } == [
            "5 要闻 人民日报 2024年8月6日 星期二", "城市图书馆延长开放时间", "本报记者 李 明",
            "暑期的图书馆座无虚", "席。记者走访发现，市图", "书馆自七月起延长开放时间", "至晚上九点，周末也不闭", "馆，读者纷纷点赞。",
            "图书馆负责人说，今年", "暑假到馆的读者比去年多", "了三成。",
            "为缓解座位紧张，图书馆", "新开放了两个阅览室，并推", "出预约服务，读者可以提前", "一天在手机上选座。",
            "“现在来图书馆方便多", "了。”读者王女士说。",
        ])
    }

    @Test func theStoryIsReadAsFromAnyOtherExtractor() {
        let a = PageParser.parse(Self.page).articles
        #expect(a.count == 1)
        #expect(a.first?.title == "城市图书馆延长开放时间" && a.first?.byline == "本报记者李明")
        #expect(a.first?.blocks.compactMap(\.text) == [
            "暑期的图书馆座无虚席。记者走访发现，市图书馆自七月起延长开放时间至晚上九点，周末也不闭馆，读者纷纷点赞。",
            "图书馆负责人说，今年暑假到馆的读者比去年多了三成。",
            "为缓解座位紧张，图书馆新开放了两个阅览室，并推出预约服务，读者可以提前一天在手机上选座。",
            "“现在来图书馆方便多了。”读者王女士说。",
        ])
    }

    /// Whatever the grid makes of a page, every character is written once:
    /// random pages of two to four columns, ragged, indented, with pieces run
    /// into the next column and centred lines.
    @Test func nothingIsLostOrDoubled() throws {
        var rng = SplitMix(seed: 11)
        let glyphs: [Character] = ["图", "书", "馆", "，", "。", "a", "1", "“", "”"]
        var linearized = 0
        for _ in 0..<200 {
            let columns = 2 + rng.next(3)
            var lines: [String] = []
            for _ in 0..<(5 + rng.next(25)) {
                var line = ""
                if rng.next(8) == 0 {
                    // A centred line.
                    line = String(repeating: " ", count: 5 + rng.next(20)) + String((0..<(2 + rng.next(12))).map { _ in glyphs[rng.next(glyphs.count)] })
                } else {
                    for c in 0..<columns where rng.next(5) > 0 {
                        let target = c * 16 + (rng.next(4) == 0 ? 2 : 0)
                        line += String(repeating: " ", count: max(line.isEmpty ? target : 1, target - line.count))
                        line += String((0..<(1 + rng.next(16))).map { _ in glyphs[rng.next(glyphs.count)] })
                    }
                }
                lines.append(line)
            }
            let page = lines.joined(separator: "\n")
            guard let out = LayoutColumns.linearize(page) else { continue }
            linearized += 1
            #expect(out.filter { !$0.isWhitespace }.sorted() == page.filter { !$0.isWhitespace }.sorted())
        }
        #expect(linearized > 50)
    }

    /// Pages from other extractors have no column grid and are left alone,
    /// including English text with two spaces after its sentences.
    @Test func otherPagesAreLeftAlone() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for page in ["Editions/2024-08-08/11.txt", "Editions/2024-08-05/B3.txt"] {
            #expect(LayoutColumns.linearize(try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)) == nil, "\(page)")
        }
        let sentences = ["The library opened at nine.", "Readers came early.", "It was busy all day.", "A new reading room opened.",
                         "Seats can be booked online.", "Staff said it worked."]
        var english: [String] = []
        for n in 0..<12 {
            let parts: [String] = [sentences[n % 6], sentences[(n * 5 + 1) % 6], sentences[(n + 3) % 6]]
            english.append(parts.joined(separator: "  "))
        }
        #expect(LayoutColumns.linearize(english.joined(separator: "\n")) == nil)
    }
}
