/// Breaks a paragraph into lines no wider than a measure, in terminal cells.
///
/// Greedy, one pass: each line takes as many characters as fit, then ends at
/// the last break opportunity (`Kinsoku.canBreak`). When the character that
/// does not fit may not start a line, the break moves back and a character
/// goes to the next line with it, so a line never overflows its measure. A
/// word longer than the line is split hard. Spaces at a break stay at the end
/// of the line they follow (drawn as nothing), so the lines' ranges put
/// together give back the text exactly.
public struct LineBreaker: Sendable {
    public let measure: Int

    public init(measure: Int) { self.measure = max(2, measure) }

    /// Ranges of `text` for each line; the first line is `firstIndent` cells
    /// narrower.
    public func lines(_ text: [Character], firstIndent: Int = 0) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let n = text.count
        var widths = [Int](repeating: 0, count: n)
        var traits = [Kinsoku.Traits](repeating: [], count: n)
        var firsts = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            widths[i] = DisplayWidth.of(ControlPicture.visible(text[i]))
            traits[i] = Kinsoku.Traits(text[i])
            firsts[i] = text[i].unicodeScalars.first?.value ?? 0
        }
        var start = 0
        while start < n {
            let available = max(2, measure - (result.isEmpty ? firstIndent : 0))
            var used = 0
            var i = start
            var lastBreak = -1
            while i < n {
                if i > start, Kinsoku.canBreak(between: traits[i - 1], and: traits[i], aIsB: firsts[i - 1] == firsts[i],
                                               before: i >= 2 ? traits[i - 2] : nil) {
                    lastBreak = i
                }
                if used + widths[i] > available { break }
                used += widths[i]
                i += 1
            }
            if i == n {
                result.append(start..<n)
                break
            }
            var end: Int
            if lastBreak > start {
                end = lastBreak
            } else {
                // No opportunity: split hard where the line is full, but not
                // before a mark that may not start a line, when avoidable.
                end = max(i, start + 1)
                if end - 1 > start, traits[end].contains(.noStart) { end -= 1 }
            }
            // A space that did not fit hangs at the end of the line.
            while end < n, traits[end].contains(.space) { end += 1 }
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// The width in cells of `text[range]`, without the spaces it ends with.
    public static func width(_ text: [Character], _ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound, Kinsoku.isSpace(text[end - 1]) { end -= 1 }
        var w = 0
        for i in range.lowerBound..<end { w += DisplayWidth.of(ControlPicture.visible(text[i])) }
        return w
    }
}
