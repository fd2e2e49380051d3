import Testing
@testable import EditionKit

/// The real page the product was specified from (a Chinese daily,
/// 2024-08-08, page 11), pinned whole.
@Suite struct SeedPageTests {
    let text = Fixture.text("seed-2024-08-08-11.txt")
    var page: Page { PageParser.parse(text, source: "11.txt") }

    @Test func folio() {
        #expect(page.number == 11)
        #expect(page.date == "2024-08-08")
        #expect(page.weekday == "星期四")
        #expect(page.staff == [StaffMember(role: "责编", name: "钱虹"), StaffMember(role: "制版", name: "包聪颖")])
    }

    @Test func fourStoriesInReadingOrder() {
        let a = page.articles
        #expect(a.map(\.id) == ["11.1", "11.2", "11.3", "11.4"])
        #expect(a.map(\.title) == ["诚信“进”窗口 走“新”更走“心”", "奏响夏夜“平安曲” 当好城市“守护人”",
                                   "巡逻遇落石阻路 民警及时清除", "鸬鹚幼鸟雨中受困 警民携手救助放生"])
        #expect(a.map(\.subtitle) == ["鄂尔多斯市达拉特旗公安局守信践诺奋力谱写政务服务新篇章", nil, nil, nil])
        #expect(a.map(\.byline) == ["张荣", "李炜", nil, "陈晓轩"])
        #expect(a.map(\.dateline) == [nil, nil, nil, "经棚"])
        #expect(a.allSatisfy { $0.kicker == nil })
    }

    @Test func leadStory() {
        let lead = page.articles[0]
        let subheads = lead.blocks.compactMap { if case .subhead(let t) = $0 { t } else { nil } }
        #expect(subheads == ["高效服务表诚意", "延时服务践诺言", "容缺引导显诚心"])
        let paragraphs = lead.blocks.compactMap { if case .paragraph(let t) = $0 { t } else { nil } }
        #expect(paragraphs.count == 14)
        #expect(paragraphs.first == "公安政务服务窗口是服务群众的前沿阵地，是树立政府形象的重要平台。一直以来，鄂尔多斯市达拉特旗公安局将守信践诺作为提升政府公信力、树立公安形象的重点工作长抓不懈，特别是在全区诚信建设工程深入推进的背景下，该局再次打出“诚信牌”，让诚信元素“走进”公安政务服务窗口，真正让老百姓感受到可触、可感的诚信服务。")
        // A column break inside a sentence (lines 20–22) is joined, and the
        // quarter-em spaces around digits are gone.
        #expect(paragraphs[1].hasPrefix("6月19日上午，在政务服务中心行政审批窗口，聚集了不少前来办理业务的群众"))
        // Justification spaces (`在 手 机 上 就 可 以 办 理`) are removed.
        #expect(paragraphs[2].contains("有的业务在手机上就可以办理，确实是高效、快速”。"))
        #expect(paragraphs[5].contains("。12时50分，魏某"))
        #expect(paragraphs[6].hasSuffix("在公安窗口办理完预约服务的李先生对政务服务中心推出的“延时+预约”服务连连称赞。"))
        #expect(paragraphs.last!.hasSuffix("让群众感受到公安机关诚信服务的温度。"))
        // A quotation opening the next column after a sentence end starts
        // its own paragraph (its quote mark sits in the indent).
        #expect(paragraphs[11].hasSuffix("真正让办事效率高起来。"))
        #expect(paragraphs[12] == "“首接引导员”已成为了当地群众可信赖、可依赖的“贴心人”。")
        // The faux-bold caption at the foot of the page belongs to the lead's reporter.
        #expect(lead.blocks.last == .photo(caption: "热情服务群众。", credit: "张荣"))
    }

    @Test func secondStoryJoinsAcrossColumnBreaks() {
        let p = page.articles[1].blocks.compactMap(\.text)
        #expect(p.count == 7)
        #expect(p[0].hasSuffix("用最硬核的守护，奏响夏夜“平安曲”，当好城市“守护人”。"))
        #expect(p[1].hasPrefix("夜晚，华灯初上，那达慕公园夜市人头攒动，热闹非凡"))
        // Joined across its column break mid-sentence…
        #expect(p[4] == "“高额返利是骗局，电信诈骗要留神。”“请保管好手机、钱包等随身物件。”")
        // …and a quotation that opens the next column after a sentence end
        // starts the next paragraph.
        #expect(p[5].hasPrefix("“您好，我们汇总了近期常见骗术及案例"))
    }

    @Test func photoNewsBox() {
        let box = page.articles[2]
        #expect(box.blocks.count == 2)
        #expect(box.blocks[0].text?.hasPrefix("8月4日，内蒙古大兴安岭森林公安局克一河分局民警在巡逻时发现某路段被大量落石阻断了道路") == true)
        #expect(box.blocks[0].text?.hasSuffix("有效保障了人民群众的出行安全。") == true)
        #expect(box.blocks[1] == .photo(caption: nil, credit: "季晓敏"))
    }

    @Test func datelineStory() {
        let p = page.articles[3].blocks.compactMap(\.text)
        #expect(p.count == 2)
        #expect(p[0].hasPrefix("经棚讯前不久，赤峰市克什克腾旗公安局大局子森林派出所"))
        #expect(p[0].hasSuffix("这是一只鸬鹚幼鸟，系国家“三有”野生保护动物。"))
        #expect(p[1] == "8月4日，经过民警多日的悉心照料，这只鸬鹚精神状态明显好转，体力恢复，符合放生条件。于是，民警便将其带至辖区响水水库放生。")
    }

    @Test func keepsEveryCharacter() {
        assertKeepsText(text, page)
    }
}
