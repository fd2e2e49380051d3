import Testing
@testable import folio

/// `folio` and `folio PATH` skip argument parsing; nothing else may.
@Suite struct ReadRequestTests {
    @Test func onlyABarePathOrNothingIsQuick() {
        #expect(ReadRequest.quick([]) == ReadRequest(source: EditionSource(path: nil, date: nil)))
        #expect(ReadRequest.quick(["Editions/2024-08-08"]) == ReadRequest(source: EditionSource(path: "Editions/2024-08-08", date: nil)))
        for args in [["--help"], ["-h"], ["list"], ["help"], ["explain"], [""], ["a", "b"], ["--date", "2024-08-08"], ["x", "--columns", "2"]] {
            #expect(ReadRequest.quick(args[...]) == nil, "\(args)")
        }
    }

    @Test func everySubcommandNameIsKnownToTheQuickPath() {
        let names = Folio.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        #expect(Set(names) == Set(ReadRequest.subcommandNames))
    }
}
