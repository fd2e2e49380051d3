import Foundation
import Testing
@testable import EditionKit

/// Fixture files shipped with the tests.
enum Fixture {
    static func url(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    static func text(_ path: String) -> String {
        try! String(contentsOf: url(path), encoding: .utf8)
    }

    /// The repository's root, for the bundled `Editions/`.
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// Ideographs of a text, in order.
func ideographs(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter(\.isIdeographic) }

/// Every ideograph of the page text reaches the model, and paragraphs keep
/// the printed order. The text is taken after faux-bold undoubling (its own
/// rule, tested on its own); the `摄` of a photo credit is markup the model
/// keeps as the credit field.
func assertKeepsText(_ printed: String, _ page: Page, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = PageParser.splitLines(printed).map { $0.raw.string }.joined(separator: "\n")
    var out: [Unicode.Scalar] = []
    var body: [Unicode.Scalar] = []
    for a in page.articles {
        for f in [a.kicker, a.title, a.subtitle, a.byline, a.dateline] { out += ideographs(f ?? "") }
        out += a.jumps.flatMap(ideographs)
        for b in a.blocks {
            switch b {
            case .paragraph(let t), .subhead(let t): out += ideographs(t); body += ideographs(t)
            case .photo(let c, let cr): out += ideographs(c ?? ""); out += ideographs(cr ?? "")
            }
        }
    }
    for f in [page.section, page.weekday, page.lunarDate, page.paper, page.label] { out += ideographs(f ?? "") }
    for s in page.staff { out += ideographs(s.role + s.name) }
    // The date's 年月日 are printed but kept as digits.
    var need: [Unicode.Scalar: Int] = [:]
    for s in ideographs(text) where !"年月日".unicodeScalars.contains(s) { need[s, default: 0] += 1 }
    for s in out { need[s, default: 0] -= 1 }
    let credits = page.articles.flatMap(\.blocks).filter { if case .photo(_, let c) = $0 { c != nil } else { false } }.count
    need["摄", default: 0] -= credits
    let lost = need.filter { $0.value > 0 }
    #expect(lost.isEmpty, "lost characters: \(lost.map { String(Character($0.key)) + "×\($0.value)" }.sorted().joined(separator: " "))", sourceLocation: sourceLocation)
    // Paragraph text is a subsequence of the input, in order.
    let input = ideographs(text)
    var i = 0
    for s in body {
        while i < input.count, input[i] != s { i += 1 }
        i += 1
    }
    #expect(i <= input.count, "paragraphs are out of printed order", sourceLocation: sourceLocation)
}

/// A paragraph hard-wrapped the way `pdftotext -raw` prints a column of
/// `width` ideographs: the first line two short (the indent), a closing mark
/// never starting a line (it hangs at the end of the one before).
func column(_ paragraph: String, width: Int) -> [String] {
    let noStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "”", "》"]
    var lines: [String] = []
    var cur = ""
    var room = width - 2
    for ch in paragraph {
        if cur.count >= room && !noStart.contains(ch) {
            lines.append(cur)
            cur = ""
            room = width
        }
        cur.append(ch)
    }
    if !cur.isEmpty { lines.append(cur) }
    return lines
}

/// A page: the folio line, then each piece as printed (lines as they are,
/// paragraphs set with `column`).
func page(_ pieces: [Piece], width: Int = 14) -> String {
    var out = ["9 文化 光明时报 2026年3月2日 星期一"]
    for p in pieces {
        switch p {
        case .line(let l): out.append(l)
        case .paragraph(let t): out += column(t, width: width)
        }
    }
    return out.joined(separator: "\n") + "\n"
}

enum Piece {
    case line(String)
    case paragraph(String)
}
