/// One line of a page as the rules see it.
struct SourceLine {
    /// 1-based line number in the page text, for diagnostics.
    var number: Int
    /// The line as extracted (faux bold undone, trailing spaces trimmed).
    var raw: [Unicode.Scalar]
    /// The text with justification spaces removed: a space next to CJK text
    /// goes (`6月 19日` → `6月19日`), a space between words stays (`in the`).
    var text: [Unicode.Scalar]
    /// Printed extent in ems: a CJK character or full-width mark is one em,
    /// anything else half an em (in a proportional line, its typical width).
    /// Leading indentation is not counted.
    var em: Double
    /// Leading spaces the extractor printed, in ems.
    var indent: Double
    /// The extractor printed leading spaces (an explicit first-line indent).
    var indented: Bool { indent >= 1 }
    /// Justification stretched the line so far that the extractor spaced out
    /// its characters (`宏 泰 半 导 体`): such a line is full by construction.
    var stretched: Bool
    /// A space (not justification) parts two runs of CJK text, as between the
    /// clauses of a headline (`老街换新颜 居民笑开颜`). Body lines carry no such
    /// spaces unless stretched.
    var hasClauseSpace: Bool
    /// Set in proportional type: fewer than a third of its letters are on
    /// the ideographic grid (a line of Latin text). Its `em` is measured with
    /// typical proportional widths, not half an em a letter.
    var proportional: Bool
    /// A blank line came before this one.
    var blankBefore: Bool
    /// How many of `text`'s characters are wide (CJK), counted once here:
    /// the rules ask it of every line.
    var wideCount: Int

    init(number: Int, raw: [Unicode.Scalar], blankBefore: Bool) {
        self.number = number
        self.raw = raw
        self.blankBefore = blankBefore
        var lead = 0.0
        var k = 0
        while k < raw.count, raw[k].isSpaceLike {
            lead += raw[k].value == 0x3000 ? 1 : 0.5
            k += 1
        }
        indent = lead
        // One pass over the rest of the line: the text with justification
        // spaces removed and the ends trimmed, its extent, and the spaces.
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(raw.count - k)
        var extent = 0.0
        // Spaces with a wide character on both sides are justification spaces.
        var wideGaps = 0, tokens = 1, tokenLetters = 0, wideLetters = 0
        // Spaces between an ideograph and a Latin letter or figure: the
        // quarter em a typesetter puts around a Latin run in CJK text.
        var mixedGaps = 0
        var clause = false
        // The shortest run of letters between spaces: a headline's clause is
        // never one character (`是日本富有 正义感的政 治` is a justified line).
        var run = 0, shortestRun = Int.max
        var i = k
        while i < raw.count {
            let s = raw[i]
            guard s.isSpaceLike else {
                out.append(s)
                if s.isWide {
                    extent += 1
                    wideLetters += 1
                } else {
                    extent += 0.5
                }
                tokenLetters += 1
                run += 1
                i += 1
                continue
            }
            shortestRun = min(shortestRun, run)
            run = 0
            var j = i
            while j < raw.count, raw[j].isSpaceLike { j += 1 }
            // (i > k here: the line's first letter is at k.)
            let before = raw[i - 1]
            if j < raw.count {
                let after = raw[j]
                tokens += 1
                if before.isWide, after.isWide { wideGaps += 1 }
                if before.isIdeographic && after.isASCIIAlphanumeric || before.isASCIIAlphanumeric && after.isIdeographic { mixedGaps += 1 }
                // A word space stays between two letters that are not CJK.
                if let prev = out.last, Self.isWordSpace(between: prev, and: after) {
                    out.append(" ")
                    extent += 0.5
                }
            }
            // A space between two CJK runs parts the clauses of a headline.
            let after: Unicode.Scalar = j < raw.count ? raw[j] : " "
            if (before.isIdeographic || before == "”" || before == "’" || before == "》") && (after.isIdeographic || after == "“" || after == "‘" || after == "《") {
                clause = true
            }
            i = j
        }
        // Where the extractor spaced out a justified line's characters
        // (spaces between CJK characters), it spaced out its Latin letters
        // and figures too: `后 推 出 M S 8 0 0 0 、` is `后推出MS8000、`.
        if wideGaps > 0, out.count >= 3 {
            func single(_ k: Int) -> Bool {
                out[k].isASCIIAlphanumeric && (k == 0 || !out[k - 1].isASCIIAlphanumeric) && (k + 1 == out.count || !out[k + 1].isASCIIAlphanumeric)
            }
            var joined: [Unicode.Scalar] = []
            joined.reserveCapacity(out.count)
            for k in out.indices {
                if out[k] == " ", k > 0, k + 1 < out.count, single(k - 1), single(k + 1) {
                    extent -= 0.5
                } else {
                    joined.append(out[k])
                }
            }
            out = joined
        }
        text = out
        // (Spaced-out letters joined above lose only spaces, never a wide letter.)
        wideCount = wideLetters
        // A line of Latin text is measured with the widths of proportional
        // type (an `i` a quarter em, an `M` most of one), which the count of
        // letters alone misjudges by a fifth either way.
        proportional = tokenLetters > 0 && wideLetters * 3 < tokenLetters
        if proportional {
            extent = 0
            for s in out { extent += s.isWide ? 1 : Self.latinWidth(s) }
        }
        stretched = wideGaps >= 4 && Double(tokenLetters) / Double(tokens) <= 3
        if !proportional && !stretched { extent += 0.25 * Double(mixedGaps) }
        em = extent
        hasClauseSpace = clause && !stretched && min(shortestRun, run) >= 2
    }

