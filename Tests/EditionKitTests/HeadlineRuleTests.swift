import Testing
@testable import EditionKit

/// Headlines set as plain lines in the column: as long as a column line, or
/// right above a byline with no blank line, and the text around them that
/// must stay text.
@Suite struct HeadlineRuleTests {
    /// A line that ends a sentence inside it and leaves a clause open at
    /// its end is a paragraph's opening line, not a headline, even right
    /// above a byline (plain `pdftotext` printed the byline after it).
    @Test func aLineGoingOnPastASentenceEndIsNoHeadline() {
        let page = PageParser.parse("""
            6 经济 人民日报 2025年10月20日 星期一
            港口的新变化
            　　今年以来，港口吞吐量稳步上升，新开的航线也越来越多，货主
            们的选择更多了。建设过程中，改革故事不断发生，直指发展堵点难
            点，港口的面貌也一天天地变了。
            　　“现在通关更方便了。”江津区小南垭站，

            本报记者 王小明
            一批新能源汽车乘铁路专列出发，前往钦州港，再坐船到埃及。货运
            代理公司的负责人说，过去要在港口等上好几天，现在一天就能走完
            全部手续。
            """)
        #expect(page.articles.first?.title == "港口的新变化")
        #expect(!page.articles.contains { $0.title?.contains("现在通关") == true || $0.kicker?.contains("现在通关") == true }, "\(page.articles.map(\.title))")
    }

    func paragraphs(_ a: Article) -> [String] { a.blocks.compactMap { if case .paragraph(let t) = $0 { t } else { nil } } }
    func subheads(_ a: Article) -> [String] { a.blocks.compactMap { if case .subhead(let t) = $0 { t } else { nil } } }

    /// A story set in a 13-character column, long enough for the column
    /// measure to settle; its last line is short.
    static let opening = """
        城市图书馆延长开放时间
        本报记者 李 明
        暑期的图书馆座无虚席。
        记者走访发现，市图书馆自七
        月起延长开放时间至晚上九点
        并新开放了两个阅览室。图书
        馆负责人说，今年暑假到馆的
        读者比去年同期多了三成，其
        中中小学生占了一半以上，很
        多家长带着孩子一起来看书。
        为缓解座位紧张，图书馆
        还推出了线上预约服务，读者
        可以提前一天在手机上选座，
        到馆后扫码入座，不用排队等
        候，读者好评如潮。
        """

    /// `pdftotext -raw` style (no blank lines, first lines two characters
    /// short): a 12-character headline in a 13-character column, with no
    /// byline under it, after a story that ended. Whether it heads a story or
    /// a section of this one is the assembler's call; it is no paragraph.
    @Test func aHeadlineAsWideAsTheColumnIsNotAParagraph() {
        let page = PageParser.parse(Self.opening + "\n" + """
            河畔夜市亮起灯串引来游人
            夜幕降临，河畔夜市亮起
            灯串。烤串、凉粉、冰汤圆的
            香气混在一起。
            """)
        let headings = page.articles.compactMap(\.title) + page.articles.flatMap(subheads)
        #expect(headings.contains("河畔夜市亮起灯串引来游人"))
        #expect(page.articles.flatMap(paragraphs).last == "夜幕降临，河畔夜市亮起灯串。烤串、凉粉、冰汤圆的香气混在一起。")
        #expect(!page.articles.flatMap(paragraphs).joined().contains("游人"))
    }

    /// A subhead that wraps in the column keeps its short second line, which
    /// is followed by a paragraph's first line, not by the paragraph going on.
    @Test func aWrappedSubheadKeepsItsSecondLine() {
        let page = PageParser.parse(Self.opening + "\n" + """
            “两山绿币”让生态文明建
            设激励举措看得见摸得着
            正在这里办业务的村民牟
            国富，展示着手机银行里的
            “两山绿币”。
            """)
        #expect(page.articles.count == 1)
        #expect(subheads(page.articles[0]) == ["“两山绿币”让生态文明建设激励举措看得见摸得着"])
        #expect(paragraphs(page.articles[0]).count == 3)
        #expect(paragraphs(page.articles[0]).last == "正在这里办业务的村民牟国富，展示着手机银行里的“两山绿币”。")
    }

    /// A paragraph may open with a line ending on a colon before what it
    /// announces: it stays text, however full that line.
    @Test func aFullLineEndingOnAColonStaysText() {
        let page = PageParser.parse(Self.opening + "\n" + """
            图书馆负责人介绍了三项措施：
            一是延长开放时间到晚上
            九点，二是增加阅览座位。
            """)
        #expect(page.articles.count == 1 && subheads(page.articles[0]).isEmpty)
        #expect(paragraphs(page.articles[0]).last == "图书馆负责人介绍了三项措施：一是延长开放时间到晚上九点，二是增加阅览座位。")
    }

    /// A kicker right above its title and the byline under them, no blank
    /// lines: the kicker is as long as an indented first line and the title
    /// as short as a paragraph's last line, but nothing ends a sentence.
    @Test func aKickerAndTitleAboveABylineAreTheHeadline() {
        let page = PageParser.parse(Self.opening + "\n" + """
            深度观察·做好金融文章
            一片叶子富了一方百姓
            本报记者 吴秋余
            绿色发展是高质量发展的
            底色。发展绿色金融是践行生
            态文明思想的必然要求。
            """)
        #expect(page.articles.count == 2)
        let a = page.articles[1]
        #expect(a.title == "一片叶子富了一方百姓" && a.kicker == "深度观察·做好金融文章" && a.byline == "本报记者吴秋余")
        #expect(paragraphs(a) == ["绿色发展是高质量发展的底色。发展绿色金融是践行生态文明思想的必然要求。"])
    }

    /// A paragraph cut by a column break ends on a full line without a
    /// sentence end; a byline printed next to it does not make it a headline.
    @Test func aParagraphCutByAColumnBreakStaysText() {
        let page = PageParser.parse(Self.opening + "\n" + """
            读者服务也在改进，图书
            馆新开放了两个阅览室，并推
            本报记者 王 丹
            出预约服务，读者好评如潮。
            """)
        let text = page.articles.flatMap(paragraphs).joined()
        #expect(text.contains("读者服务也在改进，图书馆新开放了两个阅览室，并推"))
        #expect(page.articles.allSatisfy { $0.title?.contains("并推") != true })
    }

