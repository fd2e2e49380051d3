/// Parses the text of one printed page into a `Page`.
///
/// The pass is linear: put side-by-side columns in reading order (text from
/// `pdftotext -layout`, `LayoutColumns`), split into lines, undo faux bold, read the folio and
/// staff lines, group the body lines into units (`LineFlow`), then assemble
/// units into articles (`StoryAssembler`). Nothing is dropped: a unit no rule
/// recognises stays a paragraph.
public enum PageParser {
    public static func parse(_ text: String, source: String = "", fallbackNumber: Int? = nil) -> Page {
        var lines = splitLines(LayoutColumns.linearize(text) ?? text)
        var folio = FolioReader()
        let headerCount = folio.readHeader(lines)
        lines.removeFirst(headerCount)
        // Staff lines printed anywhere else (often at the foot) leave the flow.
        folio.takeStaffLines(&lines)
        if let first = lines.firstIndex(where: { !$0.isBlank }) { lines[first].blankBefore = true }
        var flow = LineFlow(lines: lines)
        let assembler = StoryAssembler(units: flow.units())
        var page = folio.page
        page.source = source
        if page.number == nil { page.number = fallbackNumber }
        page.articles = assembler.articles(page: page.idPrefix)
        return page
    }

    /// Lines with trailing spaces trimmed, faux-bold doubling undone, and a
    /// line printed twice in a row (whole-line faux bold) kept once.
    static func splitLines(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var cur: [Unicode.Scalar] = []
        var number = 0
        var blank = true
        var previous: [Unicode.Scalar] = []
        var hasControl = false
        // MuPDF splits a widely justified Latin line at its word gaps, ending
        // each piece with a space (`months ` / `on ` / `Sunday, ` / `carrying `
        // / `forty`): a line that ends so goes on in the next.
        var runsOn: [Bool] = []
        func emit() {
            number += 1
            let endsInSpace = cur.last == " "
            while let l = cur.last, l.isSpaceLike { cur.removeLast() }
            // Controls other than tab cannot be shown; they are not text.
            if hasControl {
                cur.removeAll { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F || $0 == "\u{FEFF}" }
                hasControl = false
            }
            if cur.allSatisfy(\.isSpaceLike) {
                blank = true
            } else {
                let line = FauxBold.undouble(cur) ?? cur
                if !(line == previous && line.count >= 4) {
                    out.append(SourceLine(number: number, raw: line, blankBefore: blank))
                    runsOn.append(endsInSpace && line.last.map { $0.value < 0x250 } == true)
                    previous = line
                }
                blank = false
            }
            cur.removeAll(keepingCapacity: true)
        }
        var afterCR = false
        for s in text.unicodeScalars {
            if s == "\n" {
                if !afterCR { emit() }
                afterCR = false
            } else if s == "\r" {
                emit()
                afterCR = true
            } else {
                afterCR = false
                if s.value < 0x20 && s != "\t" || s.value == 0x7F || s == "\u{FEFF}" { hasControl = true }
                // `⋯` (the midline ellipsis) is what some CID fonts' maps give
                // for the Chinese ellipsis `…` (MuPDF reading Adobe-GB1 type):
                // in a newspaper's text it is always that mark.
                cur.append(s == "\u{22EF}" ? "\u{2026}" : s)
            }
        }
        if !cur.isEmpty { emit() }
        /// Lines an extractor cut from one printed line, one again (the cuts
        /// kept as spaces), numbered and spaced as the first.
        func oneLine(_ run: ArraySlice<SourceLine>) -> SourceLine {
            var raw = run[run.startIndex].raw
            for l in run.dropFirst() { raw += [" "] + l.raw }
            return SourceLine(number: run[run.startIndex].number, raw: raw, blankBefore: run[run.startIndex].blankBefore)
        }
        // Faux bold over two lines: the extractor prints the pair twice,
        // alternating (`A` / `B` / `A` / `B`); the second pair goes.
        func repeatsPair(_ k: Int) -> Bool {
            k >= 2 && k + 1 < out.count && out[k].raw.count >= 4 && out[k + 1].raw.count >= 4
                && out[k].raw == out[k - 2].raw && out[k + 1].raw == out[k - 1].raw
        }
        if out.count >= 4, out.indices.contains(where: repeatsPair) {
            var kept: [SourceLine] = []
            var keptRunsOn: [Bool] = []
            var k = 0
            while k < out.count {
                let n = kept.count
                if k + 1 < out.count, n >= 2, out[k].raw.count >= 4, out[k + 1].raw.count >= 4,
                   out[k].raw == kept[n - 2].raw, out[k + 1].raw == kept[n - 1].raw {
                    k += 2
                    continue
                }
                kept.append(out[k])
                keptRunsOn.append(runsOn[k])
                k += 1
            }
            if kept.count != out.count { out = kept; runsOn = keptRunsOn }
        }
        // Rejoin the pieces of a split Latin line (no blank line between).
        if runsOn.contains(true) {
            var joined: [SourceLine] = []
            var joins = false
            for (k, l) in out.enumerated() {
                if joins, !l.blankBefore, let first = l.raw.first, first.value < 0x250, let prev = joined.last {
                    joined[joined.count - 1] = SourceLine(number: prev.number, raw: prev.raw + [" "] + l.raw, blankBefore: prev.blankBefore)
                } else {
                    joined.append(l)
                }
                joins = runsOn[k]
            }
            out = joined
        }
        // MuPDF also cuts a widely justified line of a narrow Latin column
        // into its words, one a line (`ues` / `to` / `rise,` / `passing`),
        // with nothing at the line ends to tell: a run of two or more
        // one-word Latin lines, no blank line between, is one printed line.
        // (A headline's or a byline's one-word line stands alone, under a
        // line of several words.)
        func oneLatinWord(_ l: SourceLine) -> Bool {
            guard let f = l.raw.first, f.value < 0x250, !l.raw.contains(where: \.isSpaceLike) else { return false }
            return l.raw.allSatisfy { $0.value < 0x2000 }
        }
        if out.count > 1, out.indices.dropFirst().contains(where: { !out[$0].blankBefore && oneLatinWord(out[$0]) && oneLatinWord(out[$0 - 1]) }) {
            var joined: [SourceLine] = []
            var k = 0
            while k < out.count {
                var end = k + 1
                if oneLatinWord(out[k]) {
                    while end < out.count, !out[end].blankBefore, oneLatinWord(out[end]) { end += 1 }
                }
                // (Running text has lower case: `D1` / `SPORTS` is a folio stack;
                // a dateline's place in capitals ends on its comma, `UNITED` /
                // `STATES,`, where no folio field does.)
                if end - k >= 2, out[k..<end].contains(where: { $0.raw.contains(where: \.isLowercaseLatin) }) || out[end - 1].raw.last == "," {
                    joined.append(oneLine(out[k..<end]))
                } else {
                    joined.append(out[k])
                    end = k + 1
                }
                k = end
            }
            out = joined
        }
        // Plain `pdftotext` cuts a spaced-out CJK line at its gaps, a piece a
        // line with blank lines between (`徐` / `靖`, `——编` / `者`), and a
        // byline into its role and its name (`本报记者` / `刘诗瑶`): pieces of
        // one or two ideographs in a row are one line again, their gaps
        // kept as spaces; a reporter role alone takes the name under it.
        // (Only where two short lines meet: most pages have none.)
        if out.count > 1, out.indices.dropFirst().contains(where: { out[$0].raw.count <= 12 && out[$0 - 1].raw.count <= 12 }) {
            func piece(_ l: SourceLine) -> Bool {
                guard l.raw.count <= 6 else { return false }
                let letters = l.raw.filter { !$0.isSpaceLike && $0 != "—" }
                return (1...2).contains(letters.count) && letters.allSatisfy(\.isIdeographic)
            }
            func roleAlone(_ l: SourceLine) -> Bool {
                guard l.raw.count <= 10, let last = l.raw.last, "者员生人稿".unicodeScalars.contains(last) else { return false }
                let t = l.raw.trimmed
                return t.count <= 8 && StoryMarks.reporterRoles.contains { t.string.hasSuffix($0) && $0.count >= 2 }
                    && t.allSatisfy(\.isIdeographic)
            }
            var joined: [SourceLine] = []
            var k = 0
            while k < out.count {
                var end = k + 1
                if piece(out[k]) { while end < out.count, piece(out[end]) { end += 1 } }
                if end - k >= 2 {
                    joined.append(oneLine(out[k..<end]))
                } else if roleAlone(out[k]), k + 1 < out.count, StoryMarks.plainName(out[k + 1]) != nil || piece(out[k + 1]) {
                    // (The role's indent and the name's padding go: one byline line.)
                    joined.append(SourceLine(number: out[k].number, raw: out[k].raw.trimmed + [" "] + out[k + 1].raw.trimmed, blankBefore: out[k].blankBefore))
                    end = k + 2
                } else {
                    joined.append(out[k])
                    end = k + 1
                }
                k = end
            }
            out = joined
        }
        // Blank lines are kept as markers only: the next line records them.
        var withBlanks: [SourceLine] = []
        withBlanks.reserveCapacity(out.count * 2)
        for l in out {
            if l.blankBefore, !withBlanks.isEmpty {
                withBlanks.append(SourceLine(number: l.number - 1, raw: [], blankBefore: false))
            }
            withBlanks.append(l)
        }
        return withBlanks
    }
}

