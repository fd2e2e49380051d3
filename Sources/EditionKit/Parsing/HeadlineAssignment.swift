/// Decides, for the whole page at once, which headline group heads which body.
///
/// Extractors give a page as a sequence of bodies (segments) and headline
/// groups, and a story may be drawn headline-first or body-first, both on one
/// page. One wrong local claim costs a whole story and shifts the ones after
/// it, so every group is given a direction — it heads the body right after
/// it, the body right before it, or none — and the directions of all groups
/// are chosen together by dynamic programming over the sequence, each body
/// taking at most one headline and the printed order kept.
///
/// A pairing is scored with the evidence the text has:
/// - lexical cohesion: the headline's character pairs (Latin words) recur at
///   the start of the body it heads; a headline sums up its story's opening;
/// - a body closed by a bracketed byline or dateline is finished: a headline
///   right after it is as likely its own as the next story's;
/// - the page's drawing order (a page opening with a body was drawn body-first);
/// - an untitled body and a headline without a body each cost a story.
/// Two groups on either side of a single body that both claim it split it
/// where the second headline's words begin (two stories with no mark
/// between them), and a headline line of clauses is split into two
/// side-by-side titles when each half finds a body of its own words (as are
/// lines read row by row across two headlines, or one headline's lines
/// read between another's).
/// The work is linear in the number of units: each choice looks at one gap.
struct HeadlineAssignment {
    typealias Item = StoryAssembler.Item

    /// Where a group's story is.
    enum Direction { case none, before, after }

    private(set) var items: [Item]
    /// Segment item -> the group that heads it (the part before `splits` when split).
    private(set) var segmentOwner: [Int: Int] = [:]
    /// Split segments: item -> (first block of the second story, its group).
    private(set) var splits: [Int: (at: Int, owner: Int)] = [:]
    /// Photo item -> group, for a photo-news box (a group over a photo and no body).
    private(set) var photoOwner: [Int: Int] = [:]
    private(set) var owners: Set<Int> = []
    /// Keys of the bodies' openings, by item index.
    private var openings = OpeningKeys()

    // Scores, in units of one story: a headline that heads a body is worth 1;
    // full cohesion is worth `cohesionWeight` more.
    static let cohesionWeight = 3.0
    static let orderPrior = 0.3
    static let closedPrior = 0.2
    static let splitCost = 0.8
    /// How much the text's own continuity across a boundary counts against
    /// splitting one body into two stories there.
    static let continuityWeight = 1.0
    static let untitledCost = 1.0
    static let bodilessCost = 0.5
    /// How much of a body its headline is compared with (characters).
    static let openingLength = 400

    init(items: [Item]) {
        self.items = items
        splitInterleaved()
        splitSideBySide()
        solve()
    }

    private func isSegment(_ i: Int) -> Bool { if case .segment = items[i] { return true } else { return false } }
    private func isGroup(_ i: Int) -> Bool { if case .group = items[i] { return true } else { return false } }
    private func isPhoto(_ i: Int) -> Bool { if case .photo = items[i] { return true } else { return false } }

    private func segment(_ i: Int) -> StoryAssembler.Segment? {
        if case .segment(let s) = items[i] { return s }
        return nil
    }

    private func group(_ i: Int) -> StoryAssembler.Group? {
        if case .group(let g) = items[i] { return g }
        return nil
    }

    // MARK: Cohesion

    /// The keys of a headline group: its title lines (kicker and subtitle too).
    static func headlineKeys(_ g: StoryAssembler.Group) -> KeySet {
        // (Lines joined by a space: no pair or word runs across two lines.)
        StoryAssembler.keys((g.splitLines ?? g.headings.map(\.headingText)).joined(separator: " "))
    }

    /// The share of a headline's keys found in the opening of a body, 0…1.
    static func cohesion(_ headline: KeySet, _ body: KeyTable) -> Double {
        guard !headline.isEmpty else { return 0 }
        return Double(body.sharedCount(headline)) / Double(headline.count)
    }

    /// The keys of the openings of bodies, computed once per body and
    /// range of blocks: the assignment asks for the same ones many times.
    final class OpeningKeys {
        private var cache: [Int: KeyTable] = [:]

