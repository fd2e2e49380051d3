import Testing
@testable import EditionKit

/// Bylines, datelines, credits and jump lines.
@Suite struct StoryMarkTests {
    func line(_ s: String) -> SourceLine { SourceLine(number: 1, raw: Array(s.unicodeScalars), blankBefore: false) }
    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test(arguments: [("本报记者 向子丰 胡笑源", "本报记者向子丰胡笑源"), ("本报记者 乔 栋 曹继炜", "本报记者乔栋曹继炜"),
                      ("新华社记者 王 明", "新华社记者王明"), ("本报记者王丹", "本报记者王丹"), ("记者 李 明", "记者李明"),
                      ("By JANE DOE", "JANE DOE"), ("By Jane Doe and John Roe", "Jane Doe and John Roe")])
    func topBylines(_ text: String, _ expected: String) {
        #expect(StoryMarks.topByline(line(text)) == expected)
    }

    @Test(arguments: ["记者在某实习招聘软件", "实习生议价能力弱、维权意", "记者手记", "记者以一名正在找实习", "By the way, it rained."])
    func bodyLinesAreNotBylines(_ text: String) {
        #expect(StoryMarks.topByline(line(text)) == nil)
    }

    @Test func plainNames() {
        for name in ["任仲平", "孙秀艳", "王观", "欧阳明", "司马光明"] { #expect(StoryMarks.plainName(line(name)) == name, "\(name)") }
        // Not a surname first, too long, punctuated, or a compound surname alone.
        for other in ["微观", "纵横", "记者手记", "王明说。", "李明华国", "欧阳", "推动技术迭代"] { #expect(StoryMarks.plainName(line(other)) == nil, "\(other)") }
    }

    /// A title, then a name on its own line, then the body: the name is the byline.
    @Test func aNameUnderATitleIsItsByline() {
        let page = PageParser.parse("""
            9 文化 光明时报 2026年3月2日 星期一
            把书香送进每个村庄
            任晓明
            今年以来，全县新建农家书屋二十六家，藏书超过十万册，村民
            借阅人次比去年翻了一番。
            """)
        #expect(page.articles.map(\.title) == ["把书香送进每个村庄"])
        #expect(page.articles.first?.byline == "任晓明" && page.articles.first?.kicker == nil)
    }

    /// Plain `pdftotext` prints a spaced-out line a piece a line.
    @Test func piecesOfASpacedLineAreOneLine() {
        let lines = PageParser.splitLines("徐\n\n靖\n正文第一段。\n——编\n\n者\n正文第二段。\n本报记者\n\n刘诗瑶\n")
        #expect(lines.filter { !$0.isBlank }.map { $0.raw.string } == ["徐 靖", "正文第一段。", "——编 者", "正文第二段。", "本报记者 刘诗瑶"])
        #expect(StoryMarks.topByline(SourceLine(number: 1, raw: Array("本报记者 刘诗瑶".unicodeScalars), blankBefore: true)) == "本报记者刘诗瑶")
    }

    /// Names run together after an agency and a role are still a byline.
    @Test func runTogetherNamesAreABylineStill() {
        #expect(StoryMarks.topByline(SourceLine(number: 1, raw: Array("本报记者 李心萍郑智文".unicodeScalars), blankBefore: true)) == "本报记者李心萍郑智文")
        // Run-together names open with a surname: a column line that starts
        // with the paper's role is text (`…，本报记者` / `深入基层采访干部`).
        #expect(StoryMarks.topByline(line("本报记者深入基层采访干部")) == nil)
        #expect(StoryMarks.topByline(SourceLine(number: 1, raw: Array("记者 李心萍郑智文张明".unicodeScalars), blankBefore: true)) == nil)
    }

    /// A paper's role alone (`本报记者`, its names printed elsewhere by plain
    /// `pdftotext`) starts a byline: it is not a headline's last words.
    @Test func aPapersRoleAloneIsAByline() throws {
        #expect(StoryMarks.topByline(line("本报记者")) == "本报记者")
        #expect(StoryMarks.topByline(line("记者")) == nil)
        let page = EditionKitTests.page([
            .line("老街换新颜"),
            .line("城市更新让居民生活更方便"),
            .line("本报记者"),
            .paragraph("今年以来，全市改造老旧小区一百二十个，惠及居民四万多户，加装电梯三百多部。"),
            .paragraph("老街区的小店也回来了，修鞋铺、裁缝铺、早点铺一家挨着一家。"),
        ])
        let a = try #require(PageParser.parse(page).articles.first)
        #expect(a.title == "城市更新让居民生活更方便" && a.kicker == "老街换新颜" && a.subtitle == nil, "\(a)")
        #expect(a.byline == "本报记者")
    }

    /// One ideograph alone between blank lines next to a byline is a stray
    /// piece of a spaced name (plain `pdftotext` cuts `本报记者 程 龙 潘俊强`
    /// into blocks), never a headline of one character.
    @Test func aStrayPieceOfANameIsNoHeadline() {
        let page = EditionKitTests.page([
            .line("蓝天成为常态"),
            .line("本报记者 程"),
            .paragraph("前些年，一见透亮的蓝天，人们都迫不及待地拍照片晒出来。现在司空见惯了，就不怎么晒了。"),
            .line(""),
            .line("龙"),
            .line(""),
            .line("本报记者 潘俊强"),
            .line(""),
            .paragraph("这场保卫战，北京是用绣花功夫打赢的，一项项举措精准发力，蓝天成为常态。"),
        ])
        let a = PageParser.parse(page).articles
        #expect(!a.contains { $0.title == "龙" || $0.kicker == "龙" }, "\(a.map { ($0.kicker, $0.title, $0.byline) })")
        #expect(a.contains { $0.byline?.contains("龙") == true })
    }

    /// Faux bold over two lines, printed as alternating pairs, is kept once.
    @Test func fauxBoldPairsAreKeptOnce() {
        let lines = PageParser.splitLines("本报讯 市图书馆今起延长\n开放时间至晚上九点。\n本报讯 市图书馆今起延长\n开放时间至晚上九点。\n正文第一段在这里。\n")
        #expect(lines.filter { !$0.isBlank }.map { $0.raw.string } == ["本报讯 市图书馆今起延长", "开放时间至晚上九点。", "正文第一段在这里。"])
    }

    @Test func paddedNames() {
        #expect(StoryMarks.paddedName(line("王 观")) == "王观")
        #expect(StoryMarks.paddedName(line("王观")) == nil)
        #expect(StoryMarks.paddedName(line("推动技术迭代")) == nil)
    }

    @Test func closingMarks() {
        #expect(StoryMarks.trailingClosing(scalars("度。 （张荣）"))?.mark == .byline("张荣"))
        #expect(StoryMarks.trailingClosing(scalars("…电话。（本报德国法兰克福10月19日电）"))?.mark == .dateline("本报德国法兰克福10月19日"))
        #expect(StoryMarks.trailingClosing(scalars("三十多家。（王芳参与采写）")) == nil)
        #expect(StoryMarks.trailingClosing(scalars("他说（大意）")) == nil)
        // After a note in brackets that closed the text, the byline closes it too.
        #expect(StoryMarks.trailingClosing(scalars("老师，本报记者曹继炜采访整理）（赵佳洁）"))?.mark == .byline("赵佳洁"))
    }

    @Test func datelineLeads() {
        let a = StoryMarks.lead(scalars("本报南昌10月19日电（记者王丹）2025年中国景德镇"), spacedStart: scalars("本 报 南 昌 10 月 19 日 电"))
        #expect(a?.dateline == "本报南昌10月19日" && a?.reporter == "记者王丹")
        let b = StoryMarks.lead(scalars("经棚讯前不久，赤峰市"), spacedStart: scalars("经棚讯 前不久，赤峰市克什克腾旗公安"))
        #expect(b?.dateline == "经棚" && b?.reporter == nil)
        #expect(StoryMarks.lead(scalars("新华社北京10月19日电10月19日，全国"), spacedStart: scalars("新华社北京10月19日"))?.dateline == "新华社北京10月19日")
        #expect(StoryMarks.lead(scalars("通讯员说"), spacedStart: scalars("通讯员说")) == nil)
        #expect(StoryMarks.lead(scalars("电视台报道，"), spacedStart: scalars("电视台报道，")) == nil)
        #expect(StoryMarks.lead(scalars("PORTLAND, Maine — The city"), spacedStart: scalars("PORTLAND, Maine — The city"))?.dateline == "PORTLAND, Maine")
    }

    @Test func credits() {
        #expect(StoryMarks.credit(scalars("热情服务群众。张荣 摄"))! == (scalars("热情服务群众。"), "张荣"))
        #expect(StoryMarks.credit(scalars("阵。 本报记者 乔 栋摄"))! == (scalars("阵。"), "本报记者乔栋"))
        #expect(StoryMarks.credit(scalars("本报记者 吴秋余摄"))!.credit == "本报记者吴秋余")
        #expect(StoryMarks.credit(scalars("Volunteers sort tools. Photo: John Roe"))!.credit == "John Roe")
        #expect(StoryMarks.credit(scalars("他用手机拍摄")) == nil)
        #expect(StoryMarks.credit(scalars("，航拍摄")) == nil)
    }

    @Test func jumps() {
        #expect(StoryMarks.isJump(scalars("Continued on Page B5")))
        #expect(StoryMarks.isJump(scalars("（下转第5版）")))
        #expect(!StoryMarks.isJump(scalars("Continued efforts paid off.")))
    }

    @Test func headlineParts() {
        #expect(HeadlineParts(lines: ["诚信“进”窗口 走“新”更走“心”", "鄂尔多斯市达拉特旗公安局守信践诺奋力谱写政务服务新篇章"])
                == HeadlineParts(kicker: nil, title: "诚信“进”窗口 走“新”更走“心”", subtitle: "鄂尔多斯市达拉特旗公安局守信践诺奋力谱写政务服务新篇章"))
        #expect(HeadlineParts(lines: ["记者手记", "用金融之手“贷”动绿色发展"]).kicker == "记者手记")
        #expect(HeadlineParts(lines: ["深入学习贯彻习近平总书记在全球妇女峰会上的主旨讲话精神", "推动新时代新征程妇女事业高质量发展"]).title == "推动新时代新征程妇女事业高质量发展")
        #expect(HeadlineParts(lines: ["让城市的“慢”与“快”各得其所", "——写在全民健身日到来之际"]).subtitle == "——写在全民健身日到来之际")
        #expect(HeadlineParts(lines: ["引题", "主题", "副题"]) == HeadlineParts(kicker: "引题", title: "主题", subtitle: "副题"))
        // A title that wraps with an open quote is one title.
        #expect(HeadlineParts(lines: ["第二届新时代青年“重走", "长征路”徒步活动启动"]).title == "第二届新时代青年“重走长征路”徒步活动启动")
        #expect(HeadlineParts(lines: ["Tool Library Opens Its Doors", "In Old Fire Station", "Residents borrow drills and more"])
                == HeadlineParts(kicker: nil, title: "Tool Library Opens Its Doors In Old Fire Station", subtitle: "Residents borrow drills and more"))
        let four = ["奏响夏夜“平安曲”", "当好城市“守护人”", "巡逻遇落石阻路", "民警及时清除"]
        #expect(HeadlineParts.halvingPoint(four) == 2)  // 奏响夏夜“平安曲” 当好城市“守护人” | 巡逻遇落石阻路 民警及时清除
        #expect(HeadlineParts.halvingPoint(["诚信“进”窗口", "走“新”更走“心”"]) == nil)
    }
}

