/// Undoes the doubling that faux-bold printing leaves in extracted text.
///
/// A PDF draws faux bold by painting each run twice, slightly offset; text
/// extractors then read every run twice: `热情服务群众热情服务群众。。张荣张荣 摄摄`
/// is `热情服务群众。张荣 摄`. A line is undoubled only when *every* space-separated
/// token splits into consecutive pairs of equal runs and the line has enough
/// letters for the pattern to be evidence, so ordinary text (`谢谢`, `……`,
/// `天天向上`) is left alone.
enum FauxBold {
    /// Runs longer than this are not looked for: faux-bold runs are words.
    static let maxRun = 48

    /// The undoubled line, or `nil` when the line is not doubled.
    static func undouble(_ line: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard opensDoubled(line) else { return nil }
        var tokens: [[Unicode.Scalar]] = [[]]
        for s in line {
            if s.isSpaceLike { if !tokens[tokens.count - 1].isEmpty { tokens.append([]) } } else { tokens[tokens.count - 1].append(s) }
        }
        if tokens.last?.isEmpty == true { tokens.removeLast() }
        let letters = tokens.reduce(0) { $0 + $1.count }
        guard letters >= 4, tokens.contains(where: { $0.contains(where: { $0.isIdeographic || $0.isWordCharacter && !$0.isASCIIDigit }) }) else { return nil }
        var result: [Unicode.Scalar] = []
        for (i, token) in tokens.enumerated() {
            guard let half = undoubleToken(token) else { return nil }
            if i > 0 { result.append(" ") }
            result.append(contentsOf: half)
        }
        return result
    }

    /// Cheap rejection, without allocating: a doubled line's first token
    /// opens with a doubled run (`热情热情…`). Almost every line fails here.
    private static func opensDoubled(_ line: [Unicode.Scalar]) -> Bool {
        var start = 0
        while start < line.count, line[start].isSpaceLike { start += 1 }
        var end = start
        while end < line.count, !line[end].isSpaceLike { end += 1 }
        var l = 1
        while l <= maxRun && start + 2 * l <= end {
            if line[start] == line[start + l] {
                var k = 1
                while k < l, line[start + k] == line[start + l + k] { k += 1 }
                if k == l { return true }
            }
            l += 1
        }
        return false
    }

    /// Splits `t` into `r₁r₁ r₂r₂ …` and returns `r₁r₂…`, preferring short runs.
    private static func undoubleToken(_ t: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let n = t.count
        guard n >= 2, n % 2 == 0 || n >= 3 else { return nil }
        // Cheap rejection first: the token must open with a doubled run.
        var opens = false
        var l0 = 1
        while !opens && l0 <= maxRun && 2 * l0 <= n {
            opens = t[0] == t[l0] && t[0..<l0].elementsEqual(t[l0..<(2 * l0)])
            l0 += 1
        }
        guard opens else { return nil }
        // step[i]: the run length chosen at i, 0 where no split of t[i...] exists.
        var step = [Int](repeating: 0, count: n + 1)
        var ok = [Bool](repeating: false, count: n + 1)
        ok[n] = true
        var i = n - 1
        while i >= 0 {
            var l = 1
            while l <= maxRun && i + 2 * l <= n {
                if ok[i + 2 * l] && t[i..<(i + l)].elementsEqual(t[(i + l)..<(i + 2 * l)]) {
                    ok[i] = true
                    step[i] = l
                    break
                }
                l += 1
            }
            i -= 1
        }
        guard ok[0] else { return nil }
        var out: [Unicode.Scalar] = []
        var j = 0
        while j < n {
            out.append(contentsOf: t[j..<(j + step[j])])
            j += 2 * step[j]
        }
        return out
    }
}