        func keys(item: Int, _ blocks: ArraySlice<Block>) -> KeyTable {
            let key = item << 40 | blocks.startIndex << 20 | blocks.endIndex
            if let k = cache[key] { return k }
            let k = KeyTable(StoryAssembler.keys(blocks, limit: HeadlineAssignment.openingLength))
            cache[key] = k
            return k
        }
    }

    /// Where a body holding two stories divides: the paragraph boundary
    /// that gives the paragraphs before it most affinity to the first
    /// headline and those after it to the second (affinity: the share of one
    /// headline's keys in the paragraph less the other's), less the text's
    /// own continuity across it (TextTiling: what the two paragraphs either
    /// side share). One pass with running sums; continuity is weighed only
    /// at the boundaries it could still make best. nil when there is no
    /// paragraph boundary.
    static func splitPoint(_ blocks: [Block], _ first: KeySet, _ second: KeySet) -> Int? {
        guard blocks.count >= 2 else { return nil }
        var affinity: [Double] = []
        affinity.reserveCapacity(blocks.count)
        var raw: [[UInt64]] = []
        var tables: [KeyTable?] = []
        raw.reserveCapacity(blocks.count)
        tables.reserveCapacity(blocks.count)
        for b in blocks {
            guard case .paragraph = b else { affinity.append(0); raw.append([]); tables.append(nil); continue }
            let keys = StoryAssembler.keys([b][...], limit: .max)
            let k = KeyTable(keys)
            raw.append(keys)
            tables.append(k)
            affinity.append(Self.cohesion(first, k) - Self.cohesion(second, k))
        }
        // value(s) = sum(affinity[..<s]) - sum(affinity[s...])
        let total = affinity.reduce(0, +)
        var prefix = 0.0
        var values: [(value: Double, at: Int)] = []
        for s in 1..<blocks.count {
            prefix += affinity[s - 1]
            guard case .paragraph = blocks[s] else { continue }
            values.append((prefix - (total - prefix), s))
        }
        guard let top = values.map(\.value).max() else { return nil }
        /// How much the paragraphs either side of boundary `s` share (the
        /// share of the shorter one's keys found in the other): low where
        /// one story ends and another begins.
        func continuity(_ s: Int) -> Double {
            guard let before = tables[s - 1], let after = tables[s] else { return 0 }
            let (shorter, other) = raw[s - 1].count <= raw[s].count ? (raw[s - 1], after) : (raw[s], before)
            guard !shorter.isEmpty else { return 0 }
            return Double(shorter.count { other.contains($0) }) / Double(shorter.count)
        }
        var best: (value: Double, at: Int)?
        for (value, s) in values where value >= top - Self.continuityWeight - 1e-9 {
            let v = value - Self.continuityWeight * continuity(s)
            if v > (best?.value ?? -.infinity) + 1e-9 { best = (v, s) }
        }
        return best?.at
    }

    // MARK: Side-by-side titles

