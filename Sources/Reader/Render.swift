import EditionKit
import Typesetting

extension ReaderState {
    /// The screen for this state, as cells. Pure: the same state draws the
    /// same grid, which is what the snapshot tests compare.
    public func render() -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        if isTooSmall {
            let message = "Terminal too small: needs \(Self.minimumWidth)×\(Self.minimumHeight). q quits."
            var line = ""
            var y = 0
            for word in message.split(separator: " ") {
                if DisplayWidth.of(line + " " + word) > width && !line.isEmpty {
                    grid.write(line, x: 0, y: y)
                    y += 1
                    line = String(word)
                } else {
                    line = line.isEmpty ? String(word) : line + " " + word
                }
            }
            grid.write(line, x: 0, y: y)
            return grid
        }
        switch screen {
        case .contents: drawContents(&grid)
        case .story: drawStory(&grid)
        case .bookmarks: drawBookmarks(&grid)
        case .help: drawHelp(&grid)
        case .editions: drawEditions(&grid)
        }
        drawStatus(&grid)
        return grid
    }

    // MARK: Status line

    func drawStatus(_ grid: inout CellGrid) {
        let y = height - 1
        grid.style(row: y, [.reverse])
        if let typed = searchBuffer {
            let end = grid.write("/" + typed, x: 0, y: y, style: [.reverse])
            if end < width { grid.style(row: y, from: end, to: end + 1, []) }  // the prompt's cursor
            return
        }
        let right: String
        switch screen {
        case .story:
            if let r = story, let l = layout(r) {
                let shown = min(l.body.count, storyTop + l.visibleLines(top: storyTop, height: contentRows, headerSkip: headerSkip))
                let pct = l.body.isEmpty ? 100 : shown * 100 / l.body.count
                // The end on screen: `END`, and space goes on to the next story.
                let end: String
                if storyTop < lastTop(l) {
                    end = ""
                } else if let c = continuation(of: r) {
                    end = "END · space: continued on \(pageLabel(c.page))  "
                } else {
                    end = next(r) != nil ? "END · space: next  " : "END  "
                }
                right = end + (bookmark(of: r) != nil ? "★ " : "") + "\(pct)%"
            } else { right = "" }
        default: right = "? help"
        }
        let rightWidth = DisplayWidth.of(right)
        let leftRoom = max(0, width - rightWidth - 3)
        let left = status ?? statusText()
        grid.write(" " + DisplayWidth.truncate(left, to: leftRoom), x: 0, y: y, style: [.reverse])
        grid.write(right, x: max(0, width - rightWidth - 1), y: y, style: [.reverse])
    }

    func statusText() -> String {
        let date = document.date ?? ""
        switch screen {
        case .contents:
            guard article(cursor) != nil else { return "\(date) · no stories" }
            return "\(date) · \(pageLabel(cursor.page)) · story \(cursor.article + 1)/\(articleCount(cursor.page)) · page \(cursor.page + 1)/\(document.pageCount)"
        case .story:
            guard let r = story, let a = article(r) else { return date }
            return "\(date) · \(pageLabel(r.page)) · \(r.article + 1)/\(articleCount(r.page)) · " + a.displayTitle(words: 0)
        case .bookmarks: return "Bookmarks · \(bookmarks.count) · Enter opens, d deletes, q back"
        case .help: return "Help · q back"
        case .editions: return "Editions · \(days.count) · Enter opens, < > the day before / after, q back"
        }
    }

    /// `第11版` for a CJK paper, `Page B3` otherwise.
    func pageLabel(_ p: Int) -> String {
        let pg = page(p)
        let label = pg.label ?? pg.number.map(String.init) ?? "\(p + 1)"
        let cjk = (pg.weekday ?? pg.section ?? pg.articles.first?.title ?? "").unicodeScalars.contains { $0.value >= 0x3000 }
        if cjk { return label.hasPrefix("第") ? label : "第\(label)版" }
        return "Page \(label)"
    }

    // MARK: Contents

    func drawContents(_ grid: inout CellGrid) {
        let first = document.pageCount > 0 ? page(0) : Page()
        let head = [first.paper, document.date, first.weekday, first.lunarDate].compactMap { $0 }.joined(separator: "  ")
        grid.write(head.isEmpty ? "Contents" : head, x: 0, y: 0, style: [.bold])
        guard article(cursor) != nil else {
            grid.write("This edition has no stories.", x: 2, y: 2)
            return
        }
        let rows = contentsRows(from: contentsTop, count: contentRows - 1)
        for (i, row) in rows.enumerated() {
            let y = i + 1
            switch row {
            case .page(let p):
                let pg = page(p)
                let title = [pageLabel(p), pg.section].compactMap { $0 }.joined(separator: "  ")
                // The page the selection is on stands out.
                let end = grid.write(title, x: 0, y: y, style: p == cursor.page ? [.bold, .reverse] : [.bold, .underline])
                // The page's staff, as the folio prints it, where there is room.
                let staff = Self.staffLine(pg.staff)
                if !staff.isEmpty, width - end - 4 >= 6 {
                    grid.write(DisplayWidth.truncate(staff, to: width - end - 4), x: end + 3, y: y, style: [.dim])
                }
            case .story(let r):
                drawContentsRow(r, y: y, into: &grid)
            }
        }
    }

    /// `责编：钱虹  制版：包聪颖`: the staff by role, in the order printed.
    static func staffLine(_ staff: [StaffMember]) -> String {
        var roles: [(role: String, names: [String])] = []
        for s in staff {
            if let k = roles.firstIndex(where: { $0.role == s.role }) { roles[k].names.append(s.name) } else { roles.append((s.role, [s.name])) }
        }
        return roles.map { "\($0.role)：\($0.names.joined(separator: " "))" }.joined(separator: "  ")
    }

    func drawContentsRow(_ r: StoryRef, y: Int, into grid: inout CellGrid) {
        guard let a = article(r) else { return }
        let selected = r == cursor
        let style: CellStyle = selected ? [.reverse] : []
        if selected { grid.style(row: y, [.reverse]) }
        let length = Self.lengthLabel(a)
        // A byline is shown whole when the row has room for it beside a
        // title of 30 cells; else cut with an ellipsis.
        let bylineRoom = max(min(16, width / 5), width - 3 - 30 - 2 - DisplayWidth.of(length) - 2)
        let byline = DisplayWidth.truncate(a.byline ?? "", to: max(0, min(bylineRoom, width / 2)))
        let fixed = 2 + 2 + DisplayWidth.of(byline) + 2 + DisplayWidth.of(length) + 1
        let titleRoom = max(4, width - fixed)
        // A story that jumps is listed once, with the page it goes on to.
        let title = a.displayTitle(words: 20) + (continuation(of: r).map { " → " + pageLabel($0.page) } ?? "")
        if bookmark(of: r) != nil { grid.write("★", x: 1, y: y, style: style) }
        grid.write(DisplayWidth.truncate(title, to: titleRoom), x: 3, y: y, style: a.title == nil ? style.union(.dim) : style)
        let lengthX = width - DisplayWidth.of(length) - 1
        grid.write(length, x: lengthX, y: y, style: style.union(.dim))
        if !byline.isEmpty { grid.write(byline, x: lengthX - 2 - DisplayWidth.of(byline), y: y, style: style) }
    }

    /// `1234字` for CJK stories, `820 words` for Latin ones.
    static func lengthLabel(_ a: Article) -> String {
        var ideographs = 0, words = 0
        for block in a.blocks {
            let text: String
            switch block {
            case .paragraph(let t), .subhead(let t): text = t
            case .photo(let caption, _): text = caption ?? ""
            }
            var inWord = false
            for s in text.unicodeScalars {
                if (0x3400...0x9FFF).contains(s.value) { ideographs += 1; inWord = false; continue }
                let letter = isWordLetter(s)
                if letter && !inWord { words += 1 }
                inWord = letter
            }
        }
        return ideographs >= words ? "\(ideographs)字" : "\(words) words"
    }

    /// Alphabetic, or an ASCII digit. The contents counts every story on
    /// screen at each frame, so the punctuation of CJK text (general,
    /// CJK and full-width punctuation, none of it alphabetic) and ASCII are
    /// answered without a Unicode property look-up.
    static func isWordLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80, 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0xFF01...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return false
        default: return s.properties.isAlphabetic
        }
    }

    // MARK: Story

    func drawStory(_ grid: inout CellGrid) {
        guard let r = story, let l = layout(r) else { return }
        // Every match of the search is marked (underlined), the current one
        // set apart (reversed), as `less` and `vim` show them.
        var byBlock: [Int: [ArticleLayout.Mark]] = [:]
        if let search {
            for (i, m) in search.matches.enumerated() where m.story == r {
                let style: CellStyle = i == search.current ? [.reverse] : [.underline, .bold]
                byBlock[m.position.block, default: []].append(ArticleLayout.Mark(m.position.offset..<(m.position.offset + m.length), style))
            }
        }
        grid.paste(l.render(top: storyTop, height: contentRows, headerSkip: storyTop == 0 ? headerSkip : 0) { line in byBlock[line.position.block] ?? [] }, x: 0, y: 0)
    }

    // MARK: Bookmarks

    /// The first bookmark on screen: the list scrolls to keep the selected
    /// one in view. Clicks map rows back through it.
    var bookmarksTop: Int { listTop(cursor: bookmarksCursor, count: bookmarks.count) }

    func drawBookmarks(_ grid: inout CellGrid) {
        grid.write("Bookmarks", x: 0, y: 0, style: [.bold])
        guard !bookmarks.isEmpty else {
            grid.write("No bookmarks yet: press m on a story to keep it.", x: 2, y: 2)
            return
        }
        let top = bookmarksTop
        let columns = Self.bookmarkColumns(bookmarks, width: width)
        for (i, b) in bookmarks.enumerated().dropFirst(top).prefix(contentRows - 1) {
            let y = i - top + 1
            let style: CellStyle = i == bookmarksCursor ? [.reverse] : []
            if i == bookmarksCursor { grid.style(row: y, [.reverse]) }
            var x = 2
            for (c, text) in Self.bookmarkCells(b).enumerated() where columns[c] > 0 {
                let cell = DisplayWidth.truncate(text, to: columns[c])
                grid.write(cell, x: x, y: y, style: c == 4 ? style.union(.dim) : style)
                x += columns[c] + 2
            }
        }
    }

    /// A bookmark's cells, as `folio bookmarks` prints them: edition date,
    /// page, title, byline, when saved.
    static func bookmarkCells(_ b: Bookmark) -> [String] {
        [b.edition, b.page.map(String.init) ?? "-", b.title ?? b.article, b.byline ?? "", String(b.saved.prefix(10))]
    }

    /// The width of each bookmark column at `width` cells, aligned down the
    /// list; a column that does not fit is left out (0): the saved date
    /// first, then the byline, then the edition date and page. The title
    /// takes the rest and is cut with an ellipsis.
    static func bookmarkColumns(_ bookmarks: [Bookmark], width: Int) -> [Int] {
        var widths = [0, 0, 0, 0, 0]
        for b in bookmarks {
            for (c, t) in bookmarkCells(b).enumerated() { widths[c] = max(widths[c], DisplayWidth.of(t)) }
        }
        widths[3] = min(widths[3], 16)
        let room = width - 3
        func fits(_ shown: [Bool]) -> Int? {
            let fixed = (0..<5).filter { $0 != 2 && shown[$0] }.reduce(0) { $0 + widths[$1] + 2 }
            let title = room - fixed
            return title >= 12 ? title : nil
        }
        for shown in [[true, true, true, true, true], [true, true, true, true, false], [true, true, true, false, false],
                      [false, true, true, false, false], [false, false, true, false, false]] {
            guard let title = fits(shown) else { continue }
            return (0..<5).map { c in c == 2 ? min(title, max(widths[2], 12)) : shown[c] ? widths[c] : 0 }
        }
        return [0, 0, max(4, room), 0, 0]
    }

    // MARK: Editions

    func drawEditions(_ grid: inout CellGrid) {
        grid.write("Editions", x: 0, y: 0, style: [.bold])
        let top = daysTop
        for (i, d) in days.enumerated().dropFirst(top).prefix(contentRows - 1) {
            let y = i - top + 1
            let selected = i == daysCursor
            let style: CellStyle = selected ? [.reverse] : []
            if selected { grid.style(row: y, [.reverse]) }
            let current = d.date == editionKey
            var x = grid.write(current ? "▸" : " ", x: 1, y: y, style: style) + 1
            x = grid.write(d.date, x: x, y: y, style: current ? style.union(.bold) : style) + 2
            let counts: String
            if let p = d.pages, let s = d.stories {
                counts = (p == 1 ? "1 page" : "\(p) pages") + ", " + (s == 1 ? "1 story" : "\(s) stories")
            } else {
                counts = "not read yet"
            }
            grid.write(DisplayWidth.truncate(counts, to: max(0, width - x - 1)), x: x, y: y, style: d.pages == nil ? style.union(.dim) : style)
        }
    }

    // MARK: Help

    /// The help text, one line each, written from `Keymap.help`.
    public static var helpLines: [(String, CellStyle)] {
        var lines: [(String, CellStyle)] = [("folio: keys", [.bold]), ("", [])]
        let keyWidth = Keymap.help.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 10
        for section in Keymap.help {
            lines.append((section.section, [.bold]))
            for e in section.entries { lines.append(("  " + DisplayWidth.pad(e.keys, to: keyWidth) + "  " + e.does, [])) }
            lines.append(("", []))
        }
        return lines
    }

    func drawHelp(_ grid: inout CellGrid) {
        let lines = Self.helpLines
        let top = min(helpTop, max(0, lines.count - contentRows))
        for (i, line) in lines.dropFirst(top).prefix(contentRows).enumerated() {
            // (Cut with an ellipsis on a narrow terminal, never mid-word unseen.)
            grid.write(DisplayWidth.truncate(line.0, to: width), x: 0, y: i, style: line.1)
        }
    }
}
