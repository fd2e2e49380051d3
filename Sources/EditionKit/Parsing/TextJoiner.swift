/// Joins hard-wrapped lines back into running text.
///
/// CJK text joins with nothing between lines; Latin words join with a space.
/// A Latin line ending in a hyphen is either hyphenation (`infor-`/`mation` →
/// `information`) or a real compound split at its hyphen (`well-`/`known` →
/// `well-known`). The page itself is the dictionary: a form seen elsewhere on
/// the page wins; otherwise the hyphen is kept after a head that stands on
/// the page as a word of its own (four letters or more) or is a compound
/// prefix, and dropped elsewhere. A tail that is a suffix (`dictator-`/`ship`,
/// `govern-`/`ment`) is hyphenation whatever the head: words are broken
/// before their suffixes, and no compound ends in one.
struct TextJoiner {
    /// Lower-cased words of the page, solid and hyphenated forms alike.
    private let lexicon: Set<String>

    static let compoundPrefixes: Set<String> = [
        "well", "self", "ex", "all", "half", "long", "short", "high", "low", "full", "ill", "non", "anti",
        "co", "much", "far", "near", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "year", "state", "world", "first", "second", "third", "mid", "post", "pre", "cross", "run",
        "best", "hard", "middle", "part", "old", "new", "free", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "so-called", "vice", "step",
    ]

    /// English suffixes a hyphenation program breaks a word before
    /// (`dictator-ship`, `establish-ment`, `build-ing`, `care-less`).
    static let suffixes: Set<String> = [
        "ship", "ships", "ment", "ments", "ness", "tion", "tions", "sion", "sions", "ing", "ings", "ed", "er", "ers",
        "est", "ly", "ity", "ities", "ful", "less", "able", "ible", "ous", "ive", "ives", "ism", "isms", "ist", "ists",
        "ance", "ence", "dom", "hood", "ize", "ized", "ise", "ised", "al", "ial", "ic", "ical",
    ]

    init(lines: [[Unicode.Scalar]]) {
        var words = Set<String>()
        var needed = false
        for l in lines where l.last == "-" { needed = true; break }
        if needed {
            for l in lines {
                var cur = String.UnicodeScalarView()
                for s in l {
                    if s.isWordCharacter || s == "-" { cur.append(s) } else {
                        if !cur.isEmpty { words.insert(String(cur).lowercased()); cur = .init() }
                    }
                }
                if !cur.isEmpty { words.insert(String(cur).lowercased()) }
            }
        }
        lexicon = words
    }

    /// Joins `lines` (already normalised) into one text.
    func join(_ lines: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for line in lines where !line.isEmpty {
            guard let a = out.last, let b = line.first else { out.append(contentsOf: line); continue }
            if a == "—", out.count >= 2, out[out.count - 2] == " ", b.isWordCharacter, !b.isWide {
                // A spaced dash (`USA, November 18 —` / `William…`) stays spaced.
                out.append(" ")
            } else if a.isWide || b.isWide {
                // no space in CJK text
            } else if a == "-", out.count >= 2, out[out.count - 2].isWordCharacter, b.isWordCharacter {
                if !keepsHyphen(before: out, after: line) { out.removeLast() }
            } else if a == "—" || a == "/" {
                // dashes and slashes close up
            } else {
                out.append(" ")
            }
            out.append(contentsOf: line)
        }
        return out
    }

    private func keepsHyphen(before: [Unicode.Scalar], after: [Unicode.Scalar]) -> Bool {
        var i = before.count - 2
        while i >= 0, before[i].isWordCharacter || before[i] == "-" { i -= 1 }
        let head = String(String.UnicodeScalarView(before[(i + 1)..<(before.count - 1)]))
        var j = 0
        while j < after.count, after[j].isWordCharacter || after[j] == "-" { j += 1 }
        let tail = String(String.UnicodeScalarView(after[..<j]))
        if tail.first?.isUppercase == true || tail.first?.isNumber == true || head.last?.isNumber == true { return true }
        let hyphenated = (head + "-" + tail).lowercased(), solid = (head + tail).lowercased()
        if lexicon.contains(hyphenated) { return true }
        if lexicon.contains(solid) { return false }
        if Self.suffixes.contains(tail.lowercased()) { return false }
        let lastPart = head.split(separator: "-").last.map(String.init)?.lowercased() ?? head.lowercased()
        // A head that stands on the page as a word of its own (`tsunami` in
        // `tsunami-`/`stricken`) is the first part of a compound; a syllable
        // (`Pro-`/`gramme`, `infor-`/`mation`) is not.
        if lastPart.count >= 4, lexicon.contains(lastPart) { return true }
        return Self.compoundPrefixes.contains(lastPart)
    }
}