    /// A single headline line of two or more clauses may be two stories'
    /// titles set side by side on one baseline (`-raw` prints them as one
    /// line). Split it where each half shares its words with a body of its
    /// own: the left half with the body before and the right with the body
    /// after (the left story drawn body-first), or the left with the body
    /// after and the right with the next body that opens under its own
    /// byline (both drawn headline-first). Four clauses or more with no such
    /// evidence are halved, as before: Chinese titles are one or two clauses.
    private mutating func splitSideBySide() {
        var g = 0
        while g < items.count {
            defer { g += 1 }
            // (English headlines run to three short lines each: two of them
            // set one over the other give six.)
            guard let group = group(g), group.splitLines == nil, !group.headings.isEmpty,
                  group.headings.count <= (group.headings[0].lines[0].proportional ? 6 : 4) else { continue }
            // The parts that may be parted: the clauses of each line (MuPDF
            // prints side-by-side titles one a line; `-raw` on one line, and
            // a subtitle may follow on the next). An English headline line
            // set wider than a column may be two headlines on one baseline:
            // its parts are its words.
            var headingLines = group.headings.map(\.headingText)
            // Two titles side by side, each wrapped once: an extractor that
            // reads by rows prints both first lines as one line, then the
            // left title's tail, then the right one's (`…当选中国 习近平就…向日本首`
            // / `国民党主席` / `相石破茂致唁电`). Each tail goes back to its title.
            if headingLines.count == 3, !headingLines[1].contains(" "), !headingLines[2].contains(" ") {
                let firsts = headingLines[0].split(separator: " ").map(String.init)
                if firsts.count == 2, HeadlineParts.wraps(firsts[0], into: headingLines[1]),
                   HeadlineParts.wraps(firsts[1], into: headingLines[2]) {
                    headingLines = [firsts[0] + headingLines[1] + " " + firsts[1] + headingLines[2]]
                }
            }
            // A title that wraps inside its quotes is one line (no title
            // parts inside a quotation).
            headingLines = HeadlineParts.joiningOpenLines(headingLines)
            guard headingLines.count <= (group.headings[0].lines[0].proportional ? 6 : 3) else { continue }
            let latinWide = headingLines.count == 1 && group.headings[0].wide && group.headings[0].lines[0].proportional
            let latin = group.headings[0].lines[0].proportional
            var parts: [(text: String, line: Int)] = []
            for (n, l) in headingLines.enumerated() {
                if latin && !latinWide { parts.append((l, n)); continue }
                for c in l.split(separator: " ") { parts.append((String(c), n)) }
            }
            let clauses = parts.map(\.text)
            let lines = headingLines.count > 1
            guard clauses.count >= 2, latin || clauses.allSatisfy({ $0.unicodeScalars.contains(where: \.isIdeographic) }) else { continue }
            /// The lines of the parts at `indices`, clauses of one line rejoined by a space.
            func linesOf(_ indices: [Int]) -> [String] {
                var out: [String] = []
                var line = -1
                for p in indices.map({ parts[$0] }) {
                    if p.line == line { out[out.count - 1] += " " + p.text } else { out.append(p.text); line = p.line }
                }
                return out
            }
            let before = previousSegment(g), after = nextBody(g)
            let laters = after.map { bodiesOpeningUnderBylines(after: $0) } ?? []
            let later = laters.first
            // Two bodies are needed for two titles: most groups stop here.
            guard after != nil, before != nil || later != nil else { continue }
            // A byline under the line sits over the left story's column: that
            // story is drawn headline-first, whatever its words say.
            let leftHeadsBelow = !group.bylines.isEmpty
            // A photo-news box drawn body first (its text, its credit alone,
            // then the line of titles): the left title is the box's.
            let boxBefore = g > 0 && before != nil && { if case .photo(let p) = items[g - 1] { p.caption == nil } else { false } }()
            let beforeClosed = before.flatMap { segment($0)?.closed } ?? false
            // The ways to part: the clauses before and after a point; and,
            // where the parts are whole lines, a run of lines taken from
            // the middle (plain `pdftotext` reads side-by-side headlines by
            // rows: the left kicker, the right title, then the left title).
            var partitions: [(left: [Int], right: [Int])] = (1..<clauses.count).map { (Array(0..<$0), Array($0..<clauses.count)) }
            if lines, !latin, parts.count >= 3 {
                let starts = parts.indices.filter { $0 == 0 || parts[$0].line != parts[$0 - 1].line }
                for i in starts {
                    for j in starts where j > i {
                        partitions.append((Array(0..<i) + Array(j..<parts.count), Array(i..<j)))
                    }
                }
            }
            var best: (left: [Int], right: [Int], score: Double, matched: Double, leftAfter: Bool, target: Int?)?
            for (leftParts, rightParts) in partitions {
                // An English headline opens with a capital or a figure.
                if latinWide, let f = clauses[rightParts[0]].first, !(f.isUppercase || f.isNumber) { continue }
                let left = leftParts.map { clauses[$0] }.joined(separator: " "), right = rightParts.map { clauses[$0] }.joined(separator: " ")
                let lk = StoryAssembler.keys(left), rk = StoryAssembler.keys(right)
                guard lk.count >= 2, rk.count >= 2 else { continue }
                func coh(_ keys: KeySet, _ i: Int?) -> Double {
                    guard let i else { return 0 }
                    return Self.cohesion(keys, openings.keys(item: i, bodyBlocks(i)))
                }
                // Each half must share more with its own body than with the
                // other's: a single title of two clauses shares with one body.
                func apart(_ a: Int?, _ b: Int?, leftFixed: Bool, bylineLeft: Bool = leftHeadsBelow) -> (Double, Double) {
                    guard a != nil, b != nil else { return (0, 0) }
                    let la = coh(lk, a), lb = coh(lk, b), ra = coh(rk, a), rb = coh(rk, b)
                    // A box's title is taken on its place alone, unless its
                    // words are the next body's (`中国人保 五年来…` over a
                    // story about 中国人保 is one title); a byline under the
                    // left half fixes it whatever its words.
                    guard rb > ra, bylineLeft || (leftFixed ? la >= lb : la > lb) else { return (0, 0) }
                    return (leftFixed ? rb : min(la, rb), la * Double(lk.count) + rb * Double(rk.count))
                }
                // The right title's body: of the bodies ahead that open under
                // a byline and no headline, the one that shares most of its words.
                let target = laters.max { coh(rk, $0) < coh(rk, $1) } ?? later
                // (Lines taken from the middle or the top of the group are a
                // title set beside the others: its body lies ahead.)
                let taken = rightParts[0] < leftParts.last!
                // Whole lines over whole lines, a byline under them: the upper
                // may head the body before it (drawn body first) and the
                // lower, with the byline, the body after.
                let stacked = leftHeadsBelow && lines && !latin && !taken && parts[rightParts[0]].line != parts[leftParts.last!].line
                var patterns: [((Double, Double), Bool, Int?)] = []
                if !leftHeadsBelow, !taken { patterns.append((apart(before, after, leftFixed: boxBefore), false, nil)) }
                if stacked { patterns.append((apart(before, after, leftFixed: false, bylineLeft: false), false, nil)) }
                patterns.append((apart(after, target, leftFixed: leftHeadsBelow), true, target))
                // A body that opens under a byline and no headline is itself
                // evidence that a title went elsewhere, and so are a byline
                // under stacked lines and a body before them that its
                // closing byline finished: less cohesion will do.
                for ((score, matched), leftAfter, t) in patterns where score >= (leftAfter || leftHeadsBelow || beforeClosed ? 0.15 : 0.34) {
                    // Near ties go to the split whose halves find more of their words.
                    if let b = best, score < b.score - 0.05 || (score < b.score + 0.05 && matched <= b.matched) { continue }
                    best = (leftParts, rightParts, score, matched, leftAfter, t)
                }
            }
            var chosen = best
            if chosen == nil, !lines, !latinWide, group.bylines.isEmpty, before != nil, let half = HeadlineParts.halvingPoint(clauses) {
                chosen = (Array(0..<half), Array(half..<clauses.count), 0, 0, false, nil)
            }
            guard let c = chosen else { continue }
            // Each half keeps its lines: kicker, title and subtitle are told
            // apart later.
            var left = StoryAssembler.Group(splitLines: linesOf(c.left))
            var right = StoryAssembler.Group(splitLines: linesOf(c.right))
            // The lines where the group parts are the two titles (one
            // baseline, printed as one line or, by MuPDF, one after the
            // other): in each half that line is the title, what stands above
            // it a kicker, what stands under it a subtitle. (English
            // headlines run over several lines: their own rules apply.)
            // (Lines taken from elsewhere in the group: the lines' own shapes tell.)
            if lines, !latin, c.left.last! < c.right[0] {
                left.titleLine = (left.splitLines?.count ?? 1) - 1
                right.titleLine = 0
            }
            // A byline under the line is the left story's: its column is
            // below. (Lines stacked, the upper heading the body before: the
            // byline is the lower's.)
            if leftHeadsBelow, !c.leftAfter {
                right.bylines = group.bylines
                right.roleLines = group.roleLines
            } else {
                left.bylines = group.bylines
                left.roleLines = group.roleLines
            }
            openings = OpeningKeys()  // the items shift: what was cached by index is stale
            if c.leftAfter, let target = c.target {
                // Both headline-first: the right title goes to its body.
                items[g] = .group(left)
                items.insert(.group(right), at: target)
            } else {
                items[g] = .group(left)
                items.insert(.group(right), at: g + 1)
                g += 1
            }
        }
    }

