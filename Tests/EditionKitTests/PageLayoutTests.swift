import Testing
@testable import EditionKit

/// Whole-page rules on small pages of our own, one shape each.
@Suite struct PageLayoutTests {
    func paragraphs(_ a: Article) -> [String] { a.blocks.compactMap { if case .paragraph(let t) = $0 { t } else { nil } } }

    /// In a narrow column a kicker and a title measure like a paragraph's
    /// first line and its last; over a subtitle set wider than the column
    /// and a byline they are the headline (a paragraph does not stop
    /// mid-sentence to give way to them).
    @Test func aKickerAndTitleInANarrowColumnOverASubtitleAndByline() throws {
        let page = EditionKitTests.page([
            .line("城市书房"),
            .line("本报记者 李 明"),
            .paragraph("周末的城市书房里坐满了读者，有人看书，有人写作业，也有人带着孩子来听故事。书房每天开放到晚上九点，借书还书都可以在自助机上办理。"),
            .line("“十四五”的发展镜头"),
            .line("一户家庭开启智能新生活"),
            .line("2020年至2024年，居民服务性消费支出年均增长9.6%"),
            .line("本报记者 王崟欣"),
            .paragraph("在上海市闵行区，陶多多和丈夫终于有了属于自己的小家。新房装修，所有家电都是小两口精心挑选的，智能空调、智能门锁一应俱全。"),
        ], width: 12)
        let a = try #require(PageParser.parse(page).articles.last)
        #expect(a.kicker == "“十四五”的发展镜头" && a.title == "一户家庭开启智能新生活", "\(String(describing: a.kicker)) \(String(describing: a.title))")
        #expect(a.subtitle == "2020年至2024年，居民服务性消费支出年均增长9.6%" && a.byline == "本报记者王崟欣")
    }

    /// An editor's note signed at the end of its last line (`…新变化。——编者`)
    /// is finished; drawn body first, its headline follows it, no sentence
    /// and shorter than a column line, over a one-line first paragraph of
    /// the story under it.
    @Test func aHeadlineRightAfterASignedEditorsNote() throws {
        let page = EditionKitTests.page([
            .paragraph("经济发展取得新成效、改革开放迈出新步伐、社会文明程度得到新提高，本报记者深入基层采访干部群众，记录各地区各部门取得的新成就、发生的新变化。——编者"),
            .line("回望“十四五”，想起总书记这句话"),
            .line("一句话，指明了方向。"),
            .paragraph("吉林省吉林市，是一座因工业而兴的城市。新中国一百五十六个重点项目，七个半落在吉林市。"),
        ], width: 19)
        let a = PageParser.parse(page).articles
        #expect(a.contains { $0.title == "回望“十四五”，想起总书记这句话" }, "\(a.map { ($0.title, paragraphs($0)) })")
        #expect(!a.flatMap(paragraphs).contains { $0.contains("想起总书记这句话") })
    }

    /// A story closed by its bracketed byline, drawn body first: its
    /// headline follows, measuring like a paragraph's first line, over the
    /// next story's first line (a paragraph's start, not a full line).
    @Test func aHeadlineRightAfterAClosingByline() throws {
        let page = EditionKitTests.page([
            .paragraph("从新能源汽车年产量突破一千三百万辆，到国家级绿色工厂达到六千多家，高质量发展积势蓄能、动力十足。（任仲平）"),
            .line("引领未来，中国做对了什么"),
            .paragraph("“多少年没坐过绿皮车了？！”最近，笔者乘坐高铁列车出行，身旁的大叔发出这样的感慨。"),
            .paragraph("这句话里，既有“到底多少年”的发问，又有“很多年未曾”的感叹。"),
        ], width: 15)
        let a = PageParser.parse(page).articles
        #expect(a.contains { $0.title == "引领未来，中国做对了什么" }, "\(a.map { ($0.title, paragraphs($0)) })")
        #expect(!a.flatMap(paragraphs).contains { $0.hasPrefix("引领未来") })
    }

