import Testing
@testable import EditionKit

/// English pages set in proportional type, as `pdftotext -raw` reads them
/// back: a full line's count of letters varies by a fifth, and indents are
/// not printed. (Text of our own, typeset by Scripts/typeset-pages.py.)
@Suite struct EnglishPageTests {
    func paragraphs(_ a: Article) -> [String] { a.blocks.compactMap { if case .paragraph(let t) = $0 { t } else { nil } } }

    static let page = """
        3 THE HARBOR GAZETTE Monday, August 5, 2024
        Ferry Service Returns to the Outer Islands
        Twice-daily crossings resume after a summer of repairs to the dock
        By MARIA LOPEZ
        ROCKLAND, Maine — The ferry to the
        outer islands made its first crossing in three
        months on Sunday, carrying forty
        passengers, two pickup trucks and a crate of
        lobster traps across a calm harbor.
        The service stopped in May, when
        inspectors found rotten pilings under the
        island dock. Crews replaced twenty-two of
        them over the summer, working at low tide
        and in the early morning before the fishing
        boats went out.
        School Board Approves Later Start Times
        By DAVID CHEN
        High school classes will begin at half past
        eight next fall, fifty minutes later than now,
        after the school board voted five to two on
        Thursday to follow the advice of doctors
        who study teenage sleep.
        Harbor Festival Draws Record Crowd
        More than twelve thousand people came
        to the harbor festival on Saturday, the most
        since the event began in 1998, according to
        organizers, who credited the warm weather
        and a new evening concert on the pier.
        Food vendors ran out of chowder by
        mid-afternoon. The parade of decorated
        boats, a tradition since the first festival, was
        won for the second year in a row by a crew
        of retired teachers in a painted dory.
        """

    /// Every headline heads its story, the third too: no byline under it,
    /// after a story that did not close, but four words in title case, which
    /// a crosshead inside a story is not.
    /// Justified text fills every line but a paragraph's last, so a line
    /// after a sentence end that left room for the next line's first word
    /// was indented: it opens a paragraph, though `-raw` prints no indent
    /// and the line after the sentence end measures full.
    /// A story's folio, headline, byline and first two lines, which the
    /// paragraph tests below go on.
    static let libraryOpening = """
        3 THE HARBOR GAZETTE Monday, August 5, 2024
        Library Adds Evening Hours on Weekdays
        By ANNA BELL
        The city library will stay open until nine
        on weekday evenings starting next month,

        """

