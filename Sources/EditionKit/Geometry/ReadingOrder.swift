/// Puts the lines of a page in reading order by cutting the page along its
/// white space (a recursive XY cut), the way a reader's eye takes a
/// newspaper page: stories side by side are read one after the other, a
/// headline before the columns under it, columns left to right, each top to
/// bottom.
///
/// At each region the cut tries, in this order:
/// 0. horizontal gaps with a headline right under them (rows of stories);
/// 1. a vertical gap running the region's whole height (stories side by
///    side, or the columns of one story under its headline): read left to
///    right;
/// 2. the widest horizontal gaps, if wider than the space between the
///    lines of a column (rows of stories, a headline above its columns):
///    read top to bottom. Only the widest are cut at once: a narrower gap
///    may run under one story's headline and not under the story beside
///    it, which the next level parts first.
/// A region that neither cuts is a leaf: one column of a story, a
/// headline, a byline, a caption.
///
/// Leaves carry the *frame* they stand in: a column's own left and right
/// edges, or for a band cut from a region above and below (a headline, a
/// byline, a subhead), the edges of that region. Indents and centring are
/// measured against the frame.
struct ReadingOrder {
    struct Leaf {
        var lines: [PlacedLine]
        var frame: (x0: Double, x1: Double)
    }

    /// The size most characters are set in.
    let bodySize: Double
    /// The white space between two lines of a column, at the body size.
    let leading: Double

    /// The least white space that parts two rows (of stories, of a
    /// column's blocks): wider than the leading of the body text.
    let rowGap: Double

    init(lines: [PlacedLine]) {
        // (Never zero: sizes are compared as ratios of it.)
        bodySize = max(0.5, Self.bodySize(lines))
        leading = Self.leading(lines, bodySize: bodySize)
        rowGap = max(leading + 0.35 * bodySize, 1.5 * leading, 1)
    }

    /// The leaves of the page in reading order.
    func leaves(_ lines: [PlacedLine]) -> [Leaf] {
        guard !lines.isEmpty else { return [] }
        var out: [Leaf] = []
        cut(lines, frame: Self.extent(lines), depth: 0, into: &out)
        return out
    }

    static func extent(_ lines: [PlacedLine]) -> (x0: Double, x1: Double) {
        var x0 = lines[0].box.x0
        var x1 = lines[0].box.x1
        for l in lines {
            x0 = min(x0, l.box.x0)
            x1 = max(x1, l.box.x1)
        }
        return (x0, x1)
    }

    private func cut(_ lines: [PlacedLine], frame: (x0: Double, x1: Double), depth: Int, into out: inout [Leaf]) {
        // (Each cut leaves smaller regions; the depth bound only guards
        // against a pathological page.)
        guard lines.count > 1, depth < 64 else { out.append(Leaf(lines: lines, frame: frame)); return }
        if let rows = horizontalCut(lines, storiesOnly: true) {
            for r in rows { cut(r, frame: frame, depth: depth + 1, into: &out) }
            return
        }
        if let columns = verticalCut(lines), headsEveryColumn(lines, columns) {
            for c in columns { cut(c, frame: Self.extent(c), depth: depth + 1, into: &out) }
            return
        }
        if let rows = horizontalCut(lines, storiesOnly: false) {
            for r in rows { cut(r, frame: frame, depth: depth + 1, into: &out) }
            return
        }
        // A leaf of several lines is its own frame (a box set narrower
        // than the region it was cut from); a single line keeps the
        // region's, so its indent or centring can be seen.
        out.append(Leaf(lines: lines, frame: oneBaseline(lines) ? frame : Self.extent(lines)))
    }

    /// Lines that all stand on one baseline: one printed line cut into
    /// pieces (a byline's role and name, a spaced-out staff line).
    private func oneBaseline(_ lines: [PlacedLine]) -> Bool {
        let first = lines[0].box
        let mid = (first.y0 + first.y1) / 2
        // (By type sizes, not box heights: a column of vertical text is a
        // tall box on no baseline of the lines beside it.)
        let size = lines[0].size
        for l in lines {
            let m: Double = (l.box.y0 + l.box.y1) / 2
            if abs(m - mid) > 0.5 * max(l.size, size) { return false }
        }
        return true
    }

