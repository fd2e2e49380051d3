/// The edition as JSON, in the shape `docs/format.md` documents.
public enum EditionJSON {
    public static func encode(_ edition: Edition, pretty: Bool = true) -> String {
        encode(edition, pretty: pretty, workers: edition.pages.count < 8 ? 1 : ParallelWork.cores)
    }

    static func encode(_ edition: Edition, pretty: Bool, workers: Int) -> String {
        var w = JSONWriter(pretty: pretty)
        w.open("{")
        w.field("date", edition.date)
        w.field("paper", edition.paper)
        w.key("pages")
        w.open("[")
        let pages = edition.pages
        if workers <= 1 {
            for p in pages { page(p, &w) }
            w.close("]")
            w.close("}")
            return w.output
        }
        // Each page is written on its own, on every core at once, and the
        // pieces joined in order.
        var items = [String](repeating: "", count: pages.count)
        let depth = w.currentDepth
        items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            ParallelWork.run(workers) { k in
                var i = k
                while i < pages.count {
                    var pw = JSONWriter(pretty: pretty, itemOfArrayAt: depth, first: i == 0)
                    page(pages[i], &pw)
                    out[i] = pw.output
                    i += workers
                }
            }
        }
        for item in items { w.append(item: item) }
        w.close("]")
        w.close("}")
        return w.output
    }

    static func page(_ page: Page, _ w: inout JSONWriter) {
        w.open("{")
        w.field("number", page.number)
        w.field("label", page.label)
        w.field("section", page.section)
        w.field("date", page.date)
        w.field("weekday", page.weekday)
        w.field("lunar_date", page.lunarDate)
        w.field("paper", page.paper)
        w.field("source", page.source)
        w.key("staff")
        w.open("[")
        for s in page.staff {
            w.open("{"); w.field("role", s.role); w.field("name", s.name); w.close("}")
        }
        w.close("]")
        w.key("articles")
        w.open("[")
        for a in page.articles { article(a, &w) }
        w.close("]")
        w.close("}")
    }

    static func article(_ a: Article, _ w: inout JSONWriter) {
        w.open("{")
        w.field("id", a.id)
        w.field("kicker", a.kicker)
        w.field("title", a.title)
        w.field("subtitle", a.subtitle)
        w.field("byline", a.byline)
        if let r = a.bylineRole { w.field("byline_role", r) }
        w.field("dateline", a.dateline)
        w.key("blocks")
        w.open("[")
        for b in a.blocks {
            w.open("{")
            w.field("kind", b.kind)
            switch b {
            case .paragraph(let t), .subhead(let t): w.field("text", t)
            case .photo(let caption, let credit): w.field("caption", caption); w.field("credit", credit)
            }
            w.close("}")
        }
        w.close("]")
        if let c = a.continuedOn { w.field("continued_on", c) }
        if let c = a.continuedFrom { w.field("continued_from", c) }
        if !a.jumps.isEmpty {
            w.key("jumps")
            w.open("[")
            for j in a.jumps { w.value(j) }
            w.close("]")
        }
        w.close("}")
    }
}
