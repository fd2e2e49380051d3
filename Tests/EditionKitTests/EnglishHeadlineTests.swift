import Testing
@testable import EditionKit

/// English headlines as extractors print them: sentence case over two
/// lines, a deck that is a sentence, body lines in title case, a dateline
/// broken over two lines, and two headlines stacked between two bodies.
@Suite struct EnglishHeadlineTests {
    static let page = """
        THE EVENING POST
        Wednesday, March 4, 2026
        C2
        ARTS
        City orchestra plays
        its last concert in the old hall
        The orchestra said farewell to the concert hall it has played in for sixty years with a program of Mahler and Brahms.
        By JANE DOE
        Members of the City Orchestra, Conductor
        Anna Weiss and the choir took their last bows
        on Saturday night in the hall where the
        orchestra first played in 1966. The concert was
        sold out within an hour of the tickets going on
        sale, and hundreds more listened outside.
        The orchestra moves to the new waterfront
        center in the autumn, where the first season
        opens with the same symphony by Mahler.
        RIVERTON, Ohio, March
        3 — The county fair will return to the old
        fairgrounds this summer after three years
        away, the fair board announced on Tuesday.
        Board members said repairs to the livestock
        barns were finished ahead of time and under
        budget, and that the midway would be larger.
        County fair returns
        to the old grounds
        Library opens a
        tool lending shelf
        The public library now lends drills, saws and
        ladders to anyone with a library card, the
        library said on Monday, and the tool shelf has
        already lent more than two hundred tools.
        """

