import Testing
@testable import EditionKit

/// Rules that read one line: faux bold, justification spaces, joining.
@Suite struct LineRuleTests {
    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func fauxBoldRunsAreUndoubled() {
        #expect(FauxBold.undouble(scalars("热情服务群众热情服务群众。。张荣张荣 摄摄"))?.string == "热情服务群众。张荣 摄")
        #expect(FauxBold.undouble(scalars("标题标题"))?.string == "标题")
    }

    @Test(arguments: ["谢谢", "……", "好好学习天天向上", "天天", "——————", "2020 2020", "在政务服务中心行政审批窗口"])
    func ordinaryTextIsNotUndoubled(_ line: String) {
        #expect(FauxBold.undouble(scalars(line)) == nil)
    }

    /// Some CID fonts' maps give the midline ellipsis `⋯` for the Chinese
    /// ellipsis: it reads as `…` (the text printed).
    /// A space between two CJK runs parts a headline's clauses, unless a
    /// run is one character: a headline's clause never is, and plain
    /// `pdftotext` leaves such gaps in a justified column line.
    @Test func aSpaceBeforeOneCharacterIsJustificationNotAClauseBreak() {
        func clause(_ s: String) -> Bool { SourceLine(number: 1, raw: scalars(s), blankBefore: false).hasClauseSpace }
        #expect(clause("中国人保 五年来累计赔付支出超1.7万亿元") && clause("中国科技 活力奔涌"))
        #expect(!clause("是日本富有 正义感的政 治") && !clause("家，也是中 国人民的老 朋") && !clause("好 政策让人心里温暖"))
    }

    @Test func theMidlineEllipsisIsTheEllipsis() {
        #expect(PageParser.splitLines("标准就一条：“智能化”⋯⋯扫地机器人\n").map { $0.raw.string } == ["标准就一条：“智能化”……扫地机器人"])
    }

    @Test func wholeLinePrintedTwiceIsKeptOnce() {
        let lines = PageParser.splitLines("标题一行在这里\n标题一行在这里\n正文")
        #expect(lines.map { $0.raw.string } == ["标题一行在这里", "正文"])
    }