    /// Two headline groups set side by side with the same shape (kicker,
    /// title, subtitle each), read row by row (plain `pdftotext`: `“十四五”的
    /// 发展镜头` / `“十四五”的民生故事` / `一户家庭开启智能新生活` / `一项改革带来就医
    /// 新变化` / …), are two headlines. The lines pair off by rows, alike in
    /// length; each row's two lines go one to each story, to the body that
    /// shares more of its words (in printed order when neither does). The
    /// split stands when neither side shares more with the other's body than
    /// with its own, and one shares more with its own: the left heads the
    /// body right after the lines, the right the next body that opens under
    /// a byline of its own (rows of lines alike and a body that visibly
    /// lacks its headline are the evidence; the words only must not object).
    private mutating func splitInterleaved() {
        var g = 0
        while g < items.count {
            defer { g += 1 }
            guard let group = group(g), group.splitLines == nil, group.headings.count == 4 || group.headings.count == 6,
                  group.headings.allSatisfy({ $0.lines.count == 1 && !$0.lines[0].proportional }),
                  let after = nextBody(g), let later = bodiesOpeningUnderBylines(after: after).first else { continue }
            let rows = stride(from: 0, to: group.headings.count, by: 2).map { (group.headings[$0], group.headings[$0 + 1]) }
            // Each row's lines alike: both wider than the column or neither, lengths within a fifth.
            guard rows.allSatisfy({ x, y in
                x.wide == y.wide && abs(x.lines[0].em - y.lines[0].em) <= 0.2 * max(x.lines[0].em, y.lines[0].em)
            }) else { continue }
            let a = openings.keys(item: after, bodyBlocks(after)), b = openings.keys(item: later, bodyBlocks(later))
            var left: [String] = [], right: [String] = []
            for (x, y) in rows {
                let kx = StoryAssembler.keys(x.headingText), ky = StoryAssembler.keys(y.headingText)
                let crossed = Self.cohesion(ky, a) + Self.cohesion(kx, b) > Self.cohesion(kx, a) + Self.cohesion(ky, b)
                left.append(crossed ? y.headingText : x.headingText)
                right.append(crossed ? x.headingText : y.headingText)
            }
            let lk = StoryAssembler.keys(left.joined(separator: " ")), rk = StoryAssembler.keys(right.joined(separator: " "))
            let leftMargin = Self.cohesion(lk, a) - Self.cohesion(lk, b), rightMargin = Self.cohesion(rk, b) - Self.cohesion(rk, a)
            guard leftMargin >= 0, rightMargin >= 0, leftMargin + rightMargin > 0 else { continue }
            var l = StoryAssembler.Group(splitLines: left)
            var r = StoryAssembler.Group(splitLines: right)
            // Three rows are kicker, title and subtitle on each side.
            if rows.count == 3 { l.titleLine = 1; r.titleLine = 1 }
            l.bylines = group.bylines
            l.roleLines = group.roleLines
            items[g] = .group(l)
            items.insert(.group(r), at: later)
            openings = OpeningKeys()  // the items shift: what was cached by index is stale
        }
    }

