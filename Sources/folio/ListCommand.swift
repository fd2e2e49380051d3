import ArgumentParser
import EditionKit
import Typesetting

extension Folio {
    /// `folio list PATH`: the table of contents.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Print the table of contents: page, story id, title and byline, one story a line.")

        @OptionGroup var input: EditionInput

        func run() throws {
            StandardOutput.write(ContentsPrinter.render(input.load()))
        }
    }
}

/// The table of contents as aligned plain text.
enum ContentsPrinter {
    static let maxTitleWidth = 56

    /// One pass over the pages: each page lists its own stories (a page
    /// number printed twice in a file is two pages, each with its stories).
    static func render(_ edition: Edition) -> String {
        let rowsByPage = edition.pages.map(\.contents)
        let rows = rowsByPage.joined()
        var out = ""
        var head = [edition.paper, edition.date].compactMap { $0 }.joined(separator: "  ")
        if let weekday = edition.pages.first?.weekday { head += "  " + weekday }
        if !head.isEmpty { out += TerminalText.sanitized(head) + "\n" }
        let pageW = max(4, rows.map { DisplayWidth.of($0.page) }.max() ?? 0)
        let idW = max(2, rows.map { DisplayWidth.of($0.id) }.max() ?? 0)
        let titleW = min(maxTitleWidth, max(5, rows.map { DisplayWidth.of($0.title) }.max() ?? 0))
        func line(_ p: String, _ i: String, _ t: String, _ b: String) -> String {
            let cells = DisplayWidth.pad(p, to: pageW) + "  " + DisplayWidth.pad(i, to: idW) + "  "
                + DisplayWidth.pad(DisplayWidth.truncate(t, to: titleW), to: titleW) + "  " + b
            var trimmed = cells
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed + "\n"
        }
        out += line("PAGE", "ID", "TITLE", "BYLINE")
        for (page, pageRows) in zip(edition.pages, rowsByPage) {
            if pageRows.isEmpty {
                let label = TerminalText.sanitized(page.label ?? page.number.map(String.init) ?? "?")
                let section = TerminalText.sanitized([page.section, page.date, page.weekday].compactMap { $0 }.joined(separator: " "))
                out += line(label, "-", "(no stories" + (section.isEmpty ? ")" : ": \(section))"), "")
            }
            for r in pageRows { out += line(r.page, r.id, r.title, r.byline) }
        }
        return out
    }
}
