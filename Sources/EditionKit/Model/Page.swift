/// One printed page (a section of the paper) and the stories on it.
public struct Page: Sendable, Equatable {
    /// The printed page number; from the folio, else from the file name.
    public var number: Int?
    /// The printed page label where it is not a bare number (`B3`, `第13版`).
    public var label: String?
    /// The section name printed in the folio (`经济`, `要闻`, `SPORTS`).
    public var section: String?
    public var date: String?
    public var weekday: String?
    /// A lunar date printed beside the Gregorian one.
    public var lunarDate: String?
    public var paper: String?
    /// One entry per person named by the staff lines.
    public var staff: [StaffMember]
    public var articles: [Article]
    /// Where the page came from (file name, and page index for multi-page files).
    public var source: String

    public init(number: Int? = nil, label: String? = nil, section: String? = nil, date: String? = nil,
                weekday: String? = nil, lunarDate: String? = nil, paper: String? = nil,
                staff: [StaffMember] = [], articles: [Article] = [], source: String = "") {
        self.number = number
        self.label = label
        self.section = section
        self.date = date
        self.weekday = weekday
        self.lunarDate = lunarDate
        self.paper = paper
        self.staff = staff
        self.articles = articles
        self.source = source
    }
}

extension Page {
    /// The page as read from `source`: its number, when its folio printed
    /// none, the file's (story ids follow it). A page analysed once is
    /// placed so wherever its file is found.
    func placed(source: String, fallbackNumber: Int?) -> Page {
        var p = self
        p.source = source
        if p.number == nil, let n = fallbackNumber {
            let old = p.idPrefix
            p.number = n
            let new = p.idPrefix
            for k in p.articles.indices where p.articles[k].id.hasPrefix(old + ".") {
                p.articles[k].id = new + p.articles[k].id.dropFirst(old.count)
            }
        }
        return p
    }

    /// What story ids start with: a Latin page label as printed (`B3.2`),
    /// else the page number (`第7版` gives `7.1`: an id is typed at a prompt).
    public var idPrefix: String {
        if let l = label, l.unicodeScalars.allSatisfy({ $0.isASCII }) { return l }
        return number.map(String.init) ?? label ?? "0"
    }
}

/// A person named on a staff line: `责编：钱 虹` is role `责编`, name `钱虹`.
public struct StaffMember: Sendable, Equatable, Hashable {
    public var role: String
    public var name: String

    public init(role: String, name: String) {
        self.role = role
        self.name = name
    }
}