    /// Widths in ems of the printable ASCII characters (U+0020–U+007E), the
    /// mean of Times and Helvetica: what a line of Latin text measures in
    /// the type it is most likely set in.
    static let asciiWidths: [Double] = [
        0.26, 0.31, 0.38, 0.53, 0.53, 0.86, 0.72, 0.19, 0.33, 0.33, 0.44, 0.57, 0.26, 0.33, 0.26, 0.28,
        0.53, 0.53, 0.53, 0.53, 0.53, 0.53, 0.53, 0.53, 0.53, 0.53, 0.28, 0.28, 0.57, 0.57, 0.57, 0.50,
        0.97, 0.69, 0.67, 0.69, 0.72, 0.64, 0.58, 0.75, 0.72, 0.31, 0.44, 0.69, 0.58, 0.86, 0.72, 0.75,
        0.61, 0.75, 0.69, 0.61, 0.61, 0.72, 0.69, 0.94, 0.69, 0.69, 0.61, 0.31, 0.28, 0.31, 0.47, 0.53,
        0.33, 0.50, 0.53, 0.47, 0.53, 0.50, 0.31, 0.53, 0.53, 0.25, 0.25, 0.50, 0.25, 0.81, 0.53, 0.53,
        0.53, 0.53, 0.33, 0.44, 0.28, 0.53, 0.50, 0.72, 0.50, 0.50, 0.47, 0.41, 0.23, 0.41, 0.56,
    ]

    /// The width of a Latin character in proportional type; half an em for
    /// what the table does not know.
    static func latinWidth(_ s: Unicode.Scalar) -> Double {
        let v = Int(s.value)
        return v >= 0x20 && v < 0x7F ? asciiWidths[v - 0x20] : 0.5
    }

    /// A space between `prev` and `next` separates words: neither side is
    /// CJK, and they are not the two halves of a two-em dash or ellipsis
    /// (`— —`, `… …`), which justification spaces out like CJK text.
    static func isWordSpace(between prev: Unicode.Scalar, and next: Unicode.Scalar) -> Bool {
        if prev.isCJK || next.isCJK { return false }
        if prev == next, prev == "—" || prev == "―" || prev == "…" { return false }
        return true
    }

    /// The line with runs of spaces folded to one ASCII space, for headings
    /// and names where a space separates clauses (`诚信“进”窗口 走“新”更走“心”`).
    var spaced: [Unicode.Scalar] {
        if stretched { return text }
        var out: [Unicode.Scalar] = []
        for s in raw.trimmed {
            if s.isSpaceLike { if out.last != " " { out.append(" ") } } else { out.append(s) }
        }
        return out
    }

    var isBlank: Bool { text.isEmpty }

    /// A Latin line that cannot end a headline: it stops on a comma or on a
    /// word that needs more after it (`and`, `of`, `the`). Running text that
    /// happens to be in title case (`Ron Artest, Jermaine O'Neal and`) goes on.
    var goesOn: Bool {
        guard proportional, let last = text.last else { return false }
        if last == "," || last == ";" || last == ":" || last == "-" && text.count > 1 && text[text.count - 2].isLowercaseLatin { return true }
        guard let word = text.split(separator: " ").last else { return false }
        return Self.openWords.contains(String(String.UnicodeScalarView(word)).lowercased())
    }

    static let openWords: Set<String> = ["and", "or", "but", "nor", "of", "the", "a", "an", "to", "for", "with", "in", "on",
                                         "at", "by", "from", "as", "that", "which", "who", "than", "into", "its", "their", "his", "her"]

    /// `BRISBANE, Australia, November` over `17 — The…`: an English dateline,
    /// its place in capitals, broken over two lines. It opens a paragraph.
    var opensDateline: Bool {
        guard proportional, let comma = text.firstIndex(of: ","), comma >= 2 else { return false }
        return text[..<comma].allSatisfy { $0.isUppercaseLatin || $0 == " " || $0 == "." }
    }

    /// Latin words in title case (`Harbor Festival Draws Record Crowd`): at
    /// least three words of three letters or more, four in five capitalised.
    /// Headlines are set so; a line of running text rarely is.
    var isTitleCase: Bool {
        guard proportional else { return false }
        var words = 0, capitals = 0
        for w in text.split(separator: " ") where w.count >= 3 {
            guard let f = w.first(where: { $0.isWordCharacter }) else { continue }
            words += 1
            if f.isUppercaseLatin || f.isASCIIDigit { capitals += 1 }
        }
        return words >= 3 && capitals * 5 >= words * 4
    }
}