    /// The regions left and right of every vertical gap that runs through
    /// the whole region. Within one printed line only a wide gap parts two
    /// headlines; the space between a byline's role and name does not.
    private func verticalCut(_ lines: [PlacedLine]) -> [[PlacedLine]]? {
        var minGap: Double = max(0.9 * bodySize, 3)
        if oneBaseline(lines) {
            var largest = bodySize
            for l in lines { largest = max(largest, l.size) }
            minGap = 2.5 * largest
        }
        let sorted = lines.sorted { $0.box.x0 < $1.box.x0 }
        var groups: [[PlacedLine]] = [[sorted[0]]]
        var reach = sorted[0].box.x1
        for l in sorted.dropFirst() {
            if l.box.x0 - reach >= minGap { groups.append([l]) } else { groups[groups.count - 1].append(l) }
            reach = max(reach, l.box.x1)
        }
        // A lone letter is the end of a spaced-out word (`——编 者`), not a
        // column: it stays with the part before it.
        func word(_ g: [PlacedLine]) -> Bool { g.contains { l in l.words.reduce(0) { $0 + $1.text.unicodeScalars.count } >= 2 } }
        var kept: [[PlacedLine]] = []
        for g in groups {
            if !kept.isEmpty, !word(g) { kept[kept.count - 1] += g } else { kept.append(g) }
        }
        return kept.count > 1 ? kept : nil
    }

    /// The regions above and below the widest horizontal gaps, if they are
    /// wider than the leading of the body text; with `storiesOnly`, above
    /// and below every such gap with a headline right under it.
    private func horizontalCut(_ lines: [PlacedLine], storiesOnly: Bool) -> [[PlacedLine]]? {
        let sorted = lines.sorted { $0.box.y0 < $1.box.y0 || $0.box.y0 == $1.box.y0 && $0.box.x0 < $1.box.x0 }
        let region = Self.extent(lines)
        var gaps: [(at: Int, width: Double, reach: Double)] = []
        var reach = sorted[0].box.y1
        for k in 1..<sorted.count {
            let gap: Double = sorted[k].box.y0 - reach
            guard gap >= rowGap || gap > 0.15 * bodySize && !storiesOnly && headsColumns(sorted[..<k], reach, sorted[k...], region: region) else {
                reach = max(reach, sorted[k].box.y1)
                continue
            }
            if !storiesOnly || opensStory(sorted[..<k], reach, sorted[k...]) { gaps.append((k, gap, reach)) }
            reach = max(reach, sorted[k].box.y1)
        }
        guard !gaps.isEmpty else { return nil }
        var widest: Double = 0
        for g in gaps { widest = max(widest, g.width) }
        // Where lines set across the columns (a caption under a photo the
        // width of the story) are all that keeps the columns from parting,
        // the cuts go round those lines, not through the columns.
        var around = Set<Int>()
        if !storiesOnly {
            let blockers = crossing(lines)
            if !blockers.isEmpty {
                for g in gaps {
                    let top = sorted[g.at].box.y0
                    let below = sorted[g.at...].prefix { $0.box.y0 <= top + 0.5 * bodySize }
                    let above = Self.lowestRow(sorted[..<g.at], g.reach, bodySize)
                    if below.contains(where: { blockers.contains($0.box) }) || above.contains(where: { blockers.contains($0.box) }) {
                        around.insert(g.at)
                    }
                }
            }
        }
        var groups: [[PlacedLine]] = []
        var start = 0
        for g in gaps where storiesOnly || (around.isEmpty ? g.width >= widest - 0.25 * bodySize : around.contains(g.at)) {
            groups.append(Array(sorted[start..<g.at]))
            start = g.at
        }
        groups.append(Array(sorted[start...]))
        return groups
    }

    /// The lowest row of lines sorted by their tops: those whose bottoms are
    /// within half a body size of `reach` (the lowest bottom). Only the last
    /// 64 lines are looked at: a row is a few lines, and the scan stays
    /// linear on a page of thousands.
    static func lowestRow(_ lines: ArraySlice<PlacedLine>, _ reach: Double, _ bodySize: Double) -> [PlacedLine] {
        lines.suffix(64).filter { $0.box.y1 >= reach - 0.5 * bodySize }
    }

    /// Lines that cross the gutters the narrower lines leave (the gutters
    /// of columns under a caption, a rule or a box set across them).
    func crossing(_ lines: [PlacedLine]) -> [TextBox] {
        let extent = Self.extent(lines)
        let width = extent.x1 - extent.x0
        let narrow = lines.filter { $0.box.width < 0.6 * width }.sorted { $0.box.x0 < $1.box.x0 }
        guard narrow.count >= 2 else { return [] }
        var gutters: [(Double, Double)] = []
        var reach = narrow[0].box.x1
        for l in narrow.dropFirst() {
            if l.box.x0 - reach >= max(0.5 * bodySize, 3) { gutters.append((reach, l.box.x0)) }
            reach = max(reach, l.box.x1)
        }
        guard !gutters.isEmpty else { return [] }
        return lines.filter { l in gutters.contains { l.box.x0 < $0.0 && l.box.x1 > $0.1 } }.map(\.box)
    }