    @Test func aLatinLineMuPDFSplitAtItsWordGapsIsOneLineAgain() {
        let lines = PageParser.splitLines("outer islands made its first crossing in three\nmonths \non \nSunday, \ncarrying \nforty\n\npassengers, two pickup trucks\n")
        #expect(lines.filter { !$0.isBlank }.map { $0.raw.string } == [
            "outer islands made its first crossing in three", "months on Sunday, carrying forty", "passengers, two pickup trucks"])
        // A CJK line ending in a space is left alone, and a blank line still parts lines.
        #expect(PageParser.splitLines("本报记者 吴秋余 \n绿色发展\n").count == 2)
        #expect(PageParser.splitLines("months \n\non\n").filter { !$0.isBlank }.count == 2)
    }

    @Test func justificationSpacesGo() {
        let l = SourceLine(number: 1, raw: scalars("在 手 机 上 就 可 以 办 理 ，确 实 是 高 效 、快"), blankBefore: false)
        #expect(l.text.string == "在手机上就可以办理，确实是高效、快")
        #expect(l.stretched)
        #expect(SourceLine(number: 1, raw: scalars("6月 19日上午，在 5G 、 FCBGA 高端"), blankBefore: false).text.string == "6月19日上午，在5G、FCBGA高端")
    }

    @Test func aJustifiedTwoEmDashIsOneMark() {
        let l = SourceLine(number: 1, raw: scalars("东 拉 毛 回 了 趟 家 — — 青 海 省"), blankBefore: false)
        #expect(l.text.string == "东拉毛回了趟家——青海省")
        #expect(SourceLine(number: 1, raw: scalars("说 … … 好"), blankBefore: false).text.string == "说……好")
        // Between words, a dash keeps its spaces.
        #expect(SourceLine(number: 1, raw: scalars("Maine — The city"), blankBefore: false).text.string == "Maine — The city")
    }

    @Test func spacedOutLettersAndFiguresJoin() {
        // MuPDF spaces out every character of a stretched line, figures too.
        #expect(SourceLine(number: 1, raw: scalars("后 推 出 M S 8 0 0 0 、"), blankBefore: false).text.string == "后推出MS8000、")
        #expect(SourceLine(number: 1, raw: scalars("产 5 G 、 F C B G A 高 端"), blankBefore: false).text.string == "产5G、FCBGA高端")
        // Words stay words, and a line of Latin text is left alone.
        #expect(SourceLine(number: 1, raw: scalars("使 用 Open AI 技 术"), blankBefore: false).text.string == "使用Open AI技术")
        #expect(SourceLine(number: 1, raw: scalars("Plan B A team"), blankBefore: false).text.string == "Plan B A team")
    }

    @Test func wordSpacesStay() {
        let l = SourceLine(number: 1, raw: scalars("PORTLAND, Maine — The city  opened"), blankBefore: false)
        #expect(l.text.string == "PORTLAND, Maine — The city opened")
        #expect(!l.stretched)
    }

    @Test func headlineClausesAreNotStretching() {
        let l = SourceLine(number: 1, raw: scalars("奏响夏夜“平安曲” 当好城市“守护人” 巡逻遇落石阻路 民警及时清除"), blankBefore: false)
        #expect(!l.stretched)
        #expect(l.spaced.string == "奏响夏夜“平安曲” 当好城市“守护人” 巡逻遇落石阻路 民警及时清除")
    }

    @Test func emsCountCJKAsOneAndLatinAsHalf() {
        #expect(SourceLine(number: 1, raw: scalars("6月19日"), blankBefore: false).em == 3.5)
        #expect(SourceLine(number: 1, raw: scalars("　　两个全角空格缩进"), blankBefore: false).indented)
    }

    @Test func sentenceEnds() {
        #expect(scalars("说道。").endsSentence)
        #expect(scalars("真是太贴心了！”").endsSentence)
        #expect(scalars("十多家。（王芳参与采写）").endsSentence)
        #expect(!scalars("莫让实习生权益保护成“死角”").endsSentence)
        #expect(!scalars("用真心、爱心，").endsSentence)
    }

    @Test func cjkLinesJoinWithoutSpaces() {
        let j = TextJoiner(lines: [])
        #expect(j.join([scalars("公安政务服务窗口是服务群众的前沿"), scalars("阵地，是树立")]).string == "公安政务服务窗口是服务群众的前沿阵地，是树立")
        #expect(j.join([scalars("芯片设计"), scalars("ASIC设计")]).string == "芯片设计ASIC设计")
        #expect(j.join([scalars("the city"), scalars("opened")]).string == "the city opened")
    }

    @Test func hyphenationIsUndoneButRealHyphensStay() {
        let lines = [scalars("putting infor-"), scalars("mation online, a well-"), scalars("known program, and a"), scalars("self-"), scalars("made plan")]
        let j = TextJoiner(lines: lines)
        #expect(j.join(Array(lines[0...1])).string == "putting information online, a well-")
        #expect(j.join(Array(lines[1...2])).string == "mation online, a well-known program, and a")
        #expect(j.join(Array(lines[3...4])).string == "self-made plan")
    }

    @Test func thePageIsTheDictionaryForHyphens() {
        // `co-operate` printed whole elsewhere keeps the hyphen; `re-` + `port`
        // with `report` elsewhere loses it.
        let lines = [scalars("they co-operate"), scalars("we co-"), scalars("operate"), scalars("the report"), scalars("a re-"), scalars("port")]
        let j = TextJoiner(lines: lines)
        #expect(j.join(Array(lines[1...2])).string == "we co-operate")
        #expect(j.join(Array(lines[4...5])).string == "a report")
    }
}
