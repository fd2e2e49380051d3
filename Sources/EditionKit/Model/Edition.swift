/// A day's paper: its pages in order.
public struct Edition: Sendable, Equatable {
    /// The edition date as `YYYY-MM-DD`, from the pages' folios or the folder name.
    public var date: String?
    /// The paper's name when a folio prints it.
    public var paper: String?
    public var pages: [Page]

    public init(date: String? = nil, paper: String? = nil, pages: [Page] = []) {
        self.date = date
        self.paper = paper
        self.pages = pages
    }

    /// Every article of the edition in reading order, with its page.
    public var articles: [(page: Page, article: Article)] {
        pages.flatMap { page in page.articles.map { (page, $0) } }
    }

    /// The article with the given id (`PAGE.N`).
    public func article(id: String) -> Article? {
        for page in pages { if let a = page.articles.first(where: { $0.id == id }) { return a } }
        return nil
    }
}