extension HeadlineParts {
    init(kicker: String?, title: String?, subtitle: String?) {
        self.init(lines: [])
        self.kicker = kicker
        self.title = title
        self.subtitle = subtitle
    }

}

/// Bylines the extractor printed in pieces.
@Suite struct ScatteredBylineTests {
    /// A byline cut after one character of a name, and an untitled body
    /// under a byline that opens on one character (plain `pdftotext` prints
    /// the pieces of `本报记者 周 华 本报记者 李小红` apart, where the story's
    /// next column begins): one byline, one story.
    @Test func aBylineCutIntoPiecesAroundAColumnIsOneStorysByline() throws {
        let page = PageParser.parse("""
            17

            人民日报
            2025年10月20日

            生态
            湖水清了

            本报记者

            周

            　　早些年，湖边到处是养殖的网箱，湖水一年比一年浑浊，鱼也越来越少。
            　　拆除网箱以后，渔民们上岸开起了农家乐，日子反倒过得更好了。
            　　如今，湖边的步道上每天都有散步的人，候鸟也回来了不少。

            华

            星期一

            本报记者

            李小红

            　　这些变化，当地人都看在眼里。老渔民王大伯说，现在的湖水能看见底了。
            　　今年夏天，湖里又发现了多年不见的野生鱼类，专家说这是水质变好的标志。
            """)
        #expect(page.articles.count == 1, "\(page.articles.map { ($0.title, $0.byline) })")
        let a = try #require(page.articles.first)
        #expect(a.title == "湖水清了" && a.byline == "本报记者周华李小红")
        #expect(a.blocks.first?.text?.hasPrefix("早些年") == true && a.blocks.last?.text?.hasSuffix("水质变好的标志。") == true)
    }

