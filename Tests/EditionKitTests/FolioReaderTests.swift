import Testing
@testable import EditionKit

/// Folios and staff lines in the shapes papers print them.
@Suite struct FolioReaderTests {
    func header(_ text: String) -> (Page, Int) {
        var f = FolioReader()
        let lines = PageParser.splitLines(text)
        let n = f.readHeader(lines)
        return (f.page, lines.prefix(n).filter { !$0.isBlank }.count)
    }

    @Test func seedFolio() {
        let (p, n) = header("\n2024年8月8日\n\n星期四\n\n责编：钱 虹\n\n制版：包聪颖 11\n\n公安政务服务窗口是服务群众的前沿\n")
        #expect(n == 4)
        #expect(p.date == "2024-08-08" && p.weekday == "星期四" && p.number == 11)
        #expect(p.staff == [.init(role: "责编", name: "钱虹"), .init(role: "制版", name: "包聪颖")])
    }

    /// Plain `pdftotext` may print the folio's weekday amid the stories:
    /// a weekday alone on a line is the folio's, not a headline.
    @Test func aWeekdayAmidTheStoriesIsTheFolios() {
        let page = PageParser.parse("17\n\n人民日报\n2025年10月20日\n\n生态\n蓝天成为常态\n本报记者 潘俊强\n　　前些年，一见透亮的蓝天，人们都迫不及待地拍照片晒出来。\n\n星期一\n\n　　“现在司空见惯了，就不怎么晒了。”一位北京市民这样说。\n")
        #expect(page.weekday == "星期一" && page.date == "2025-10-20")
        #expect(!page.articles.contains { $0.title == "星期一" || $0.kicker == "星期一" || $0.blocks.contains { $0.text?.contains("星期一") == true } })
        // A folio that has its weekday leaves a later one where it stands.
        let other = PageParser.parse("4 社会 人民日报 2025年10月20日 星期一\n城市书房\n　　周末的城市书房里坐满了读者。\n\n星期二\n\n　　书房每天开放到晚上九点。\n")
        #expect(other.weekday == "星期一")
    }

    /// A spaced staff line printed a name a block (plain `pdftotext`), the
    /// weekday amid the names: one staff line; a section word after a whole
    /// staff line is no name.
    @Test func aStaffLineCutIntoPiecesInTheFolio() {
        let (p, n) = header("5\n\n人民日报\n2025年10月20日\n\n评论\n\n本版责编：陈\n\n凌\n\n石\n\n羚\n\n星期一\n常\n\n晋\n\n引领未来，中国做对了什么\n任仲平\n")
        #expect(p.staff.map(\.name) == ["陈凌", "石羚", "常晋"] && p.weekday == "星期一" && p.section == "评论", "\(p.staff)")
        #expect(n == 8)  // (the pieces are joined by rows first: `凌 石 羚`, `常 晋`)
        let (q, _) = header("2 要闻 人民日报 2025年10月20日 星期一\n本版责编：屈信明\n\n要闻\n")
        #expect(q.staff.map(\.name) == ["屈信明"])
    }

    @Test func folioOnOneLine() {
        let (p, n) = header("4 社会 人民日报 2025年10月20日 星期一\n金台视线\n")
        #expect(n == 1)
        #expect(p.number == 4 && p.section == "社会" && p.paper == "人民日报" && p.date == "2025-10-20" && p.weekday == "星期一")
    }

    @Test func numberThenSectionOnSeparateLines() {
        let (p, n) = header("18\n经济\n\n人民日报\n\n2025年10月20日 星期一\n\n本版责编：屈信明\n\n绿色发展是高质量发展的\n")
        #expect(n == 5)
        #expect(p.number == 18 && p.section == "经济" && p.paper == "人民日报" && p.staff == [.init(role: "本版责编", name: "屈信明")])
    }

    @Test(arguments: [("15 国际", 15, "国际"), ("要闻 11", 11, "要闻"), ("第13版 经济", 13, "经济")])
    func pageNumberBesideSection(line: String, number: Int, section: String) {
        let (p, n) = header(line + "\n正文的第一行在这里开始了，\n")
        #expect(n == 1 && p.number == number && p.section == section)
    }

    @Test func lunarDate() {
        let (p, _) = header("要闻 1\n2024年8月7日 星期三 农历甲辰年七月初四\n")
        #expect(p.date == "2024-08-07" && p.lunarDate == "农历甲辰年七月初四")
    }

    @Test func englishFolio() {
        let (p, n) = header("B3 THE EVENING POST Monday, March 3, 2025\n\nHeadline Here\n")
        #expect(n == 1)
        #expect(p.label == "B3" && p.number == 3 && p.paper == "THE EVENING POST" && p.date == "2025-03-03" && p.weekday == "Monday")
    }

