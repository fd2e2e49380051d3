/// Dates and weekdays as newspapers print them.
enum DateText {
    static let chineseWeekdays = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
                                  "周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    static func isWeekday(_ s: String) -> Bool {
        chineseWeekdays.contains(s) || englishWeekdays.contains(s.trimmingCommas)
            || englishWeekdays.contains { $0.uppercased() == s.trimmingCommas }
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1800...2999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// `2024年8月8日` (the whole token).
    static func chinese(_ t: [Unicode.Scalar]) -> String? {
        var nums: [Int] = []
        var marks: [Unicode.Scalar] = []
        var start = t.startIndex
        for (i, s) in t.enumerated() where !s.isASCIIDigit {
            guard let n = DecimalNumber.value(of: t[start..<i], maxDigits: 4) else { return nil }
            nums.append(n); marks.append(s); start = i + 1
        }
        guard start == t.endIndex, marks == ["年", "月", "日"] else { return nil }
        return iso(nums[0], nums[1], nums[2])
    }

    /// `2024-08-08`, `2024/8/8`, `2024.08.08`.
    static func numeric(_ t: [Unicode.Scalar]) -> String? {
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[0].count == 4 else { return nil }
        let n = parts.compactMap { DecimalNumber.value(of: $0, maxDigits: 4) }
        return n.count == 3 ? iso(n[0], n[1], n[2]) : nil
    }

    /// `March 3, 2025` or `3 March 2025` among words; returns the date and
    /// the word range it took.
    static func english(_ words: [String]) -> (String, Range<Int>)? {
        for (i, w) in words.enumerated() {
            // Every spelling of a month opens with a capital: most words go here.
            guard let f = w.utf8.first, f >= 0x41 && f <= 0x5A else { continue }
            let name = w.trimmingCommas
            guard let m = months.firstIndex(where: { $0 == name || $0.uppercased() == name || (name.count >= 3 && $0.hasPrefix(name) && name.first!.isUppercase && name.count == 3) }) else { continue }
            if i + 2 < words.count, let d = DecimalNumber.value(of: words[i + 1].trimmingCommas, maxDigits: 2), let y = DecimalNumber.value(of: words[i + 2].trimmingCommas, maxDigits: 4), let iso = iso(y, m + 1, d) {
                return (iso, i..<(i + 3))
            }
            if i >= 1, i + 1 < words.count, let d = DecimalNumber.value(of: words[i - 1], maxDigits: 2), let y = DecimalNumber.value(of: words[i + 1].trimmingCommas, maxDigits: 4), let iso = iso(y, m + 1, d) {
                return (iso, (i - 1)..<(i + 2))
            }
        }
        return nil
    }
}