    /// A story starts under the gap: a headline (type 1.35× the body or
    /// larger) stands at the top of the lines below (sorted by their tops),
    /// and the lowest row above (bottoms within half a body size of `reach`)
    /// holds no display type (1.08× or larger): a headline there still
    /// waits for its body (or it is a kicker over its title, a title over
    /// its deck). The folio band is read before the page is cut.
    private func opensStory(_ above: ArraySlice<PlacedLine>, _ reach: Double, _ below: ArraySlice<PlacedLine>) -> Bool {
        guard let top = below.first?.box.y0 else { return false }
        var headlines: [PlacedLine] = []
        for l in below {
            if l.box.y0 > top + 4 * bodySize { break }
            if l.size >= 1.35 * bodySize { headlines.append(l) }
        }
        guard !headlines.isEmpty else { return false }
        for l in Self.lowestRow(above, reach, bodySize) where l.size >= 1.08 * bodySize { return false }
        return true
    }

    /// Over a gap no wider than the leading, a heading over columns: the
    /// lowest row above is one line, in other type than the row under it,
    /// or centred on the region (a byline set at the body's leading over
    /// the columns it heads).
    private func headsColumns(_ above: ArraySlice<PlacedLine>, _ reach: Double, _ below: ArraySlice<PlacedLine>,
                              region: (x0: Double, x1: Double)) -> Bool {
        guard let top = below.first?.box.y0 else { return false }
        let upper = Self.lowestRow(above, reach, bodySize)
        let lower = below.prefix { $0.box.y0 <= top + 0.5 * bodySize }
        guard !upper.isEmpty, !lower.isEmpty else { return false }
        let larger = lower.map(\.size).max() ?? 0
        // Display type over the row (a headline, in one piece or several).
        if upper.allSatisfy({ abs($0.size - larger) > 0.15 * bodySize }) { return true }
        guard upper.count == 1, let line = upper.first else { return false }
        let spanned = lower.filter { min($0.box.x1, line.box.x1) > max($0.box.x0, line.box.x0) }
        // A byline is centred on the story's region, over its columns; the
        // first line of a paragraph running over a box is not, nor is a
        // column's line (the region is wider than its column).
        guard !spanned.isEmpty, line.box.width < 0.8 * (region.x1 - region.x0) else { return false }
        return abs((line.box.x0 - region.x0) - (region.x1 - line.box.x1)) <= 1.5 * bodySize
    }

    /// Whether a vertical cut keeps each headline over its columns: when
    /// the region opens with a band of display type (a kicker, a title),
    /// every part of the cut must have some of that band. A title set
    /// centred over four columns, narrower than they are, leaves the
    /// first column's edge clear: that column is still the title's.
    private func headsEveryColumn(_ lines: [PlacedLine], _ columns: [[PlacedLine]]) -> Bool {
        let sorted = lines.sorted { $0.box.y0 < $1.box.y0 }
        let region = Self.extent(lines)
        var bandBottom = sorted[0].box.y1
        var display = false
        for (k, l) in sorted.enumerated() {
            let gap = l.box.y0 - bandBottom
            if gap >= rowGap || gap > 0.15 * bodySize && headsColumns(sorted[..<k], bandBottom, sorted[k...], region: region) { break }
            bandBottom = max(bandBottom, l.box.y1)
            if l.size >= 1.08 * bodySize { display = true }
        }
        guard display else { return true }
        return columns.allSatisfy { c in c.contains { $0.box.y0 < bandBottom } }
    }

    /// The size most characters are set in (sizes within a quarter point
    /// count as one: a bold face measures a little taller).
    static func bodySize(_ lines: [PlacedLine]) -> Double {
        var weight: [Int: Int] = [:]
        for l in lines where l.size.isFinite && abs(l.size) <= 1_000_000 {
            var chars = 0
            for w in l.words { chars += w.text.unicodeScalars.count }
            weight[Int((l.size * 2).rounded()), default: 0] += chars
        }
        guard let best = weight.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key })?.key else { return 10 }
        let sizes = lines.filter { $0.size.isFinite && abs($0.size) <= 1_000_000 && Int(($0.size * 2).rounded()) == best }.map(\.size).sorted()
        return sizes.isEmpty ? Double(best) / 2 : sizes[sizes.count / 2]
    }

    /// The median white space between a body line and the body line under
    /// it in the same column.
    static func leading(_ lines: [PlacedLine], bodySize: Double) -> Double {
        let body = lines.filter { abs($0.size - bodySize) <= 0.1 * bodySize }.sorted { $0.box.y0 < $1.box.y0 }
        var gaps: [Double] = []
        for (i, l) in body.enumerated() {
            var k = i + 1
            while k < body.count, body[k].box.y0 <= l.box.y1 + 3 * bodySize {
                let o = body[k].box
                let overlap: Double = min(o.x1, l.box.x1) - max(o.x0, l.box.x0)
                if o.y0 >= l.box.y1 - 0.2 * bodySize, overlap > 0.5 * min(o.width, l.box.width) {
                    gaps.append(max(0, o.y0 - l.box.y1))
                    break
                }
                k += 1
            }
        }
        guard !gaps.isEmpty else { return 0.3 * bodySize }
        gaps.sort()
        return gaps[gaps.count / 2]
    }
}