    /// A story that ends on a full line, then the next story's headline. CJK
    /// is set on a grid, so a CJK line more than an em over the measure
    /// (15 characters in a 13-character column) is no column line, even
    /// when it is not wide enough to be a box.
    @Test func aCJKLineOverTheMeasureIsNotColumnText() {
        let page = PageParser.parse(Self.opening + "\n" + """
            读者说，这样的服务让人
            感到温暖，图书馆的变化看得见
            摸得着，服务也越来越周到。
            第三届景德镇国际陶瓷博览会开幕
            开幕式上，千余家采购商和
            三十多个国家的知名品牌到会，
            展会将持续五天。
            """)
        #expect(page.articles.map(\.title) == ["城市图书馆延长开放时间", "第三届景德镇国际陶瓷博览会开幕"])
        #expect(paragraphs(page.articles[0]).last == "读者说，这样的服务让人感到温暖，图书馆的变化看得见摸得着，服务也越来越周到。")
    }

    /// A Chinese dateline lead opens a story: the line above it, even one as
    /// long as an indented first line, is not the start of its paragraph.
    @Test func aDatelineLeadIsNeverRunInto() {
        let page = PageParser.parse(Self.opening + "\n" + """
            读者说，这样的服务让人
            感到温暖，图书馆的变化看得见
            摸得着，服务也越来越周到。
            陶瓷博览会在景德镇开幕
            本报南昌10月19日电（记者王
            丹）第三届景德镇国际陶瓷博览
            会日前在江西省景德镇市开幕。
            """)
        #expect(page.articles.count == 2)
        let a = page.articles[1]
        #expect(a.title == "陶瓷博览会在景德镇开幕" && a.dateline == "本报南昌10月19日")
        #expect(paragraphs(a) == ["本报南昌10月19日电（记者王丹）第三届景德镇国际陶瓷博览会日前在江西省景德镇市开幕。"])
    }

    /// In a 10-character column a subhead's lines are as long as the
    /// column's, so it runs on from the paragraph above (which ended on a
    /// sentence end at a line end). A paragraph never ends without a
    /// sentence end: the lines after the last one, before the next
    /// paragraph's indented first line, are the subhead.
    @Test func aSubheadAsLongAsNarrowColumnLinesIsSplitOff() {
        let page = PageParser.parse(Self.narrowStory(closing: "写照。"))
        let a = page.articles[0]
        #expect(subheads(a) == ["老盛的“舍得”——“两山白茶贷”助力茶产业绿色环保发展"])
        #expect(paragraphs(a) == ["绿色发展是高质量发展的底色。发展绿色金融是践行生态文明思想、建设美丽中国的必然要求。",
                                  "一笔绿色贷款，带活一方经济，富了一方百姓，是我国绿色金融发展的生动写照。",
                                  "“茶圣陆羽在《茶经》中盛赞的湖州一带的茶叶便生长于此。”导游小金热情地向游客介绍。"])
    }

    /// A subhead after a paragraph whose short last line ended it, its
    /// first line as long as an indented first line: it reads like a
    /// paragraph, yet no sentence ends in it before the next paragraph starts.
    @Test func aSubheadThatLooksLikeAParagraphIsOne() {
        let page = PageParser.parse(Self.narrowStory(closing: "写照。\n富了一方。", kicker: "老盛“舍得”——"))
        #expect(subheads(page.articles[0]) == ["老盛“舍得”——“两山白茶贷”助力茶产业绿色环保发展"])
    }

    /// A story in 10-character columns whose second paragraph ends with
    /// `closing`, then a three-line subhead opening with `kicker`, and a
    /// paragraph.
    static func narrowStory(closing: String, kicker: String = "老盛的“舍得”——") -> String {
        """
        一片叶子富了一方百姓
        本报记者 吴秋余
        　　绿色发展是高质
        量发展的底色。发展绿
        色金融是践行生态文明
        思想、建设美丽中国的
        必然要求。
        　　一笔绿色贷款，
        带活一方经济，富了一
        方百姓，是我国绿色金
        融发展的生动\(closing)
        \(kicker)
        “两山白茶贷”助力茶
        产业绿色环保发展
        　　“茶圣陆羽在《
        茶经》中盛赞的湖州一
        带的茶叶便生长于此。
        ”导游小金热情地向游
        客介绍。
        """
    }

    /// One wide justification gap in a column line prints as a space between
    /// two CJK runs, like the clauses of a headline; mid-sentence it is not one.
    @Test func aJustificationGapMidSentenceIsNotAHeadline() {
        let page = PageParser.parse(Self.opening + "\n" + """
            展会期间将举办“世界市长
            对话 景德镇暨论坛”、产业
            招商大会等专题活动。
            """)
        #expect(page.articles.count == 1)
        #expect(paragraphs(page.articles[0]).last == "展会期间将举办“世界市长对话景德镇暨论坛”、产业招商大会等专题活动。")
    }

    /// A photo closes its story's block: a kicker and title right after its
    /// caption head the next story, even with no byline under them.
    @Test func aHeadingAfterAPhotoHeadsTheNextStory() {
        let page = PageParser.parse(Self.opening + "\n" + """
            读者在新开放的阅览室里安静地读书，座无虚席。 本报记者 李 明摄
            记者手记
            用好公共文化空间
            图书馆延长开放时间，是
            一件看得见的实事。服务的改进
            离不开读者的意见。
            """)
        #expect(page.articles.map(\.title) == ["城市图书馆延长开放时间", "用好公共文化空间"])
        #expect(page.articles.last?.kicker == "记者手记")
        #expect(paragraphs(page.articles[1]) == ["图书馆延长开放时间，是一件看得见的实事。服务的改进离不开读者的意见。"])
    }

    /// An indented first line whose closing quote hangs past the column
    /// (kinsoku) is one em over the indent band; after a paragraph that ended
    /// on a full line, it still starts a paragraph (`pdftotext -raw` prints
    /// no indent).
    @Test func aFirstLineWithAHangingMarkStartsAParagraph() {
        let page = PageParser.parse(Self.narrowStory(closing: "写照。") + """

            　　中国人民银行发
            布的数据显示，截至二季
            度末，绿色贷款余额达
            42.4万亿元，比年初增长
            14.4%，绿色金融势头发
            展良好，增速平稳向好。
            绿色金融，“绿色”
            是标准、是方向，“金
            融”是手段、是支撑。
            """)
        let paras = paragraphs(page.articles[0])
        #expect(paras.suffix(2) == ["中国人民银行发布的数据显示，截至二季度末，绿色贷款余额达42.4万亿元，比年初增长14.4%，绿色金融势头发展良好，增速平稳向好。",
                                    "绿色金融，“绿色”是标准、是方向，“金融”是手段、是支撑。"])
    }
}

/// Headline roles and the page-wide assignment, each on text of our own.
@Suite struct HeadlineAssignmentTests {
    func paragraphs(_ a: Article) -> [String] { a.blocks.compactMap { if case .paragraph(let t) = $0 { t } else { nil } } }

