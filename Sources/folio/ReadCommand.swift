import ArgumentParser
import EditionKit

extension Folio {
    /// `folio [PATH]`: open the edition. The interactive reader is not built
    /// yet, so this prints the table of contents, as it will when stdout is
    /// not a terminal.
    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open an edition. Until the interactive reader lands, this prints its table of contents.")

        @OptionGroup var input: EditionInput

        func run() throws {
            print(ContentsPrinter.render(try input.load()), terminator: "")
        }
    }
}