    @Test func aLineWithRoomForTheNextWordOpensAParagraph() throws {
        let page = PageParser.parse(Self.libraryOpening + """
            the library board announced on Tuesday after
            a year of requests from students and workers.
            The board said the longer hours would be
            a cost of about forty thousand dollars a year,
            paid for by a state grant that runs three years.
            """)
        let a = try #require(page.articles.first)
        #expect(paragraphs(a).map { String($0.prefix(20)) } == ["The city library wil", "The board said the l"], "\(paragraphs(a))")
        // A line as full after a sentence end goes on.
        #expect(LineFlow.hasRoom(SourceLine(number: 1, raw: Array("the library board announced on Tuesday after".unicodeScalars), blankBefore: false),
                                 for: SourceLine(number: 2, raw: Array("a year of requests".unicodeScalars), blankBefore: false), 18.6) == false)
    }

    /// Plain `pdftotext` takes the hyphen off a word broken at a line's end
    /// and runs the two column lines into one, twice the column's width: it
    /// is two of the paragraph's lines, not a deck or a box.
    @Test func twoColumnLinesRunTogetherStayInTheirParagraph() throws {
        let page = PageParser.parse(Self.libraryOpening + """
            the board said on Tuesday after a year of requests from students and workers
            who had asked for a quiet place to study and
            Library Director Ann Cole, who will hire two more librarians
            after their shifts.
            The board said the longer hours, which begin in May, would be
            paid for by a state grant that runs three years.
            """)
        let a = try #require(page.articles.first)
        #expect(a.title == "Library Adds Evening Hours on Weekdays")
        // (A paragraph's first two lines run together too: the comma before
        // `which` goes on a sentence, as no headline does.)
        #expect(paragraphs(a).map { String($0.prefix(20)) } == ["The city library wil", "The board said the l"], "\(paragraphs(a))")
        #expect(paragraphs(a)[1] == "The board said the longer hours, which begin in May, would be paid for by a state grant that runs three years.")
        #expect(paragraphs(a)[0].contains("next month, the board said on Tuesday after a year of requests from students and workers who had asked"))
        // A capital goes on an open sentence too (`… study and` / `Library Director …`).
        #expect(paragraphs(a)[0].hasSuffix("study and Library Director Ann Cole, who will hire two more librarians after their shifts."))
    }

    /// In a narrow column plain `pdftotext` may run three lines into one
    /// (a paragraph's first line with the next two): under a long run of
    /// text, when the line after goes on its sentence in lower case, it is
    /// the paragraph's, not a headline.
    @Test func threeColumnLinesRunTogetherOpenAParagraph() throws {
        let page = PageParser.parse("""
            3 THE HARBOR GAZETTE Monday, August 5, 2024
            Library Adds Evening Hours
            By ANNA BELL
            The city library will
            stay open until nine
            on weekday evenings
            starting next month,
            the library board said
            on Tuesday after a year
            of requests from many
            students.
            The board expects the longer hours to draw many more
            students and night
            workers who cannot
            come during the day.
            """)
        let a = try #require(page.articles.first)
        #expect(page.articles.count == 1 && a.title == "Library Adds Evening Hours")
        #expect(paragraphs(a).last == "The board expects the longer hours to draw many more students and night workers who cannot come during the day.", "\(paragraphs(a))")
    }

    /// Plain `pdftotext` may run four or five lines of a narrow column into
    /// one: a line that goes on a sentence in lower case is the paragraph's
    /// whatever its width (no sentence, and no headline, opens in lower
    /// case), and so is a figure going on a line that stops on a word.
    @Test func linesRunTogetherPastThreeColumnsStayInTheirParagraph() throws {
        let page = PageParser.parse("""
            3 THE HARBOR GAZETTE Monday, August 5, 2024
            Library Adds Evening Hours
            By ANNA BELL
            The city library will
            stay open until nine
            on weekday evenings
            from next month.
            The board expects the longer hours to
            draw many more students and night workers who cannot come during the day, the library board said
            on Tuesday after a year
            of requests.
            The library has stayed open late since
            1998 until a budget cut in the spring of the year before last, when the
            city cut its hours.
            """)
        let a = try #require(page.articles.first)
        #expect(page.articles.count == 1 && a.title == "Library Adds Evening Hours", "\(page.articles.map(\.title))")
        #expect(paragraphs(a).contains("The board expects the longer hours to draw many more students and night workers who cannot come during the day, the library board said on Tuesday after a year of requests."), "\(paragraphs(a))")
        #expect(paragraphs(a).last?.hasSuffix("The library has stayed open late since 1998 until a budget cut in the spring of the year before last, when the city cut its hours.") == true, "\(paragraphs(a))")
    }

    /// A figure goes on a sentence as a word does: a line stopping on a word
    /// in lower case, then one opening with a year, are two run-together
    /// stretches of one paragraph, not a deck.
    @Test func aFigureGoesOnARunTogetherLine() throws {
        let page = PageParser.parse("""
            A8
            WORLD | The Harbor Gazette | Monday, August 5, 2024
            
            Library adds hours
            after council vote
            The city library will stay open until nine on weekday evenings from next month, the board said.
            Officials say the
            change was approved by the council on Tuesday,
            after a year of
            requests from the
            students in town.
            The new hours will
            be paid for by a
            state grant that
            runs for three years
            and covers new staff.
            The library stayed open late from
            1998 until a budget cut in the spring of the
            year-end review of
            savings last year.
            """)
        let a = try #require(page.articles.first)
        #expect(page.articles.count == 1 && a.subtitle?.hasPrefix("The city library") == true, "\(page.articles.map(\.title))")
        #expect(paragraphs(a).last?.hasSuffix("and covers new staff. The library stayed open late from 1998 until a budget cut in the spring of the year-end review of savings last year.") == true, "\(paragraphs(a))")
    }

    /// A line between a sentence left open and its next line going on in
    /// lower case is the sentence's at any width (plain `pdftotext` ran
    /// column lines together): no deck sits inside a sentence. A headline
    /// ends no sentence (an abbreviation's period is none): its deck's
    /// second line in lower case stays the deck's.
    @Test func aLineInsideAnOpenSentenceIsTheSentences() throws {
        let page = PageParser.parse("""
            A8
            WORLD | The Harbor Gazette | Monday, August 5, 2024
            
            Library adds hours
            By ANNA BELL
            The city library will
            stay open until nine
            on weekday evenings
            from next month, the
            board said on Tuesday.
            The change follows many
            requests from students.
            Its cost is small. The
            State Library Association of Maine with its grant of nine hundred thousand dollars of
            money pays for
            the staff.
            """)
        let a = try #require(page.articles.first)
        #expect(page.articles.count == 1 && a.title == "Library adds hours", "\(page.articles.map(\.title))")
        #expect(paragraphs(a).last?.hasSuffix("Its cost is small. The State Library Association of Maine with its grant of nine hundred thousand dollars of money pays for the staff.") == true, "\(paragraphs(a))")
        let deck = PageParser.parse("""
            A8
            WORLD | The Harbor Gazette | Monday, August 5, 2024
            
            Kmart Corp. to buy
            Sears for $11 billion
            Shares of both companies soared after the announcement, with Sears
            up 22 percent on Wednesday, whilst Kmart gained 15 percent.
            By ANNA BELL
            Discount retailer Kmart
            announced on Wednesday
            it will buy Sears.
            """)
        #expect(deck.articles.map(\.title) == ["Kmart Corp. to buy Sears for $11 billion"])
        #expect(deck.articles.first?.subtitle?.hasSuffix("whilst Kmart gained 15 percent.") == true)
    }

    /// Plain `pdftotext` prints side-by-side headlines one block after the
    /// other: a headline in capitals ends at the blank line before a block
    /// in lower case. A dateline's place in capitals, ending on its comma,
    /// goes on past a blank line.
    @Test func aHeadlineInCapitalsEndsAtABlankLine() {
        func units(_ text: String) -> [String] {
            var flow = LineFlow(lines: PageParser.splitLines(text))
            return flow.units().map { $0.lines.map { $0.raw.string }.joined(separator: " ") }
        }
        #expect(units("KMART TO BUY SEARS\nFOR US$11 BILLION\n\nFirefox 1.0 Internet Browser\nreleased by Mozilla\n")
                == ["KMART TO BUY SEARS FOR US$11 BILLION", "Firefox 1.0 Internet Browser released by Mozilla"])
        #expect(units("The asteroid will pass the Earth safely.\nUNITED STATES,\n\nDecember 29 — According to NASA, the\nasteroid is no longer a threat to anyone.\n").count == 2)
        // Two column lines run together in lower case go on a one-line
        // paragraph start; and no sentence opens in lower case, so they go
        // on past an abbreviation's period (`Kmart Corp.`).
        let story = units("Kmart to Buy Sears\nBy JANE DOE\nDiscount retailer Kmart Corp.\nannounced Wednesday morning it will buy department\nstore operator Sears, Roebuck\nand Co. for eleven billion dollars in\ncash and stock, the two companies said\nin a joint statement on Wednesday.\nThe chain has struggled for years with\nfalling sales and old stores, and its\nshares fell by a third over the summer\nas shoppers moved to rival discounters.\n")
        #expect(story.count == 3 && story[2].hasPrefix("Discount retailer Kmart Corp. announced Wednesday morning it will buy department store operator"), "\(story)")
    }

    @Test func storiesAreFoundWithTheirHeadlines() throws {
        let a = PageParser.parse(Self.page).articles
        try #require(a.count == 3)
        #expect(a.map(\.title) == ["Ferry Service Returns to the Outer Islands", "School Board Approves Later Start Times",
                                   "Harbor Festival Draws Record Crowd"])
        // A deck wider than the column, longer than a CJK heading could be.
        #expect(a[0].subtitle == "Twice-daily crossings resume after a summer of repairs to the dock")
        #expect(a[0].byline == "MARIA LOPEZ" && a[0].dateline == "ROCKLAND, Maine")
    }

    @Test func linesOfUnevenLengthStayInTheirParagraph() throws {
        let a = PageParser.parse(Self.page).articles
        try #require(a.count >= 2)
        // `months on Sunday, carrying forty` is full, and so is `The service
        // stopped in May, when`: neither ends a paragraph or is a subhead.
        #expect(!a[0].blocks.contains { if case .subhead = $0 { true } else { false } })
        #expect(paragraphs(a[0]).joined(separator: " ").contains("carrying forty passengers"))
        #expect(paragraphs(a[0]).joined(separator: " ").contains("May, when inspectors found"))
        // A line running past the others is not a box (`boats, a tradition …, was`).
        let last = try #require(a.last.flatMap { paragraphs($0).last })
        #expect(last.contains("The parade of decorated boats, a tradition since the first festival, was won for the second year"))
        #expect(last.hasSuffix("of retired teachers in a painted dory."))
    }

    /// Running text whose line is all capitalised names goes on its sentence.
    @Test func aLineOfNamesInRunningTextIsNotAHeadline() throws {
        let text = Self.page.replacingOccurrences(of: "after the school board voted five to two on\n", with: "after Board Chair Ellen Parker Brown and\nMembers Voted Five to Two Again on\n")
        let a = PageParser.parse(text).articles
        let school = try #require(a.first { $0.title == "School Board Approves Later Start Times" })
        #expect(paragraphs(school).first?.contains("Ellen Parker Brown and Members Voted Five to Two Again on Thursday") == true)
    }
}