extension PageParser {
    /// How the rules read a page, one unit a line: line numbers, measure,
    /// what the unit was taken for. For `folio explain`, to see why a page
    /// parsed as it did.
    public static func explain(_ text: String) -> String {
        var lines = splitLines(LayoutColumns.linearize(text) ?? text)
        var folio = FolioReader()
        let headerCount = folio.readHeader(lines)
        var out = "folio: \(lines.prefix(headerCount).filter { !$0.isBlank }.map { $0.raw.string }.joined(separator: " | "))\n"
        lines.removeFirst(headerCount)
        folio.takeStaffLines(&lines)
        var flow = LineFlow(lines: lines)
        for u in flow.units() {
            let first = u.lines.first!.number, last = u.lines.last!.number
            var tags: [String] = []
            switch u.kind {
            case .text: tags.append(u.headingLike ? "heading" : "text")
            case .byline(let b): tags.append("byline(\(b))")
            case .name(let n): tags.append("name(\(n))")
            case .closing(let c): tags.append("closing(\(c))")
            case .credit(let c): tags.append("credit(\(c))")
            case .jump(let j): tags.append("jump(\(j))")
            }
            if u.wide { tags.append("wide") }
            if let c = u.credit { tags.append("credit=\(c)") }
            if let c = u.closing { tags.append("closing=\(c)") }
            if let l = u.lead { tags.append("lead=\(l.dateline)") }
            let ems = u.lines.map { String(Int($0.em * 2)) }.joined(separator: ",")
            let text = u.kind == .text ? u.text.string : u.lines.map { $0.raw.string }.joined(separator: " ")
            // The measure to a tenth of an em (Latin widths make long fractions).
            out += "\(first)-\(last) m=\((u.measure * 10).rounded() / 10) [\(ems)/2] \(tags.joined(separator: " ")): \(text.prefix(40))\n"
        }
        return out
    }
}
