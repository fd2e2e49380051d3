import ArgumentParser
import EditionKit

extension Folio {
    /// `folio export PATH`: the edition as JSON.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print the edition as JSON (pages, folios, articles and their blocks).",
            discussion: "The format is documented in docs/format.md. Text is UTF-8, not escaped.")

        @OptionGroup var input: EditionInput

        @Flag(help: "One line of JSON instead of indented output.")
        var compact = false

        func run() throws {
            let edition = input.load()
            StandardOutput.line(EditionJSON.encode(edition, pretty: !compact))
        }
    }
}