    private func previousSegment(_ g: Int) -> Int? {
        var j = g - 1
        while j >= 0, isPhoto(j) { j -= 1 }
        return j >= 0 && isSegment(j) ? j : nil
    }

    /// The body right after item `g`: a segment, or a photo with a caption
    /// (a photo-news box), past photos without one.
    private func nextBody(_ g: Int) -> Int? {
        var j = g + 1
        while j < items.count {
            if isSegment(j) { return j }
            guard case .photo(let p) = items[j] else { return nil }
            if p.caption != nil { return j }
            j += 1
        }
        return nil
    }

    /// The text of a body item: a segment's blocks, a photo's caption.
    private func bodyBlocks(_ i: Int) -> ArraySlice<Block> {
        switch items[i] {
        case .segment(let s): return s.blocks[...]
        case .photo(let p): return [Block.paragraph(p.caption ?? "")][...]
        case .group: return []
        }
    }

    /// The bodies after `s` that visibly open a story with no headline
    /// (under a byline of their own, or with a dateline lead), nearest
    /// first, at most four, up to the next group with a title of its own (a
    /// group of bylines, or of a byline's stray piece, `龙`, goes on).
    private func bodiesOpeningUnderBylines(after s: Int) -> [Int] {
        var out: [Int] = []
        var j = s + 1
        while j < items.count, out.count < 4 {
            if let g = group(j) {
                if g.splitLines != nil || g.headings.contains(where: { $0.headingText.unicodeScalars.count >= 4 }) { break }
            } else if let seg = segment(j), seg.headedByByline || seg.lead != nil {
                out.append(j)
            }
            j += 1
        }
        return out
    }

