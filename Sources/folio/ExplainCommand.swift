import ArgumentParser
import EditionKit

extension Folio {
    /// `folio explain FILE`: how the parsing rules read a page, for debugging a layout.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show how the parsing rules read a page file (text or PDF), one unit a line.",
            shouldDisplay: false)

        @Argument(help: "A page file.")
        var file: String

        func run() throws {
            do {
                if EditionReader.isPDF(file) {
                    for page in try PDFExtractor.pages(of: file) {
                        for line in GeometryParser.explain(page).split(separator: "\n", omittingEmptySubsequences: false) {
                            StandardOutput.line(TerminalText.sanitized(String(line)))
                        }
                    }
                    return
                }
                for page in try EditionReader.text(path: file).split(separator: "\u{0C}") {
                    for line in PageParser.explain(String(page)).split(separator: "\n", omittingEmptySubsequences: false) {
                        StandardOutput.line(TerminalText.sanitized(String(line)))
                    }
                }
            } catch { Diagnostics.fail(error.description) }
        }
    }
}