    @Test func aWrappedTitleIsOneTitle() {
        #expect(HeadlineParts(lines: ["全省农村公路今年新建改建里程创五年来新", "高"]).title == "全省农村公路今年新建改建里程创五年来新高")
        // A kicker is a phrase of its own: it ends on a mark, or is short.
        #expect(HeadlineParts(lines: ["全省农村公路今年新建改建里程创新高，", "路通了"]).kicker == "全省农村公路今年新建改建里程创新高，")
    }

    @Test func aSeriesLabelIsTheKicker() {
        let p = HeadlineParts(lines: ["乡村振兴·一线见闻", "山里的合作社开进了城市超市"])
        #expect(p.kicker == "乡村振兴·一线见闻" && p.title == "山里的合作社开进了城市超市")
    }

    /// Two phrases of the same short length are one title set in parallel
    /// halves, not a kicker over a title; a column's label over a title of
    /// its length stays the kicker.
    @Test func twoParallelPhrasesAreOneTitle() {
        let p = HeadlineParts(lines: ["乡村振兴", "产业兴旺"])
        #expect(p.kicker == nil && p.title == "乡村振兴 产业兴旺" && p.subtitle == nil)
        let label = HeadlineParts(lines: ["记者手记", "山村新事"])
        #expect(label.kicker == "记者手记" && label.title == "山村新事")
        let kicker = HeadlineParts(lines: ["深入基层采访", "小村大变"])
        #expect(kicker.kicker == "深入基层采访" && kicker.title == "小村大变")
    }

    /// A longer first line is a kicker over its title, unless it is two
    /// clauses parted by a space (titles are set in clauses; a kicker is one
    /// phrase, or a series label): then it is the title over its subtitle.
    @Test func aLongerLineOfTwoClausesIsTheTitle() {
        let p = HeadlineParts(lines: ["老街夜市 五年来客流增长三成以上", "小摊位撑起大市场"])
        #expect(p.kicker == nil && p.title == "老街夜市 五年来客流增长三成以上" && p.subtitle == "小摊位撑起大市场")
        let k = HeadlineParts(lines: ["深入学习贯彻全民阅读工作推进会精神", "让书香飘满城乡"])
        #expect(k.kicker == "深入学习贯彻全民阅读工作推进会精神" && k.title == "让书香飘满城乡")
        let series = HeadlineParts(lines: ["深度观察·做好乡村阅读这篇文章", "一间书屋点亮一个村"])
        #expect(series.kicker == "深度观察·做好乡村阅读这篇文章")
    }

