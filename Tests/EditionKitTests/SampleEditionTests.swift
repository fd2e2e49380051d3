import Testing
@testable import EditionKit

/// The editions bundled in `Editions/`, which a new user opens first.
@Suite struct SampleEditionTests {
    func read(_ name: String) throws -> Edition {
        try EditionReader.read(path: Fixture.repoRoot.appendingPathComponent("Editions").appendingPathComponent(name).path)
    }

    @Test func theSeedEdition() throws {
        let e = try read("2024-08-08")
        #expect(e.date == "2024-08-08" && e.pages.map(\.number) == [11])
        #expect(e.pages[0].articles.count == 4)
    }

    @Test func multiPageFormFeedFileInTwoExtractorStyles() throws {
        let e = try read("2024-08-07.txt")
        #expect(e.pages.map(\.number) == [1, 2])
        let p1 = e.pages[0], p2 = e.pages[1]
        #expect(p1.section == "要闻" && p1.lunarDate == "农历甲辰年七月初四")
        #expect(p1.staff.map(\.name) == ["吴燕", "吕钟正"])
        #expect(p1.articles.map(\.title) == ["老街换新颜 居民笑开颜", "社区食堂开进老小区 家门口吃上热乎饭"])
        let lead = p1.articles[0]
        #expect(lead.kicker == "聚焦城市更新" && lead.byline == "本报记者李明" && lead.dateline == "本报杭州8月6日")
        #expect(lead.blocks.count == 4)
        // `（王芳参与采写）` is a note, not the byline: it stays in the text.
        #expect(lead.blocks.last?.text?.hasSuffix("一百三十多家。（王芳参与采写）") == true)
        #expect(p1.articles[1].dateline == "本报南京8月6日")
        #expect(p2.section == "评论")
        #expect(p2.staff.map { "\($0.role)=\($0.name)" } == ["责任编辑=王静", "美编=刘洋"])
        let comment = p2.articles[0]
        #expect(comment.title == "让城市的“慢”与“快”各得其所" && comment.subtitle == "——写在全民健身日到来之际")
        #expect(comment.byline == "张伟")
        #expect(comment.blocks.map(\.kind) == ["paragraph", "subhead", "paragraph", "paragraph", "subhead", "paragraph", "paragraph"])
    }

    @Test func gb18030AndUTF16Pages() throws {
        let e = try read("2024-08-06")
        #expect(e.pages.map(\.number) == [1, 2])
        #expect(e.pages[0].articles.first?.title == "图书馆里的暑假")
        #expect(e.pages[0].articles.first?.byline == "陈静")
        #expect(e.pages[1].articles.first?.title == "夜市里的烟火气")
        #expect(e.pages[1].articles.first?.blocks.count == 2)
    }

    @Test func englishPage() throws {
        let e = try read("2024-08-05")
        let p = e.pages[0]
        #expect(p.label == "B3" && p.paper == "THE EVENING POST" && p.weekday == "Monday" && e.date == "2024-08-05")
        #expect(p.articles.map(\.title) == ["Tool Library Opens Its Doors In Old Fire Station", "Bridge Repairs to Close Lanes"])
        let a = p.articles[0]
        #expect(a.subtitle == "Residents borrow drills, ladders and more with a library card")
        #expect(a.byline == "JANE DOE" && a.bylineRole == "Staff Writer" && a.dateline == "PORTLAND, Maine")
        #expect(a.jumps == ["Continued on Page B5"])
        let text = a.bodyText
        #expect(text.contains("a well-known program") && text.contains("putting information about"))
        #expect(text.contains("Residents of the neighborhood lined up"))
        #expect(a.blocks.last == .photo(caption: "Volunteers sort donated tools before the opening.", credit: "John Roe"))
        #expect(p.articles[1].blocks.count == 2)
    }
}
