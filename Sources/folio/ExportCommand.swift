import ArgumentParser
import EditionKit

extension Folio {
    /// `folio export PATH`: the edition as JSON.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print the edition as JSON (pages, folios, stories and their blocks).",
            discussion: """
                One JSON object: the edition's date and paper, and its pages in order, each \
                with its number, label, section, date, weekday, paper, staff (role and name) \
                and stories. A story has its id (PAGE.N), kicker, title, subtitle, byline, \
                byline role, dateline, jump lines and blocks: paragraphs, subheads and photos \
                (caption and credit). Absent fields are null. Text is UTF-8, not escaped.
                """)

        @OptionGroup var input: EditionInput

        @Flag(help: "One line of JSON instead of indented output.")
        var compact = false

        func run() throws {
            let edition = input.load()
            StandardOutput.line(EditionJSON.encode(edition, pretty: !compact))
        }
    }
}