    /// A byline over a body with no headline, right after a story whose
    /// headline has no byline and whose words it shares: the story's byline,
    /// printed after its first column; the body is its next column, the
    /// paragraph cut there made whole. Another story under its own headline
    /// and byline stays apart.
    @Test func aBylinePrintedAfterTheFirstColumnIsTheStorysByline() throws {
        let page = PageParser.parse("""
            6 经济 人民日报 2025年10月20日 星期一
            “要守牢实体经济这个根基”
            2025年2月 听取省委和省政府工作汇报
            　　一句话，指明了方向。
            　　吉林市是一座因工业而兴的城市，老厂房里如今建起了新的生产
            线，机器人和无人车配合有序，钢铁企业的热轧效率提升了不少。吉
            林市的传统产业比重大，老企业数量多，帮助老企业焕发新生，对吉

            本报记者 李心萍
            林市的发展十分关键。
            　　锻长板，巩固优势产业领先地位。吉林市的钢铁企业近几年正经
            历从增量发展向存量优化的转变，老工业基地的新路越走越宽。

            春天的港口
            本报记者 王小明
            　　今年以来，港口吞吐量稳步上升，新开的航线也越来越多，货主
            们的选择更多了，码头上的集装箱堆得像小山一样。
            """)
        #expect(page.articles.map(\.title) == ["“要守牢实体经济这个根基”", "春天的港口"])
        let a = try #require(page.articles.first)
        #expect(a.byline == "本报记者李心萍" && page.articles.last?.byline == "本报记者王小明")
        #expect(a.blocks.compactMap(\.text).contains { $0.hasSuffix("对吉林市的发展十分关键。") }, "\(a.blocks)")
        #expect(a.blocks.last?.text?.hasPrefix("锻长板") == true)
    }

    /// A name alone between two lines of one sentence was set beside the
    /// column: the paragraph runs on through it, and the name is the one
    /// the paper's role printed alone above is missing.
    @Test func aNameAmidASentenceIsTheRolesName() throws {
        let page = PageParser.parse("""
            19 科技 人民日报 2025年10月20日 星期一
            企业创新显著提升
            本报记者
            　　投料机把原料投入窑炉中，加热到一千多摄氏度，熔化后的玻璃液
            经过澄清均化流入成型锡槽，精密展薄成型，一块块玻璃基板就这样
            下线了。
            　　构建显示面板所用的玻璃基板，除了表面平整洁净和

            谷业凯

            透明等要求外，也要有足够大的尺寸，要把基板玻璃做得又大又薄，
            难度超乎寻常。
            """)
        #expect(page.articles.count == 1, "\(page.articles.map { ($0.title, $0.byline) })")
        let a = try #require(page.articles.first)
        #expect(a.title == "企业创新显著提升" && a.byline == "本报记者谷业凯")
        #expect(a.blocks.last?.text == "构建显示面板所用的玻璃基板，除了表面平整洁净和透明等要求外，也要有足够大的尺寸，要把基板玻璃做得又大又薄，难度超乎寻常。")
    }
}
