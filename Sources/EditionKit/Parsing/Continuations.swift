/// Links a story that jumps to another page with its continuation there.
///
/// Papers print the jump with the story (`（下转第5版）`, `Continued on Page
/// B5`, `See TRADE, Page 8`) and mark the continuation (`（上接第1版）`,
/// `Continued from Page A1`, or a headline repeating the jump word,
/// `TRADE`). A jump is linked to the story on its target page that marks
/// the jump's own page; failing a mark, to the one whose headline holds the
/// jump word. Each continuation is linked once.
public enum Continuations {
    /// A story by its place: page index and story index on the page.
    public struct Place: Hashable, Sendable {
        public var page: Int
        public var article: Int

        public init(page: Int, article: Int) {
            self.page = page
            self.article = article
        }
    }

    /// Where a jump line sends the reader: the page (as printed) and, for
    /// `See TRADE, Page 8`, the word the continuation's headline repeats.
    struct Jump: Equatable {
        var page: String
        var word: String?
    }

    /// The links of an edition's pages: first part → continuation.
    public static func links(_ pages: [Page]) -> [Place: Place] {
        var out: [Place: Place] = [:]
        var taken = Set<Place>()
        for (p, page) in pages.enumerated() {
            for (a, article) in page.articles.enumerated() {
                guard let jump = article.jumps.lazy.compactMap(outward).first,
                      let target = pages.indices.first(where: { $0 != p && names(pages[$0], jump.page) }) else { continue }
                let here = pageName(page)
                let candidates = pages[target].articles.indices.filter { !taken.contains(Place(page: target, article: $0)) }
                // A continuation that marks this page; else one whose
                // headline repeats the jump word.
                let marked = candidates.first { i in
                    let c = pages[target].articles[i]
                    return (c.jumps + c.blocks.prefix(1).compactMap(\.text)).contains { inward($0).map { m in here.contains { names($0, m) } } == true }
                }
                let worded = jump.word.flatMap { w in
                    candidates.first { pages[target].articles[$0].title?.uppercased().contains(w.uppercased()) == true }
                }
                guard let c = marked ?? worded else { continue }
                out[Place(page: p, article: a)] = Place(page: target, article: c)
                taken.insert(Place(page: target, article: c))
            }
        }
        return out
    }

    /// Sets `continuedOn` / `continuedFrom` (story ids) on linked stories.
    public static func link(_ pages: inout [Page]) {
        for (from, to) in links(pages) {
            pages[from.page].articles[from.article].continuedOn = pages[to.page].articles[to.article].id
            pages[to.page].articles[to.article].continuedFrom = pages[from.page].articles[from.article].id
        }
    }

    /// A page's names a jump may use: its number and its label.
    static func pageName(_ page: Page) -> [String] {
        [page.number.map(String.init), page.label].compactMap { $0 }
    }

    static func names(_ page: Page, _ name: String) -> Bool {
        pageName(page).contains { names($0, name) }
    }

    /// `B5` names `b5`; `5` names `05` and `第5版`'s 5.
    static func names(_ a: String, _ b: String) -> Bool {
        if a.uppercased() == b.uppercased() { return true }
        if let x = Int(a), let y = Int(b) { return x == y }
        return false
    }

    /// The page (and word) a jump *out* names: `（下转第5版）`, `转第5版`,
    /// `Continued on Page B5`, `See TRADE, Page 8`, `See TRADE on Page 8`.
    static func outward(_ line: String) -> Jump? {
        // A jump line is short: a paragraph is not looked into.
        guard line.utf8.count <= 160 else { return nil }
        let t = line.trimming("（）() ")
        for prefix in ["下转第", "转第", "下转"] where t.hasPrefix(prefix) {
            let rest = t.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            return Jump(page: String(digits), word: nil)
        }
        let words = t.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return nil }
        if first == "continued", words.count >= 3, words[1].lowercased() == "on" {
            return Jump(page: words.last!.trimming(".,;:"), word: nil)
        }
        if first == "see", words.count >= 3, let p = words.lastIndex(where: { $0.lowercased() == "page" }), p + 1 < words.count {
            let word = words[1].trimming(",.;:")
            return Jump(page: words[p + 1].trimming(".,;:"), word: word.isEmpty ? nil : word)
        }
        return nil
    }

    /// The page a jump *in* names: `（上接第1版）`, `接第1版`, `Continued from
    /// Page A1`, `TRADE, from Page 1`.
    static func inward(_ line: String) -> String? {
        guard line.utf8.count <= 160 else { return nil }
        let t = line.trimming("（）() ")
        for prefix in ["上接第", "接第", "上接"] where t.hasPrefix(prefix) {
            let digits = t.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            return digits.isEmpty ? nil : String(digits)
        }
        let words = t.split(separator: " ").map(String.init)
        guard words.count <= 8, let from = words.firstIndex(where: { $0.lowercased() == "from" }),
              let p = words[from...].firstIndex(where: { $0.lowercased() == "page" }), p + 1 < words.count else { return nil }
        return words[p + 1].trimming(".,;:")
    }
}

extension String {
    /// The string without the given characters at either end.
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