    /// A series label over a title as long as the column, right above a
    /// byline: the kicker and title of the story under the byline, not the
    /// end of the paragraph above (a column line is not opened by a label).
    @Test func aSeriesLabelOverAFullTitleAboveAByline() {
        let page = EditionKitTests.page([
            .line("农家书屋成了村里最热闹的地方"),
            .line("本报记者 王 芳"),
            .paragraph("今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番。"),
            .line("乡村振兴路上·一线新见闻"),
            .line("山里的合作社开进了城市的超市"),
            .line("本报记者 李 明"),
            .paragraph("山里的合作社今年把木耳和香菇卖进了城市的超市，社员的收入比去年多了三成。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["农家书屋成了村里最热闹的地方", "山里的合作社开进了城市的超市"], "\(a.map(\.title))")
        #expect(a.last?.kicker == "乡村振兴路上·一线新见闻" && a.last?.byline == "本报记者李明")
    }

    /// A note in brackets after a sentence end, wrapped over two lines,
    /// ends its story: the short label under it is the next story's kicker,
    /// not the note's tail.
    /// One body holding two stories parts where the text itself changes
    /// (TextTiling) when the headlines' words do not tell: the third
    /// paragraph names neither headline, but goes on with `李大爷` and his
    /// `孙子` from the paragraph before it; the fourth opens on other people.
    @Test func aBodyOfTwoStoriesPartsWhereItsTextChanges() {
        let blocks: [Block] = [
            .paragraph("全县新建农家书屋二十六家，藏书超过十万册，李大爷成了常客。"),
            .paragraph("李大爷说，冬闲时节他每天都来借书，还带着孙子一起读绘本。"),
            .paragraph("如今孙子放了学也拉着李大爷去借绘本，爷孙俩一坐就是半天。"),
            .paragraph("傍晚，王师傅推着小吃车来到路口，支起了摊子。"),
            .paragraph("负责人表示，夜市将每晚开放到十点，周末还有民俗表演。"),
        ]
        let first = StoryAssembler.keys("农家书屋藏书过十万"), second = StoryAssembler.keys("老街夜市重新开张")
        #expect(HeadlineAssignment.splitPoint(blocks, first, second) == 3)
    }

    @Test func aWrappedNoteInBracketsEndsItsStory() {
        let page = EditionKitTests.page([
            .line("农家书屋藏书过十万"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番。"),
            .paragraph("书屋管理员说，冬闲时节来借书的村民最多，孩子们放学后也常来写作业。"),
            .line("（作者为县图书馆馆长，本报记"),
            .line("者王强、李明一同采访整理）"),
            .line("专家点评"),
            .line("阅读让乡村更有底气"),
            .line("张 华"),
            .paragraph("农家书屋建起来，更要用起来。让书屋成为村民愿意来、留得住的地方，需要持续用心。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["农家书屋藏书过十万", "阅读让乡村更有底气"], "\(a.map(\.title))")
        #expect(a.count == 2 && a[1].kicker == "专家点评")
        #expect(a.first?.blocks.last?.text?.hasSuffix("采访整理）") == true)
    }

    @Test func anEditorsSignatureEndsTheNote() {
        #expect(StoryMarks.isEditorsSignature(Array("——编 者".unicodeScalars)))
        #expect(!StoryMarks.isEditorsSignature(Array("——记山村教师".unicodeScalars)))
        let page = EditionKitTests.page([
            .line("书香满城"),
            .paragraph("编者按：全民阅读活动开展以来，各地涌现出许多动人的故事。本版今起推出系列报道，讲述书香里的城乡新变化。"),
            .line("——编 者"),
            .paragraph("今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番。"),
            .paragraph("书屋管理员说，冬闲时节来借书的村民最多，孩子们放学后也常来写作业、看绘本，书屋成了村里最热闹的地方。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["书香满城"])
        #expect(paragraphs(a[0]).first?.hasSuffix("城乡新变化。——编者") == true, "\(paragraphs(a[0]))")
        #expect(paragraphs(a[0]).count == 3)
    }

    /// An editor's text signed at its end (`…新变化。——编者`, no `编者按`
    /// label) is finished there: on a page drawn body first, the headline
    /// after it is its own, not a subhead of the next story.
    @Test func aSignedEditorsTextIsFinished() {
        #expect(StoryMarks.endsWithEditorsSignature(Array("讲述书香里的城乡新变化。——编者".unicodeScalars)))
        #expect(!StoryMarks.endsWithEditorsSignature(Array("他说——编者的话".unicodeScalars)))
        let page = EditionKitTests.page([
            .paragraph("全民阅读活动开展以来，各地涌现出许多动人的故事。本版今起推出系列报道，讲述书香里的城乡新变化。——编者"),
            .line("书香满城"),
            .paragraph("今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番。"),
            .paragraph("书屋管理员说，冬闲时节来借书的村民最多，书屋成了村里最热闹的地方。"),
            .line("农家书屋成了热闹地方"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["书香满城", "农家书屋成了热闹地方"], "\(a.map(\.title))")
        #expect(a.first.map(paragraphs)?.last?.hasSuffix("——编者") == true)
        #expect(!(a.last?.blocks.contains { if case .subhead = $0 { true } else { false } } ?? true))
    }

    /// Two stories in one body with no mark between: the first headline
    /// above it, the second (drawn body-first) below it. The second story
    /// starts where its headline's words begin.
    @Test func oneBodyClaimedFromBothSidesIsSplitWhereTheSecondHeadlineBegins() {
        let page = EditionKitTests.page([
            .line("农家书屋藏书过十万"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年多了一倍。"),
            .paragraph("书屋管理员说，冬闲时节来借书的村民最多，孩子们放学后也常来看书。"),
            .paragraph("县城老街的夜市上周重新开张，二十多个摊位卖起了小吃和手工艺品，吸引了不少游客。"),
            .paragraph("夜市负责人表示，老街夜市将每晚开放到十点，周末还有民俗表演。"),
            .line("老街夜市重新开张"),
            .line("本报记者 王 强"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["农家书屋藏书过十万", "老街夜市重新开张"], "\(a.map(\.title))")
        #expect(a.map(\.byline) == ["本报记者李明", "本报记者王强"])
        #expect(a.count == 2 && paragraphs(a[0]).count == 2 && paragraphs(a[1]).first?.hasPrefix("县城老街的夜市") == true,
                "\(a.map(paragraphs))")
    }

    /// Two titles side by side on one line: the left story's body was drawn
    /// before the line, the right one's after it. Each half shares its words
    /// with its own body.
    @Test func sideBySideTitlesSplitByTheirWords() {
        let page = EditionKitTests.page([
            .paragraph("全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番，书屋成了村里最热闹的地方。"),
            .line("（李明）"),
            .line("农家书屋成了热闹地方 老街夜市重新开张"),
            .paragraph("县城老街夜市上周重新开张，二十多个摊位卖起了小吃和手工艺品，吸引了不少游客前来。"),
            .paragraph("夜市负责人表示，老街夜市将每晚开放到十点，周末还有民俗表演。"),
            .line("（王强）"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["农家书屋成了热闹地方", "老街夜市重新开张"])
        #expect(a.map(\.byline) == ["李明", "王强"])
    }

    /// Two titles side by side, each wrapped once, read by rows (plain
    /// `pdftotext`): both first lines as one line, then the left title's
    /// tail, then the right one's. Each title is whole again, over its body.
    @Test func sideBySideWrappedTitlesReadByRows() {
        let page = EditionKitTests.page([
            .paragraph("全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番，书屋成了村里最热闹的地方。"),
            .line("（李明）"),
            .line("全县新建农家书屋二十六家藏书超过十万册的 县城老街夜市重新开张二十多个摊位卖起了"),
            .line("背后故事"),
            .line("小吃和手工艺品"),
            .paragraph("县城老街夜市上周重新开张，二十多个摊位卖起了小吃和手工艺品，吸引了不少游客前来。"),
            .line("（王强）"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["全县新建农家书屋二十六家藏书超过十万册的背后故事", "县城老街夜市重新开张二十多个摊位卖起了小吃和手工艺品"], "\(a.map(\.title))")
        #expect(a.map(\.byline) == ["李明", "王强"])
    }

    /// A photo-news box drawn body first (its text, its credit with the
    /// supplying agency, then a line of two titles and the right one's
    /// subtitle): the left title is the box's, the photo is the box's, the
    /// right title and its subtitle head the story after.
    @Test func aPhotoNewsBoxDrawnBodyFirstBesideAStory() throws {
        #expect(StoryMarks.credit(Array("康 岩 摄（新华社发）".unicodeScalars))?.credit == "康岩")
        let page = EditionKitTests.page([
            .paragraph("清晨，古城的城墙还笼在薄雾里，修缮工人已经在脚手架上忙碌，青砖一块块归位。"),
            .line("李 明 摄（新华社发）"),
            .line("“守住古城的每一块砖” 老街夜市 五年来客流增长三成"),
            .line("小摊位撑起大市场"),
            .paragraph("五年来，县城老街夜市客流增长三成，二十多个摊位卖起了小吃和手工艺品。"),
            .paragraph("夜市负责人表示，老街夜市将每晚开放到十点，周末还有民俗表演。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["“守住古城的每一块砖”", "老街夜市 五年来客流增长三成"], "\(a.map(\.title))")
        try #require(a.count == 2)
        #expect(a[0].blocks.contains { if case .photo(nil, "李明") = $0 { true } else { false } }, "\(a[0].blocks)")
        #expect(a[1].subtitle == "小摊位撑起大市场")
    }

    /// The same shapes with the box drawn headline-first (its title, its
    /// text, its credit) and one story's title of two clauses after it: the
    /// title's first clause names the story below (`老街夜市`, again and
    /// again in its body), so the line is that story's title, not the box's
    /// beside another.
    @Test func aTitleOfTwoClausesAfterABoxIsOneTitleWhenItsFirstClauseIsTheNextStorys() throws {
        let page = EditionKitTests.page([
            .line("“守住古城的每一块砖”"),
            .paragraph("清晨，古城的城墙还笼在薄雾里，修缮工人已经在脚手架上忙碌，青砖一块块归位。"),
            .line("李 明 摄"),
            .line("老街夜市 五年来客流增长三成"),
            .line("小摊位撑起大市场"),
            .paragraph("五年来，县城老街夜市客流增长三成，老街夜市二十多个摊位卖起了小吃和手工艺品。"),
            .paragraph("老街夜市负责人表示，夜市将每晚开放到十点，周末还有民俗表演。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(!a.contains { $0.title == "老街夜市" || $0.kicker == "老街夜市" }, "\(a.map(\.title))")
        let story = try #require(a.last)
        #expect([story.kicker, story.title].contains("老街夜市 五年来客流增长三成"), "\(a.map(\.title))")
        #expect(story.blocks.contains { if case .paragraph(let t) = $0 { t.hasPrefix("五年来，县城老街夜市") } else { false } })
    }

    /// A story signed at its head, then a heading whose section closes
    /// under a bracketed byline of someone else: that section is a story of
    /// its own (a first-person piece set beside the report), not a subhead.
    /// A subhead's section signs nothing.
    @Test func aSectionSignedByAnotherNameIsAStoryOfItsOwn() {
        let page = EditionKitTests.page([
            .line("农家书屋成了村里最热闹的地方"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番。"),
            .line("冬闲时节最热闹"),
            .paragraph("冬闲时节来借书的村民最多，书屋管理员说，很多人一坐就是一下午。"),
            .line("管理员的心里话"),
            .paragraph("每到周末，书屋里坐满了来看书的孩子，我心里特别高兴，再忙再累也值得。（王小红）"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["农家书屋成了村里最热闹的地方", "管理员的心里话"], "\(a.map(\.title))")
        #expect(a.map(\.byline) == ["本报记者李明", "王小红"])
        #expect(a.first?.blocks.contains(.subhead("冬闲时节最热闹")) == true, "\(a.first?.blocks ?? [])")
    }

    /// At the top of the page body, a kicker and a title as long as column
    /// lines right above a byline are the headline (nothing above them could
    /// have been cut by a column break).
    @Test func aHeadlineAtThePageTopAsLongAsColumnLines() {
        let page = EditionKitTests.page([
            .line("乡村振兴·一线见闻"),
            .line("山里的合作社开进了城市的超市"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年多了一倍。"),
            .paragraph("书屋管理员说，冬闲时节来借书的村民最多，孩子们放学后也常来看书。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["山里的合作社开进了城市的超市"] && a.first?.kicker == "乡村振兴·一线见闻", "\(a.map(\.title))")
    }

    /// Plain `pdftotext` prints a column the reading order left unfinished
    /// (`…居民的出行和购物都方便了` cut mid-sentence), a blank line, and then
    /// another story's headline above its one-line first paragraph. What
    /// follows a column break carries on a paragraph only in a paragraph's
    /// lines: a quote and a date, ending open and short, are a headline;
    /// a heading after a sentence left unfinished is no crosshead of the
    /// story above (crossheads stand between paragraphs), and a line opening
    /// on a date is the subtitle, not the title.
    @Test func aHeadlineAfterAColumnLeftMidSentenceStartsAStory() throws {
        let page = EditionKitTests.page([
            .line("回望五年，看老城新变化"),
            .line("本报记者 李 明"),
            .paragraph("城市更新取得新成效，老街区的青石板路修好了，沿街的老房子也换上了新的门窗。今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部，新建停车位两千多个，居民的出行和购物都方便了"),
            .line(""),
            .line("“要把老街区留给老街坊们”"),
            .line("2024年5月"),
            .paragraph("一句话，点明了方向。"),
            .paragraph("“要把老街区留给居民，让城市更新既有速度又有温度”，市里的负责人这样说。改造中，街道先问居民要什么，再定改什么，一户一策。"),
            .paragraph("老街区的小店也回来了，修鞋铺、裁缝铺、早点铺一家挨着一家，街坊们说，熟悉的烟火气又回来了。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["回望五年，看老城新变化", "“要把老街区留给老街坊们”"], "\(a.map(\.title))")
        let second = try #require(a.last)
        #expect(second.subtitle == "2024年5月" && second.kicker == nil)
        #expect(paragraphs(second).first == "一句话，点明了方向。")
        #expect(!a[0].blocks.contains { if case .subhead = $0 { true } else { false } })
    }

    /// Plain `pdftotext` prints a headline longer than the column as a
    /// block of its own, between blank lines, and may go on with a column
    /// of another story's text (a full line, no paragraph start). The
    /// headline is not that text's first line: CJK column lines keep to
    /// the grid, and a paragraph's first line is short.
    @Test func aLineLongerThanTheColumnAloneBetweenBlankLinesIsAHeading() throws {
        let page = EditionKitTests.page([
            .line("回望五年，看老城新变化"),
            .line("本报记者 李 明"),
            .paragraph("城市更新取得新成效，老街区的青石板路修好了，沿街的老房子也换上了新的门窗。"),
            .paragraph("今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部。"),
            .line(""),
            .line("“守护好老街坊留给我们的烟火气”"),
            .line(""),
            .line("区的小店也回来了，修鞋铺、裁"),
            .line("缝铺、早点铺一家挨着一家，街"),
            .line("坊们说，熟悉的烟火气又回来了。"),
        ])
        let a = PageParser.parse(page).articles
        let blocks = a.flatMap(\.blocks)
        #expect(blocks.contains { if case .subhead("“守护好老街坊留给我们的烟火气”") = $0 { true } else { false } }
                || a.contains { $0.title == "“守护好老街坊留给我们的烟火气”" }, "\(blocks)")
        #expect(paragraphs(try #require(a.last)).last == "区的小店也回来了，修鞋铺、裁缝铺、早点铺一家挨着一家，街坊们说，熟悉的烟火气又回来了。")
    }

    /// Two headlines set side by side, each a kicker, a title and a
    /// subtitle, read row by row (plain `pdftotext`, a block a line):
    /// kickers, titles, then the subtitles (here the right one first). Each row's lines go one to
    /// each story, by the words each body shares; the left story's body
    /// follows, the right one's opens later under its own byline.
    @Test func sideBySideHeadlinesReadByRowsAreTwoHeadlines() throws {
        let page = EditionKitTests.page([
            .line("“城市更新”看民生"),
            .line(""),
            .line("“城市更新”看街巷"),
            .line(""),
            .line("一条老街找回烟火气"),
            .line(""),
            .line("一座小区装上新电梯"),
            .line("全市今年为老旧小区加装电梯三百多部，居民上下楼不再难"),
            .line(""),
            .line("老街区的修鞋铺、裁缝铺重新开张，街坊们说烟火气又回来了"),
            .line("本报记者"),
            .paragraph("清晨的老街上，修鞋铺、裁缝铺、早点铺一家挨着一家开了门，老街坊们说，熟悉的烟火气又回来了。"),
            .paragraph("老街改造时，街道先问居民要什么，再定改什么，青石板路修好了，老房子也换上了新门窗。"),
            .line("本报记者 李 明"),
            .paragraph("家住六楼的王大爷终于不用爬楼了。今年，他所在的老旧小区装上了新电梯，全市已为三百多个小区加装电梯。"),
            .paragraph("小区加装电梯，难在协调。社区干部一户一户上门商量，居民们最终签字同意。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["一条老街找回烟火气", "一座小区装上新电梯"], "\(a.map(\.title))")
        try #require(a.count == 2)
        #expect(a[0].kicker == "“城市更新”看民生" && a[0].subtitle == "老街区的修鞋铺、裁缝铺重新开张，街坊们说烟火气又回来了")
        #expect(a[1].kicker == "“城市更新”看街巷" && a[1].subtitle == "全市今年为老旧小区加装电梯三百多部，居民上下楼不再难")
        #expect(paragraphs(a[1]).first?.hasPrefix("家住六楼的王大爷") == true && a[1].byline == "本报记者李明")
    }

    /// The same after a column left mid-sentence, when the headline is a
    /// block of its own and the text after it carries on yet another
    /// column (a full line, no paragraph start): a short line that stops on
    /// a character is no paragraph's last line.
    @Test func aShortBlockAfterAColumnLeftMidSentenceIsAHeadline() throws {
        let page = EditionKitTests.page([
            .line("回望五年，看老城新变化"),
            .line("本报记者 李 明"),
            .paragraph("城市更新取得新成效，老街区的青石板路修好了，沿街的老房子也换上了新的门窗。今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部，新建停车位两千多个，居民的出行和购物都方便了"),
            .line(""),
            .line("老街坊的新日子"),
            .line(""),
            .line("区的小店也回来了，修鞋铺、裁"),
            .line("缝铺、早点铺一家挨着一家，街"),
            .line("坊们说，熟悉的烟火气又回来了。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["回望五年，看老城新变化", "老街坊的新日子"], "\(a.map(\.title))")
        #expect(paragraphs(a[0]).last?.hasSuffix("居民的出行和购物都方便了") == true)
        // Whatever follows the block: here a photo's caption, wider than the column.
        let captioned = page.replacingOccurrences(of: "区的小店也回来了，修鞋铺、裁\n", with: "清晨，老街上的早点铺排起了长队，街坊们说烟火气又回来了。　本报记者 王 明摄\n\n")
        #expect(!PageParser.parse(captioned).articles.flatMap { paragraphs($0) }.contains { $0.contains("老街坊的新日子") })
    }

    /// Side-by-side headlines read by rows (plain `pdftotext`): the left
    /// story's kicker, then the right story's title (on the kicker's row),
    /// then the left title. The right title is taken from the middle and
    /// goes to the body ahead, opening under a byline of its own, that
    /// shares its words — past another byline-headed body that does not.
    @Test func aTitleReadBetweenAnotherStorysKickerAndTitle() throws {
        let page = EditionKitTests.page([
            .line("乡村振兴·一线见闻"),
            .line(""),
            .line("“把合作社办到农民心坎上”"),
            .line(""),
            .line("山里的茶叶走出了大山"),
            .line("本报记者 李 明"),
            .paragraph("清明前后，山里的茶园里满是采茶的村民。今年，村里的茶叶第一次卖到了省城的超市。"),
            .paragraph("茶叶走出大山，靠的是一条新修的公路和一家茶厂。村民说，茶叶的价钱比去年高了三成。"),
            .line("本报记者 张 华"),
            .paragraph("茶厂的师傅说，山里的茶叶好，关键在炒茶的火候，厂里请来了老师傅带徒弟。"),
            .line("王 观"),
            .paragraph("合作社成立那年，只有十几户农民入社。如今，合作社有社员三百多户，农民在家门口就能卖粮。"),
            .paragraph("合作社的理事长说，办合作社就要把农民放在心上，账目每月公开，分红一分不少。"),
        ])
        let a = PageParser.parse(page).articles
        let tea = try #require(a.first { $0.title == "山里的茶叶走出了大山" }, "\(a.map(\.title))")
        #expect(tea.kicker == "乡村振兴·一线见闻" && tea.subtitle == nil)
        let coop = try #require(a.first { $0.title == "“把合作社办到农民心坎上”" }, "\(a.map(\.title))")
        #expect(paragraphs(coop).first?.hasPrefix("合作社成立那年") == true && coop.byline == "王观")
    }

    /// Read by rows, the right story's title may come first, above the
    /// left story's title and its dated subtitle; its body lies ahead,
    /// opening with a dateline lead.
    @Test func aTitleReadAboveAnotherStorysTitleGoesToItsBodyAhead() throws {
        let page = EditionKitTests.page([
            .line("“书香满城”全民阅读活动在江城启动"),
            .line(""),
            .line("“让每一个村庄都有一间好书屋”"),
            .line("2025年9月"),
            .line(""),
            .paragraph("全县新建农家书屋二十六家，藏书超过十万册，村民借阅人次比去年翻了一番，每个村庄都有了书屋。"),
            .paragraph("书屋管理员说，冬闲时节来借书的村民最多，孩子们放学后也常来看书。"),
            .paragraph("本报江城10月19日电　“书香满城”全民阅读活动19日在江城启动，全民阅读活动将持续到年底，全城设立阅读点一百个。"),
            .paragraph("活动期间，江城各图书馆延长开放时间，书店推出优惠，全民阅读走进社区和学校。"),
        ])
        let a = PageParser.parse(page).articles
        let village = try #require(a.first { $0.title == "“让每一个村庄都有一间好书屋”" }, "\(a.map(\.title))")
        #expect(village.subtitle == "2025年9月" && village.kicker == nil && paragraphs(village).first?.hasPrefix("全县新建农家书屋") == true)
        let city = try #require(a.first { $0.title == "“书香满城”全民阅读活动在江城启动" }, "\(a.map(\.title))")
        #expect(city.dateline != nil && city.kicker == nil)
    }

    /// A photo set inside a story cuts a paragraph mid-sentence (plain
    /// `pdftotext` prints the caption where the column breaks): the
    /// paragraph goes on after the photo, whatever the shape of its tail.
    @Test func aParagraphCutByAPhotoGoesOnAfterIt() throws {
        let page = EditionKitTests.page([
            .line("一户家庭开启智能新生活"),
            .line("本报记者 李 明"),
            .paragraph("装修那半年，为了买到心仪的家电，她和丈夫每周末都在跑各种商场。越来越多消费者和他们一样，愿意购"),
            .line(""),
            .line("洗碗机在厨房洗着碗，洗衣机在阳台洗衣服，扫地机器人在面前扫着地……家务变轻松，幸福感满满。"),
            .line("本报记者 王 明摄"),
            .line(""),
            .line("买价格相对更高的新产品。"),
            .paragraph("智能家居的好体验，还促使夫妻俩把汽车换了新，有任何问题，呼叫语音助手就能得到答案。"),
        ])
        let a = try #require(PageParser.parse(page).articles.first)
        #expect(paragraphs(a).first == "装修那半年，为了买到心仪的家电，她和丈夫每周末都在跑各种商场。越来越多消费者和他们一样，愿意购买价格相对更高的新产品。", "\(paragraphs(a))")
    }

    /// A column's label set apart as a block of its own (`编辑手记`, plain
    /// `pdftotext`) is a kicker: the line under it is the title, though it
    /// measures like a paragraph's first line, when the paragraph's own
    /// first line follows it.
    @Test func aLabelSetApartStandsOverItsTitle() throws {
        let page = EditionKitTests.page([
            .line("老街换新颜"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部。"),
            .line("（王忠云）"),
            .line(""),
            .line("编辑手记"),
            .line(""),
            .line("群众的评价是褒奖也是鞭策"),
            .paragraph("“好政策让人心里温暖。”王忠云的这句话，是褒奖也是鞭策。不垫资、少跑腿，切实减轻就医负担。"),
        ])
        let a = PageParser.parse(page).articles
        let note = try #require(a.first { $0.title == "群众的评价是褒奖也是鞭策" }, "\(a.map { ($0.kicker, $0.title) })")
        #expect(note.kicker == "编辑手记" && paragraphs(note).first?.hasPrefix("“好政策让人心里温暖。”") == true)
        // The paragraph's first line full because its quote mark sits in the
        // indent: still the paragraph's start under the title.
        let quoted = EditionKitTests.page([
            .line("老街换新颜"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部。"),
            .line("（王忠云）"),
            .line("编辑手记"),
            .line("群众的评价是褒奖也是鞭策"),
            .line("“好政策让人心里温暖。”王忠"),
            .line("云的这句话，是褒奖也是鞭策。"),
        ])
        let b = PageParser.parse(quoted).articles
        #expect(b.contains { $0.title == "群众的评价是褒奖也是鞭策" && $0.kicker == "编辑手记" }, "\(b.map { ($0.kicker, $0.title) })")
        // Or full because a closing mark hangs past its end (`国家队，也能“省里办”`).
        let hung = EditionKitTests.page([
            .paragraph("今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部，新建停车位两千多个。（孙秀艳）"),
            .line("微观"),
            .line("国家队也能“省里办”"),
            .line("国家队，也能“省里办”"),
            .line("？前不久印发的管理办法新增"),
            .line("国家队委托承办类型，今年三"),
            .line("月，两个项目已经试点。"),
            .paragraph("此前，国家队的建设大多以各项目中心为主体，委托承办后，国家队的组建可以交给地方。"),
        ], width: 12)
        let c = PageParser.parse(hung).articles
        #expect(c.contains { $0.title == "国家队也能“省里办”" && $0.kicker == "微观" }, "\(c.map { ($0.kicker, $0.title) })")
    }

    /// A story never opens mid-sentence: a headline whose next text is a
    /// paragraph going on from a column printed elsewhere (a full first
    /// line, plain `pdftotext`; here signed by the other story's writer)
    /// heads the first body after it that opens as a story does.
    @Test func aHeadlineHeadsTheFirstBodyThatOpensAsAStory() throws {
        let page = EditionKitTests.page([
            .line("老街换新颜"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部，新建停车位两千多个，居民的出行和购"),
            .line(""),
            .line("好政策让人心里温暖"),
            .line(""),
            .line("物都方便了，街坊们都说这几年"),
            .line("的变化看得见、摸得着。"),
            .line("（陶多多）"),
            .line(""),
            .paragraph("为人父母，最挂心的就是孩子的健康。好政策让人心里温暖，孩子的病有了医保，我们的心也安了。"),
            .line("（王忠云）"),
        ])
        let a = PageParser.parse(page).articles
        let warm = try #require(a.first { $0.title == "好政策让人心里温暖" }, "\(a.map(\.title))")
        #expect(paragraphs(warm).first?.hasPrefix("为人父母") == true && warm.byline == "王忠云", "\(paragraphs(warm))")
        // The same when a stray name stands over the text going on (a
        // body a byline alone opened still opens mid-sentence).
        let named = page.replacingOccurrences(of: "\n物都方便了", with: "\n田先进\n物都方便了")
        let b = PageParser.parse(named).articles
        let warm2 = try #require(b.first { $0.title == "好政策让人心里温暖" }, "\(b.map(\.title))")
        #expect(paragraphs(warm2).first?.hasPrefix("为人父母") == true, "\(paragraphs(warm2))")
    }

    /// A body with no headline that opens mid-sentence (a full first line)
    /// goes on the paragraph an earlier story left unfinished, the one
    /// whose last paragraph shares its words: plain `pdftotext` prints the
    /// rest of a column after another story.
    @Test func aBodyOpeningMidSentenceGoesOnTheParagraphLeftUnfinished() throws {
        let page = EditionKitTests.page([
            .line("一户家庭的消费账单"),
            .line("本报记者 李 明"),
            .paragraph("消费观最大的转变是对新能源汽车。以前持观望态度，担忧新能源汽车的续航里程和安全性，也担忧它的保值率太低，换车"),
            .line(""),
            .line("一项改革带来就医新变化"),
            .line("本报记者 王 观"),
            .paragraph("几年前，女儿被确诊患病，一家人的生活被打破。异地就医直接结算让看病更方便了。"),
            .line("（王忠云）"),
            .line(""),
            .line("不划算；如今，亲身感受了新能源"),
            .line("汽车的好处，忍不住要推荐别人。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.count == 2, "\(a.map(\.title))")
        let car = try #require(a.first { $0.title == "一户家庭的消费账单" })
        #expect(paragraphs(car).last == "消费观最大的转变是对新能源汽车。以前持观望态度，担忧新能源汽车的续航里程和安全性，也担忧它的保值率太低，换车不划算；如今，亲身感受了新能源汽车的好处，忍不住要推荐别人。", "\(paragraphs(car))")
        // The same when the text going on stands under a byline alone (the
        // headline's byline, printed by the extractor in the column).
        let under = EditionKitTests.page([
            .line("一户家庭的消费账单"),
            .paragraph("消费观最大的转变是对新能源汽车。以前持观望态度，担忧新能源汽车的续航里程和安全性，也担忧它的保值率太低，换车"),
            .line(""),
            .line("本报记者 王 观"),
            .line("不划算；如今，亲身感受了新能源"),
            .line("汽车的好处，忍不住要推荐别人。"),
        ])
        let b = PageParser.parse(under).articles
        #expect(b.count == 1 && b.first?.byline == "本报记者王观", "\(b.map { ($0.title, $0.byline) })")
        #expect(b.first.map(paragraphs)?.last?.hasSuffix("换车不划算；如今，亲身感受了新能源汽车的好处，忍不住要推荐别人。") == true)
    }

    /// A heading over a paragraph that ends under a photo's bare credit is a
    /// photo-news box's headline, a story of its own, though set in another
    /// story's column with nothing else to part them.
    @Test func aHeadingOverABoxEndingInABareCreditIsItsHeadline() throws {
        let page = EditionKitTests.page([
            .line("老街换新颜"),
            .line("本报记者 李 明"),
            .paragraph("今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部。"),
            .paragraph("老街区的小店也回来了，修鞋铺、裁缝铺、早点铺一家挨着一家。"),
            .line("“守护好前人留给我们的财富”"),
            .paragraph("清晨5点，古城尚未完全苏醒，老醋坊的师傅们已经开始酿制手工醋，醋香飘满了整条街。"),
            .line("康 岩摄"),
        ])
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["老街换新颜", "“守护好前人留给我们的财富”"], "\(a.map(\.title))")
        #expect(!a[0].blocks.contains { if case .subhead = $0 { true } else { false } })
        #expect(a.last?.blocks.contains { if case .photo(nil, "康岩") = $0 { true } else { false } } == true, "\(a.last?.blocks ?? [])")
    }

    /// A story drawn body first, its headline under it, right over the next
    /// story's headline, subtitle and byline: the lines are two headlines
    /// stacked, the upper heading the body before it (it repeats its words)
    /// and the lower, with the byline, the body after.
    @Test func aBodyFirstHeadlineStackedOverTheNextStorysHeadline() throws {
        let page = EditionKitTests.page([
            .paragraph("新华社北京10月19日电　国家主席习近平就日本前首相村山富市逝世向日本首相石破茂致唁电，对村山富市逝世表示哀悼，向遗属表示慰问。"),
            .paragraph("习近平指出，村山先生是日本富有正义感的政治家，也是中国人民的老朋友。"),
            .line("习近平就日本前首相村山富市逝世向日本首相石破茂致唁电"),
            .line("“推进中华民族共同体建设”"),
            .line("2025年9月 听取新疆维吾尔自治区党委和政府工作汇报"),
            .line("本报记者 刘博通"),
            .paragraph("铸牢中华民族共同体意识是新时代党的民族工作的主线，也是民族地区各项工作的主线。"),
            .paragraph("金秋时节，新疆乌鲁木齐市天山区固原巷社区的一场百家宴正式开席，各族群众相互问候。"),
        ], width: 15)
        let a = PageParser.parse(page).articles
        let first = try #require(a.first { $0.title == "习近平就日本前首相村山富市逝世向日本首相石破茂致唁电" }, "\(a.map { ($0.kicker, $0.title) })")
        #expect(first.kicker == nil && paragraphs(first).first?.hasPrefix("新华社北京10月19日电") == true)
        let second = try #require(a.first { $0.title == "“推进中华民族共同体建设”" }, "\(a.map { ($0.kicker, $0.title) })")
        #expect(second.kicker == nil && second.byline == "本报记者刘博通" && paragraphs(second).first?.hasPrefix("铸牢中华民族") == true)
    }

    /// After a story its closing byline finished, two headline lines: the
    /// first is that story's (drawn body first), the second the next
    /// story's, on less shared wording than two unmarked bodies would need.
    @Test func twoHeadlinesAfterAStoryClosedByItsByline() throws {
        let page = EditionKitTests.page([
            .paragraph("“多少年没坐过绿皮车了？！”最近，笔者乘坐高铁列车出行，身旁的大叔发出这样的感慨。生活中的无形之变，得益于发展的大步向前，人们对自信有了更深的体会。（李洪兴）"),
            .line("从“多少年”感悟自信"),
            .line("集采药，拼质量才能护健康"),
            .paragraph("第十一批国家组织药品集中采购将于近期开标。前不久，国家医保局明确，此次集采将遵循稳临床、保质量的原则，直指仿制药领域的内卷问题。"),
            .paragraph("作为医疗保障领域改革中的重要一环，国家组织药品集采已开展十批，有效降低了药品价格。"),
        ], width: 19)
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["从“多少年”感悟自信", "集采药，拼质量才能护健康"], "\(a.map { ($0.kicker, $0.title, $0.subtitle) })")
        #expect(a.first?.byline == "李洪兴")
    }

    /// The same in a narrow column, the next story's title as wide as the
    /// column: after the closing byline, the first line stands over another
    /// headline's line (a full line that ends no sentence, over a paragraph's
    /// indented start), not over text.
    @Test func twoHeadlinesAfterAClosedStoryInANarrowColumn() throws {
        let page = EditionKitTests.page([
            .paragraph("“多少年没坐过绿皮车了？！”最近，笔者乘坐高铁列车出行，身旁的大叔发出这样的感慨。生活中的无形之变，得益于发展的大步向前，人们对自信有了更深的体会。（李洪兴）"),
            .line("从“多少年”感悟自信"),
            .line(""),
            .line("集采药，拼质量才能护健康"),
            .paragraph("第十一批国家组织药品集中采购将于近期开标。前不久，国家医保局明确，此次集采将遵循稳临床、保质量的原则，直指仿制药领域的内卷问题。"),
            .paragraph("作为医疗保障领域改革中的重要一环，国家组织药品集采已开展十批，有效降低了药品价格。"),
        ], width: 12)
        let a = PageParser.parse(page).articles
        #expect(a.map(\.title) == ["从“多少年”感悟自信", "集采药，拼质量才能护健康"], "\(a.map { ($0.kicker, $0.title, $0.subtitle) })")
        #expect(a.last.map(paragraphs)?.first?.hasPrefix("第十一批") == true)
    }

    /// A story drawn body first, its headline and byline under it, then the
    /// next story's headline: a heading right under a byline is a headline
    /// (a crosshead stands between paragraphs), not a section of a story.
    @Test func aHeadingRightUnderAnotherHeadlinesBylineIsAHeadline() throws {
        let page = EditionKitTests.page([
            .paragraph("几年前，女儿被确诊患病，一家人的生活被打破。异地就医直接结算让看病更方便了，报销也不用再来回跑。"),
            .line("一项改革带来就医新变化"),
            .line("本报记者 田先进"),
            .line("最大变化是消费观念的改变"),
            .paragraph("回顾这几年的消费账单，最大的变化不是花了多少，而是消费观念的改变。学生时代不舍得办会员，现在信息服务成为每月固定支出。"),
        ], width: 19)
        let a = PageParser.parse(page).articles
        #expect(a.contains { $0.title == "最大变化是消费观念的改变" }, "\(a.map { ($0.title, $0.blocks.count) })")
        #expect(!a.flatMap(\.blocks).contains { if case .subhead = $0 { true } else { false } })
    }
}