    @Test func headlinesDecksAndStoriesAreFound() throws {
        let p = PageParser.parse(Self.page)
        #expect(p.section == "ARTS" && p.paper == "THE EVENING POST" && p.label == "C2" && p.weekday == "Wednesday")
        let a = p.articles
        #expect(a.map(\.title) == ["City orchestra plays its last concert in the old hall", "County fair returns to the old grounds",
                                   "Library opens a tool lending shelf"])
        try #require(a.count == 3)
        #expect(a[0].subtitle?.hasPrefix("The orchestra said farewell") == true && a[0].byline == "JANE DOE")
        // `Members of the City Orchestra, Conductor` is running text, not a crosshead.
        #expect(a[0].blocks.allSatisfy { if case .subhead = $0 { false } else { true } })
        #expect(a[1].dateline?.hasPrefix("RIVERTON, Ohio") == true)
        #expect(a[2].bodyText.hasPrefix("The public library now lends drills"))
    }

    @Test func runningTextInTitleCaseGoesOn() {
        func line(_ s: String) -> SourceLine { SourceLine(number: 1, raw: Array(s.unicodeScalars), blankBefore: false) }
        #expect(line("Members of the City Orchestra, Conductor").goesOn == false)
        #expect(line("Ron Artest, Jermaine O'Neal and").goesOn)
        #expect(line("Harbor Festival Draws Record Crowd").goesOn == false)
        #expect(line("RIVERTON, Ohio, March").opensDateline && !line("Riverton, Ohio").opensDateline)
    }

    /// A list of names wraps in a narrow ragged column: a short line that
    /// stops on a name and a line of names in title case go on with the
    /// paragraph (running text ends on a sentence end), not a crosshead.
    @Test func aListOfNamesWrappedInANarrowColumnIsNotACrosshead() {
        let page = PageParser.parse("""
            THE EVENING POST
            Wednesday, March 4, 2026
            C2
            ARTS
            Choir sings for the harbor
            By JANE DOE
            The harbor choir gave its first
            concert of the season on Sunday, with
            soloists from five towns, including
            Maria Lopez, Peter
            Brandt, Anna Weiss, Tom
            Hill of the Riverton Players
            and the whole junior choir.
            Tickets for the next concert go on sale
            on Friday at the harbor office.
            """)
        let a = page.articles
        #expect(a.map(\.title) == ["Choir sings for the harbor"])
        #expect(a.first?.blocks.allSatisfy { if case .subhead = $0 { false } else { true } } == true, "\(a.first?.blocks ?? [])")
        #expect(a.first?.blocks.first?.text?.contains("Maria Lopez, Peter Brandt, Anna Weiss, Tom Hill of the Riverton Players") == true)
    }

    @Test func pluralsShareKeysWithTheirSingulars() {
        #expect(StoryAssembler.keys("Australians talk tough") .isSuperset(of: StoryAssembler.keys("australian")))
    }

    /// A narrow column: the byline and its role wrap, the body's lines are
    /// ragged, and the next headline is as long as a column line (only the
    /// deck under it tells it from text).
    @Test func narrowColumnsBylinesRolesAndHeadlinesOverDecks() throws {
        let page = """
            B4
            NATION | The Evening Post | Wednesday, March 4, 2026
            Ferry service returns
            to the outer islands
            By EVENING POST
            STAFF
            Special to The Evening
            Post
            The ferry to the outer
            islands ran again on
            Monday after a summer
            of repairs to the dock,
            and the first boat was
            full by seven o'clock.
            Islanders said the wait
            had been long.
            Bridge repairs begin
            on the river crossing
            Crews began work on the river bridge on Tuesday, closing one lane for a month.
            The state said the work
            would finish before the
            spring floods, when the
            river is at its highest.
            """
        let a = PageParser.parse(page).articles
        try #require(a.count == 2)
        #expect(a[0].title == "Ferry service returns to the outer islands")
        #expect(a[0].byline == "EVENING POST STAFF" && a[0].bylineRole == "Special to The Evening Post")
        #expect(a[0].bodyText.hasPrefix("The ferry to the outer islands ran again"))
        #expect(a[1].title == "Bridge repairs begin on the river crossing" && a[1].subtitle?.hasPrefix("Crews began work") == true)
    }

    /// Two headlines on one baseline, printed by `-raw` as one wide line:
    /// each goes to the body that shares its words (the second story opens
    /// with its dateline).
    @Test func twoHeadlinesOnOneLineArePartedByTheirWords() throws {
        let page = """
            B4
            NATION | The Evening Post | Wednesday, March 4, 2026
            Library lends tools to card holders Ferry service returns to islands
            The public library now lends drills,
            saws and ladders to anyone with a
            library card, and the tool shelf has
            lent more than two hundred tools.
            Librarians said the most borrowed
            tools were drills, followed by
            Ladders, Saws, Sanders and
            paint sprayers in the spring.
            HARBOR CITY, March 3 — The ferry to
            the outer islands ran again on Monday
            after a summer of repairs to the dock,
            and islanders welcomed the service.
            """
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["Library lends tools to card holders", "Ferry service returns to islands"])
        try #require(a.count == 2)
        // `Ladders, Saws, Sanders and` is running text, not a crosshead.
        #expect(a[0].blocks.allSatisfy { if case .subhead = $0 { false } else { true } })
        #expect(a[1].dateline?.hasPrefix("HARBOR CITY") == true)
    }

    /// MuPDF cuts a widely justified line of a narrow column into its words,
    /// one a line; the page reads as if it had not.
    @Test func mupdfWordsOneALineAreOneLine() {
        let lines = PageParser.splitLines("The ferry to the outer\nislands\nran\nagain\non\n\nMonday after a summer\nD1\nSPORTS\n")
        #expect(lines.filter { !$0.isBlank }.map { $0.raw.string } == ["The ferry to the outer", "islands ran again on", "Monday after a summer", "D1", "SPORTS"])
    }

    /// A dateline's place in capitals cut one word a line (`UNITED` /
    /// `STATES,`) is one line again, and opens its story's first paragraph.
    @Test func aDatelinePlaceCutIntoWordsIsOneLine() {
        let lines = PageParser.splitLines("UNITED\nSTATES,\n\nDecember 29 — According to\nA8\nWORLD\n")
        #expect(lines.filter { !$0.isBlank }.map { $0.raw.string } == ["UNITED STATES,", "December 29 — According to", "A8", "WORLD"])
    }

    /// A hyphen at a line end after a word the page uses on its own is a
    /// compound's; after a syllable it is hyphenation.
    /// A word broken before its suffix is hyphenation even where its head
    /// stands on the page as a word (`dictator` and `dictator-`/`ship`).
    @Test func aHyphenBeforeASuffixGoes() {
        let j = TextJoiner(lines: [Array("Chilean dictator Augusto".unicodeScalars), Array("The dictator-".unicodeScalars)])
        #expect(j.join([Array("The dictator-".unicodeScalars), Array("ship ruled Chile".unicodeScalars)]).string == "The dictatorship ruled Chile")
        #expect(j.join([Array("the govern-".unicodeScalars), Array("ment said".unicodeScalars)]).string == "the government said")
        #expect(j.join([Array("a dictator-".unicodeScalars), Array("led army".unicodeScalars)]).string == "a dictator-led army")
    }

    @Test func compoundHyphensAreKept() {
        let j = TextJoiner(lines: [Array("the tsunami hit".unicodeScalars), Array("tsunami-".unicodeScalars), Array("Pro-".unicodeScalars)])
        #expect(j.join([Array("the tsunami-".unicodeScalars), Array("stricken coast".unicodeScalars)]).string == "the tsunami-stricken coast")
        #expect(j.join([Array("the World Food Pro-".unicodeScalars), Array("gramme said".unicodeScalars)]).string == "the World Food Programme said")
    }
}