    @Test func staffLinesWithSeveralNamesAndRoles() {
        var f = FolioReader()
        for line in ["本版责编：袁振喜 白之羽 张雪妍", "责任编辑：王 静 美编：刘 洋", "本版责编：吴 燕 吕钟正"] {
            let read = f.readStaffLine(Array(line.unicodeScalars))
            #expect(read, "\(line)")
        }
        #expect(f.page.staff.map { "\($0.role)=\($0.name)" } == ["本版责编=袁振喜", "本版责编=白之羽", "本版责编=张雪妍",
                                                                "责任编辑=王静", "美编=刘洋", "本版责编=吴燕", "本版责编=吕钟正"])
    }

    @Test(arguments: ["她说：“现在公安窗口", "记者：你好", "责编：这是一句话。", "主持人：王 静"])
    func bodyTextIsNotStaff(_ line: String) {
        var f = FolioReader()
        let read = f.readStaffLine(Array(line.unicodeScalars))
        #expect(!read)
        #expect(f.page.staff.isEmpty)
    }

    @Test func aKickerAfterTheFolioIsNotTheSection() {
        let (p, n) = header("4 社会 人民日报 2025年10月20日 星期一\n金台视线\n莫让实习生权益保护成“死角”\n")
        #expect(n == 1 && p.section == "社会")
    }

    /// The folio band one item a line: a bare word inside the band, or a
    /// two-character word at its end, is the section; a longer word at the
    /// end is the first story's kicker.
    @Test(arguments: [
        ("光明时报\n2026年3月2日 星期一\n国际\n9\n记者手记\n", 9, "国际", 4),
        ("光明时报\n2026年3月2日\n\n9\n\n星期一\n\n国际\n编者按：这是第一行\n", 9, "国际", 5),
        ("文化\n9\n光明时报\n2026年3月2日\n星期一\n文化视点\n", 9, "文化", 5),
        ("9\n光明时报\n2026年3月2日 星期一\n文化视点\n", 9, nil, 3),
    ])
    func folioBandOneItemALine(text: String, number: Int, section: String?, taken: Int) {
        let (p, n) = header(text)
        #expect(p.number == number && p.section == section && n == taken, "\(p.section ?? "-") \(n)")
        #expect(p.date == "2026-03-02" && p.weekday == "星期一")
    }

    @Test func englishFolioStacks() {
        let (a, n) = header("THE EVENING POST\nWednesday, March 4, 2026\nC2\nARTS\nA Headline Over the Story\n")
        #expect(n == 4 && a.paper == "THE EVENING POST" && a.section == "ARTS" && a.number == 2 && a.label == "C2")
        #expect(a.date == "2026-03-04" && a.weekday == "Wednesday")
        let (b, m) = header("C2\nARTS | The Evening Post | Wednesday, March 4, 2026\nHeadline\n")
        #expect(m == 2 && b.paper == "The Evening Post" && b.section == "ARTS" && b.label == "C2" && b.weekday == "Wednesday")
        let (c, _) = header("ARTS | The Evening Post | Wednesday, March 4, 2026 C2\n")
        #expect(c.section == "ARTS" && c.number == 2 && c.weekday == "Wednesday")
    }

    @Test func staffNamesPrintedOneALine() {
        let page = PageParser.parse("9\n光明时报\n2026年3月2日 星期一\n本报记者 王明\n这是正文的一段话，写得很长很长。\n本版责编：王\n\n明\n\n李晓华\n")
        #expect(page.staff == [.init(role: "本版责编", name: "王明"), .init(role: "本版责编", name: "李晓华")])
    }

    /// The rest of a spaced staff line printed apart, right above the next
    /// staff line (plain `pdftotext`): names of the role above, not a story;
    /// a reporter's name right above a staff line stays the story's.
    @Test func staffNamesPrintedAboveTheNextStaffLine() {
        let page = PageParser.parse("6\n光明时报\n2026年3月2日 星期一\n本版责编：杨\n\n旭\n\n春天来了\n　　这是正文的一段话，写得很长很长。\n\n张帅祯\n\n赵\n\n政\n\n栾心怡 张宇杰\n版式设计：沈亦伶\n")
        #expect(page.staff.map { "\($0.role)=\($0.name)" } == ["本版责编=杨旭", "本版责编=张帅祯", "本版责编=赵政", "本版责编=栾心怡", "本版责编=张宇杰", "版式设计=沈亦伶"])
        #expect(!page.articles.contains { $0.title?.contains("张") == true || $0.byline?.contains("张") == true })
        let byline = PageParser.parse("6\n光明时报\n2026年3月2日 星期一\n本版责编：杨旭\n春天来了\n　　这是正文的一段话，写得很长很长。\n本报记者\n\n李心萍\n版式设计：沈亦伶\n")
        #expect(byline.staff.map(\.name) == ["杨旭", "沈亦伶"])
    }
}