    // MARK: The assignment

    private struct Gap {
        var segments: [Int] = []
        var photos: [Int] = []
    }

    /// Which of a gap's segments the headline before it heads: the first
    /// that opens as a story does, past text going on from elsewhere (a
    /// story never opens mid-sentence), else the first; never the last
    /// when the headline after the gap takes that one.
    private func headedIndex(_ gap: Gap, rightTakes: Bool) -> Int {
        let end = rightTakes ? gap.segments.count - 1 : gap.segments.count
        return gap.segments.prefix(end).firstIndex { !(segment($0)?.opensMidSentence ?? false) } ?? 0
    }

    private mutating func solve() {
        let groups = items.indices.filter { isGroup($0) }
        guard !groups.isEmpty else { return }
        // gaps[k] lies before groups[k]; gaps[groups.count] after the last.
        var gaps = [Gap](repeating: Gap(), count: groups.count + 1)
        var k = 0
        for i in items.indices {
            if k < groups.count, i == groups[k] { k += 1; continue }
            if isSegment(i) { gaps[k].segments.append(i) } else if isPhoto(i) { gaps[k].photos.append(i) }
        }
        let keys = groups.map { Self.headlineKeys(group($0)!) }
        let bodyFirstPage = items.first.map { if case .segment = $0 { return true } else { return false } } ?? false
        let directions: [Direction] = [.none, .before, .after]
        final class Memo { var value: [Int: (score: Double, split: Int?, box: Bool)?] = [:] }
        let scores = Memo()

        /// The score of gap `j` given the direction of the group on its left
        /// (`groups[j - 1]`) and on its right (`groups[j]`), with the split it implies.
        func gapScore(_ j: Int, _ left: Direction, _ right: Direction, allowBox: Bool = true) -> (score: Double, split: Int?, box: Bool)? {
            let gap = gaps[j]
            let leftTakes = left == .after, rightTakes = right == .before
            func take(_ g: Int, item: Int, _ blocks: ArraySlice<Block>, _ d: Direction, closed: Bool) -> Double {
                var s = 1 + Self.cohesionWeight * Self.cohesion(keys[g], openings.keys(item: item, blocks))
                if d == .before { s += (bodyFirstPage ? Self.orderPrior : 0) + (closed ? Self.closedPrior : 0) }
                if d == .after, !bodyFirstPage { s += Self.orderPrior }
                return s
            }
            if gap.segments.isEmpty {
                if rightTakes { return nil }
                // A headline over a photo and no body: a photo-news box.
                if leftTakes { return gap.photos.isEmpty ? nil : (1, nil, true) }
                return (0, nil, false)
            }
            var score = 0.0
            var untitled = gap.segments.count
            // A captioned photo first in the gap may be the left headline's
            // photo-news box; the segments are then for the right one or
            // untitled. A headline with a byline of its own heads a story: a
            // box's only name is its credit.
            if allowBox, leftTakes, group(groups[j - 1])!.bylines.isEmpty, let p = gap.photos.first, p < gap.segments[0], case .photo(let photo) = items[p], let caption = photo.caption {
                var boxed = take(j - 1, item: p, [Block.paragraph(caption)][...], .after, closed: false)
                if rightTakes {
                    let last = gap.segments[gap.segments.count - 1], seg = segment(last)!
                    boxed += take(j, item: last, seg.blocks[...], .before, closed: seg.closed)
                    untitled -= 1
                }
                boxed -= Self.untitledCost * Double(untitled)
                let unboxed = gapScore(j, left, right, allowBox: false)
                if unboxed == nil || boxed > unboxed!.score { return (boxed, nil, true) }
                return unboxed
            }
            if leftTakes && rightTakes && gap.segments.count == 1 {
                // One body claimed from both sides: two stories in it. The
                // second starts where the paragraphs stop sharing more words
                // with the first headline than with the second.
                let item = gap.segments[0], seg = segment(item)!
                let blocks = seg.blocks
                guard let s = Self.splitPoint(blocks, keys[j - 1], keys[j]) else { return nil }
                let v = take(j - 1, item: item, blocks[..<s], .after, closed: false)
                    + take(j, item: item, blocks[s...], .before, closed: seg.closed) - Self.splitCost
                return (v, s, false)
            }
            if leftTakes {
                let s = gap.segments[headedIndex(gap, rightTakes: rightTakes)]
                score += take(j - 1, item: s, segment(s)!.blocks[...], .after, closed: false)
                untitled -= 1
            }
            if rightTakes {
                let last = gap.segments[gap.segments.count - 1], seg = segment(last)!
                score += take(j, item: last, seg.blocks[...], .before, closed: seg.closed)
                untitled -= 1
            }
            return (score - Self.untitledCost * Double(untitled), nil, false)
        }

        /// The score of gap `j`, computed once for each pair of directions.
        func memoGapScore(_ j: Int, _ left: Direction, _ right: Direction) -> (score: Double, split: Int?, box: Bool)? {
            func code(_ d: Direction) -> Int { d == .none ? 0 : d == .before ? 1 : 2 }
            let key = j * 9 + code(left) * 3 + code(right)
            if let s = scores.value[key] { return s }
            let s = gapScore(j, left, right)
            scores.value[key] = .some(s)
            return s
        }

        // best[k][d]: the best score of gaps 0...k with groups[k] in direction d.
        let n = groups.count
        var best = [[Double]](repeating: [-.infinity, -.infinity, -.infinity], count: n)
        var back = [[Int]](repeating: [0, 0, 0], count: n)
        for (di, d) in directions.enumerated() {
            guard let g = memoGapScore(0, .none, d) else { continue }
            best[0][di] = g.score - (d == .none ? Self.bodilessCost : 0)
        }
        for k in 1..<max(1, n) where n > 1 {
            for (di, d) in directions.enumerated() {
                for (pi, p) in directions.enumerated() where best[k - 1][pi] > -.infinity {
                    guard let g = memoGapScore(k, p, d) else { continue }
                    let v = best[k - 1][pi] + g.score - (d == .none ? Self.bodilessCost : 0)
                    if v > best[k][di] { best[k][di] = v; back[k][di] = pi }
                }
            }
        }
        var last = 0
        var top = -Double.infinity
        for (di, d) in directions.enumerated() where best[n - 1][di] > -.infinity {
            guard let g = memoGapScore(n, d, .none) else { continue }
            let v = best[n - 1][di] + g.score
            if v > top { top = v; last = di }
        }
        guard top > -.infinity else { return }
        var chosen = [Direction](repeating: .none, count: n)
        var di = last
        for k in stride(from: n - 1, through: 0, by: -1) {
            chosen[k] = directions[di]
            di = back[k][di]
        }
        // Which gaps give their first photo to the headline on their left.
        var boxes = [Int: Bool]()
        for j in 0...n {
            let left: Direction = j > 0 ? chosen[j - 1] : .none
            let right: Direction = j < n ? chosen[j] : .none
            boxes[j] = memoGapScore(j, left, right)?.box ?? false
        }
        // Apply: each group's body, and the splits.
        for k in 0..<n {
            let g = groups[k]
            switch chosen[k] {
            case .none: break
            case .before:
                let gap = gaps[k]
                let s = gap.segments[gap.segments.count - 1]
                if k > 0, chosen[k - 1] == .after, gap.segments.count == 1, let split = memoGapScore(k, .after, .before)?.split,
                   !(boxes[k] ?? false) {
                    splits[s] = (split, g)
                } else {
                    segmentOwner[s] = g
                }
                owners.insert(g)
            case .after:
                let gap = gaps[k + 1]
                if boxes[k + 1] == true, let p = gap.photos.first {
                    photoOwner[p] = g
                } else if !gap.segments.isEmpty {
                    let s = gap.segments[headedIndex(gap, rightTakes: k + 1 < n && chosen[k + 1] == .before)]
                    if segmentOwner[s] == nil { segmentOwner[s] = g }
                } else if let p = gap.photos.first {
                    photoOwner[p] = g
                }
                owners.insert(g)
            }
        }
    }
}