    /// A paragraph whose first sentence fills its first line, the full
    /// stop hung past the end (one em short of full), after a full line that
    /// ended a sentence: its own paragraph, as the full line under it shows.
    @Test func aFirstLineHoldingItsFirstSentenceWhole() throws {
        let page = EditionKitTests.page([
            .line("实习生权益保护"),
            .line("本报记者 李 明"),
            .paragraph("用人单位更倾向于选择那些能快速上手、具备一定行业认知的实习生，实习经历越多，就越好找实习，这是不少同学的共同感受。"),
            .paragraph("日益激烈的实习竞争还形成了灰色产业。多位受访学生告诉记者，在一些社交平台上可以通过付费形式获得内推，只要交钱就能拿到实习资格。"),
        ], width: 19)
        let a = try #require(PageParser.parse(page).articles.first)
        #expect(paragraphs(a).map { String($0.prefix(6)) } == ["用人单位更倾", "日益激烈的实"], "\(paragraphs(a))")
    }

    /// `pdftotext -raw`: no blank lines, no indents. A short line ends a
    /// paragraph; a line two characters short starts one.
    @Test func noBlankLines() {
        let page = PageParser.parse("""
            城市图书馆延长开放时间
            本报记者 李 明
            暑期的图书馆座无虚席。
            记者走访发现，市图书馆自
            七月起延长开放时间至晚上
            九点。
            为缓解座位紧张，图书馆
            新开放了两个阅览室，并推
            出预约服务。
            """)
        #expect(page.articles.count == 1)
        let a = page.articles[0]
        #expect(a.title == "城市图书馆延长开放时间" && a.byline == "本报记者李明")
        #expect(paragraphs(a) == ["暑期的图书馆座无虚席。记者走访发现，市图书馆自七月起延长开放时间至晚上九点。",
                                  "为缓解座位紧张，图书馆新开放了两个阅览室，并推出预约服务。"])
    }

    /// A column of 26 ideographs: full lines print 26, indented first lines
    /// 24. A last line that stops two short on a sentence end and the
    /// indented first line after it are two paragraphs; a paragraph that
    /// opens with a dash, indented like any other, goes on.
    @Test func indentedFirstLinesInAWideColumn() {
        let page = PageParser.parse("""
            农家书屋成了村里最热闹的地方
            本报记者 李 明
            今年以来，全县新建农家书屋二十六家，藏书超过十万
            册，村民借阅人次比去年翻了一番。冬闲时节来借书的村民
            最多，孩子们放学后也常来写作业、看绘本，真热闹。
            “以前借一本书要跑到县城，现在出门走几步就能借到
            了。”家住东街的王大爷说，他每周都来书屋坐一坐，看看
            报纸，翻翻农技书，遇到不懂的还能请管理员帮忙查资料，
            日子过得比以前充实多了。
            ——用八年时间让全县每个行政村都拥有了一家农家书
            屋，这是县里写进规划的目标，如今已经提前完成，村民们
            读书看报的劲头越来越足。
            """)
        #expect(page.articles.map(\.title) == ["农家书屋成了村里最热闹的地方"])
        #expect(paragraphs(page.articles[0]) == [
            "今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番。冬闲时节来借书的村民最多，孩子们放学后也常来写作业、看绘本，真热闹。",
            "“以前借一本书要跑到县城，现在出门走几步就能借到了。”家住东街的王大爷说，他每周都来书屋坐一坐，看看报纸，翻翻农技书，遇到不懂的还能请管理员帮忙查资料，日子过得比以前充实多了。",
            "——用八年时间让全县每个行政村都拥有了一家农家书屋，这是县里写进规划的目标，如今已经提前完成，村民们读书看报的劲头越来越足。",
        ])
    }

    /// A headline as long as an indented first line (12 in a column of 14),
    /// right over the story's first line: two lines two short in a row are
    /// not a first line and its continuation (that would be full), so the
    /// first stands alone, a heading. A second line that measures short
    /// only because it holds figures or quotation marks still goes on.
    @Test func aHeadlineAsLongAsAFirstLineOverTheFirstLine() {
        let page = PageParser.parse("""
            5 评论 光明时报 2026年3月2日 星期一
            书香乡村，我们读到了什么
            每逢周末，村里的农家书屋
            总是坐满了看书的人，大人们看
            报纸查资料，孩子们读绘本写作
            业，管理员忙着登记借阅和归还
            的图书，书屋成了村里最热闹的
            地方。
            去年新添图书两千多册，村
            里2025年借阅人次超过八千
            人次，比前年翻了一番多，村民们
            说书屋是“充电站”。
            管理员告诉记者，冬闲时节
            来借书的村民最多，放学以后孩
            子们也常来这里写作业看绘本，
            书屋里总是热热闹闹的。
            """)
        let a = page.articles
        #expect(a.map(\.title) == ["书香乡村，我们读到了什么"], "\(a.map(\.title))")
        #expect(a.first.map(paragraphs) == [
            "每逢周末，村里的农家书屋总是坐满了看书的人，大人们看报纸查资料，孩子们读绘本写作业，管理员忙着登记借阅和归还的图书，书屋成了村里最热闹的地方。",
            "去年新添图书两千多册，村里2025年借阅人次超过八千人次，比前年翻了一番多，村民们说书屋是“充电站”。",
            "管理员告诉记者，冬闲时节来借书的村民最多，放学以后孩子们也常来这里写作业看绘本，书屋里总是热热闹闹的。",
        ])
        // What may measure short: figures, Latin, inner quotes and brackets;
        // not a quotation mark that opens the line.
        func short(_ t: String) -> Bool { LineFlow.mayMeasureShort(Array(t.unicodeScalars)) }
        #expect(short("里2025年借阅人次超过八千") && short("得以让“天宫”遨游") && short("《合作组建国家队管理办法（试"))
        #expect(!short("每逢周末，村里的农家书屋") && !short("“多少年没坐过绿皮车了？！"))
    }

    /// A title as long as the column, right after a paragraph's last full
    /// line: it reads as that paragraph going on, but the paragraph would
    /// then stop mid-sentence for the subtitle and byline under it. It is the
    /// next story's title.
    @Test func aTitleAsLongAsTheColumnAboveASubtitleAndByline() {
        let page = PageParser.parse("""
            5 文化 光明时报 2026年3月2日 星期一
            农家书屋成了村里最热闹的地方
            本报记者 王 芳
            今年以来，全县新建农家书屋二十六家，藏书超过十万
            册，村民借阅人次比去年翻了一番。冬闲时节来借书的村民
            最多，孩子们放学后常来这里写作业、看绘本，书屋很热闹。
            “让每个村子都有一间开着门的书屋，让读书成为村民习惯”
            2024年3月 在县里召开的全民阅读工作推进会上的讲话和答记者问摘要
            本报记者 李 明
            三年前，县里提出让每个行政村都有一家农家书屋的目
            标。如今，这个目标已经提前完成，村民们读书看报的劲头
            越来越足，书屋成了村里最热闹的地方。
            """)
        let a = page.articles
        #expect(a.map(\.title) == ["农家书屋成了村里最热闹的地方", "“让每个村子都有一间开着门的书屋，让读书成为村民习惯”"], "\(a.map(\.title))")
        #expect(a.first.map(paragraphs)?.last?.hasSuffix("书屋很热闹。") == true)
        #expect(a.last?.byline == "本报记者李明" && a.last?.subtitle?.hasPrefix("2024年3月") == true)
    }

    /// Blank lines between blocks (plain `pdftotext`, MuPDF): a paragraph
    /// cut mid-sentence by a column break, then the next story's short
    /// title over its byline. The title does not carry the cut paragraph
    /// on: a paragraph does not stop mid-sentence on a short line to give
    /// way to a byline.
    @Test func aShortTitleAfterAColumnBreakOverAByline() {
        let page = PageParser.parse("""
            9 文化 光明时报 2026年3月2日 星期一

            农家书屋成了村里最热闹的地方

            本报记者 王 芳

              今年以来，全县新建农家书
            屋二十六家，藏书超过十万册，
            村民借阅人次比去年翻了一番，
            冬闲时节来借书的村民最多的是

            老街夜市重新开张
            本报记者 李 明

              县城老街夜市上周重新开张，
            二十多个摊位卖起了小吃和手工
            艺品，吸引了不少游客前来。
            """)
        let a = page.articles
        #expect(a.map(\.title) == ["农家书屋成了村里最热闹的地方", "老街夜市重新开张"], "\(a.map(\.title))")
        #expect(a.last?.byline == "本报记者李明")
        #expect(a.first.map(paragraphs)?.first?.hasSuffix("村民最多的是") == true)
    }

    /// A column of short paragraphs: indented first lines (24) outnumber
    /// full lines (26), and the measure is still the full lines' length, so
    /// a last line two short on a sentence end is not taken for a full one
    /// running into the next paragraph.
    @Test func firstLinesOutnumberingFullLinesDoNotSetTheMeasure() {
        let page = PageParser.parse("""
            少儿阅览室里书声琅琅
            本报记者 李 明
            县图书馆今年新建了少儿阅览室，添置了五千册绘本和
            科普读物，还请来志愿者每周末给孩子们讲故事，许多家长
            带着孩子早早赶来排队。
            阅览室的墙上贴满了孩子们的读书笔记和画作，五彩缤
            纷。管理员说，开放三个月以来，阅览室接待小读者已经超
            过一万人次，周末常常一座难求，馆里正在想新办法。
            “以前放假孩子只在家看电视，现在有好去处。”家住
            城东的刘女士说，她每周都带女儿来借书，女儿已读完了三
            十多本绘本。
            馆里还打算在乡镇设立流动借阅点，让农村孩子也读到
            新书好书，第一批借阅点将在明年春天开放，到时每个乡镇
            都会有一处。
            阅览室每天上午九点开门，晚上八点关门，节假日照开
            不误。
            馆长说，接下来还会增加一批有声读物和盲文图书，方
            便更多读者。
            """)
        #expect(page.articles.map(\.title) == ["少儿阅览室里书声琅琅"])
        let p = paragraphs(page.articles[0])
        #expect(p.count == 6, "\(p)")
        #expect(p.count == 6 && p[1].hasSuffix("馆里正在想新办法。") && p[2].hasPrefix("“以前放假"))
    }

    /// Figures and Latin runs in CJK text are set off by a quarter em each
    /// side, which extractors print as spaces: `今年 3 月，…APP 预约` is an
    /// indented first line (two ems short) once those are counted, not a
    /// short line standing alone as a subhead.
    @Test func spacedFiguresAndLatinRunsCountTheirQuarterEms() {
        #expect(SourceLine(number: 1, raw: Array("今年 3 月，馆里新上线了 APP 预约".unicodeScalars), blankBefore: false).em == 15)
        let page = PageParser.parse("""
            县图书馆上线预约服务
            本报记者 李 明
            小王是县图书馆的管理员，每天早上
            八点就来到馆里，先整理前一天归还的图
            书，再打开阅览室的门。
            今年 3 月，馆里新上线了 APP 预约
            功能，读者用手机就能查到自己想借的书
            有没有在馆。
            """)
        #expect(page.articles.map(\.title) == ["县图书馆上线预约服务"])
        #expect(page.articles.first?.blocks.map(\.kind) == ["paragraph", "paragraph"])
        #expect(paragraphs(page.articles[0]).last == "今年3月，馆里新上线了APP预约功能，读者用手机就能查到自己想借的书有没有在馆。")
    }

    /// MuPDF: a blank line after every indented first line and at column
    /// breaks; blank lines alone decide nothing.
    @Test func blankLinesAfterFirstLinesAndAtColumnBreaks() {
        let page = PageParser.parse("""
            夜市里的烟火气

            本报记者 周 洋

            夜幕降临，河畔夜市亮起

            灯串。烤串、凉粉、冰汤圆的
            香气混在一起，摊主们的吆喝

            声此起彼伏。

            夜市由市场监管部门统一

            规划摊位，每个摊位都张贴了
            食品经营许可信息。
            """)
        let a = page.articles[0]
        #expect(a.title == "夜市里的烟火气")
        #expect(paragraphs(a) == ["夜幕降临，河畔夜市亮起灯串。烤串、凉粉、冰汤圆的香气混在一起，摊主们的吆喝声此起彼伏。",
                                  "夜市由市场监管部门统一规划摊位，每个摊位都张贴了食品经营许可信息。"])
    }

    /// A headline printed after its story's closing byline is that story's;
    /// the next story, with no headline, stays untitled.
    @Test func headlineAfterTheBody() {
        let page = PageParser.parse("""
            清晨六点，拱宸桥西的老街
            已经热闹起来。修缮一新的青
            石板路两旁，早点铺冒着热气。
            （王 芳）

            老街换新颜 居民笑开颜

            每天上午十一点，鼓楼区一
            处老小区的社区食堂准时开餐，
            老人只需十二元。
            """)
        #expect(page.articles.map(\.title) == ["老街换新颜 居民笑开颜", nil])
        #expect(page.articles[0].byline == "王芳")
        #expect(paragraphs(page.articles[1]) == ["每天上午十一点，鼓楼区一处老小区的社区食堂准时开餐，老人只需十二元。"])
        // Every view names it the same way: the label, with its first words where room allows.
        #expect(page.articles[1].displayTitle(words: 0) == "(untitled)")
        #expect(page.articles[1].displayTitle(words: 6) == "(untitled) 每天上午十一…")
        #expect(page.articles[1].displayTitle(words: 100) == "(untitled) 每天上午十一点，鼓楼区一处老小区的社区食堂准时开餐，老人只需十二元。")
        #expect(page.articles[0].displayTitle(words: 6) == "老街换新颜 居民笑开颜")
    }

    /// A page whose text opens with a story body was drawn body first: each
    /// headline takes the story before it, even with no closing byline.
    @Test func bodyFirstPages() {
        let page = PageParser.parse("""
            清晨六点，拱宸桥西的老街
            已经热闹起来。修缮一新的青
            石板路两旁，早点铺冒着热气。
            老街换新颜 居民笑开颜
            本报记者 李 明
            每天上午十一点，鼓楼区一
            处老小区的社区食堂准时开餐，
            老人只需十二元。
            社区食堂开进老小区 家门口吃上热乎饭
            """)
        #expect(page.articles.map(\.title) == ["老街换新颜 居民笑开颜", "社区食堂开进老小区 家门口吃上热乎饭"])
        #expect(page.articles[0].byline == "本报记者李明")
        #expect(paragraphs(page.articles[1]) == ["每天上午十一点，鼓楼区一处老小区的社区食堂准时开餐，老人只需十二元。"])
    }

    /// A caption set wide over two lines, with its credit on a line of its
    /// own, is a photo even though it reads like a headline.
    @Test func wideCaptionWithCreditBelow() {
        let page = PageParser.parse("""
            清晨六点，拱宸桥西的老街
            已经热闹起来。修缮一新的青
            石板路两旁，早点铺冒着热气。
            （王 芳）

            修缮一新的青石板路两旁，早点铺冒着热气，几位老人坐在廊檐
            下下棋，游客举着手机拍个不停，老街又热闹了起来，人来人往

            本报记者 李明摄
            """)
        #expect(page.articles.count == 1)
        #expect(page.articles[0].blocks.last == .photo(caption: "修缮一新的青石板路两旁，早点铺冒着热气，几位老人坐在廊檐下下棋，游客举着手机拍个不停，老街又热闹了起来，人来人往", credit: "本报记者李明"))
    }

    /// A short heading between paragraphs of one story is a subhead.
    @Test func subheads() {
        let page = PageParser.parse("""
            把空间还给居民的城市更新
            本报记者 李 明
            近年来，不少城市利用边角
            地建设口袋公园，把桥下空间
            改成运动场。
            把时间留给生活
            健身不只是场地的事，更需
            要时间上的保障。
            """)
        #expect(page.articles.count == 1)
        #expect(page.articles[0].blocks.map(\.kind) == ["paragraph", "subhead", "paragraph"])
        #expect(page.articles[0].blocks[1] == .subhead("把时间留给生活"))
    }

    /// A dateline lead starts a story even without a headline before it.
    @Test func datelineStartsAStory() {
        let page = PageParser.parse("""
            老街换新颜
            清晨六点，拱宸桥西的老街
            已经热闹起来，游客不断。
            新华社北京10月19日电 记者
            从有关部门获悉，今年秋粮收
            购进展顺利。
            """)
        #expect(page.articles.count == 2)
        #expect(page.articles[1].dateline == "新华社北京10月19日")
        #expect(paragraphs(page.articles[1]).first?.hasPrefix("新华社北京10月19日电记者从有关部门获悉") == true)
    }

    /// A page whose layout the rules cannot read keeps every character, in order.
    @Test(arguments: 1...40)
    func unreadablePagesKeepTheirText(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let alphabet = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质政专非影教收海交往法")
        var text = ""
        for _ in 0..<rng.next(30) {
            let kind = rng.next(10)
            if kind == 0 { text += "\n"; continue }
            var line = ""
            for _ in 0..<(1 + rng.next(kind < 3 ? 40 : 16)) {
                line.append(alphabet[rng.next(alphabet.count)])
                switch rng.next(12) {
                case 0: line += "，"
                case 1: line += "。"
                case 2: line += " "
                case 3: line += "“"
                case 4: line += "”"
                default: break
                }
            }
            text += line + "\n"
        }
        let page = PageParser.parse(text)
        assertKeepsText(text, page)
    }
}

/// A small deterministic generator, so a failing case can be rerun.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E3779B97F4A7C15 }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }
}
