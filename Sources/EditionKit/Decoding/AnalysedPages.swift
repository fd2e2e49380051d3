/// Analysed PDF pages as the cache keeps them: the whole `Page` model in
/// JSON, every field, so that a reopened PDF edition needs neither the
/// extractor nor the analysis. (`EditionJSON` is the export, for people and
/// tools; this is the model itself, read back by `decode`.)
enum AnalysedPages {
    static func encode(_ pages: [Page]) -> String {
        var out = "{\"pages\":["
        for (n, p) in pages.enumerated() {
            if n > 0 { out += "," }
            out += "{"
            field("number", p.number, &out)
            field("label", p.label, &out)
            field("section", p.section, &out)
            field("date", p.date, &out)
            field("weekday", p.weekday, &out)
            field("lunarDate", p.lunarDate, &out)
            field("paper", p.paper, &out)
            field("source", p.source, &out)
            out += "\"staff\":["
            for (k, s) in p.staff.enumerated() {
                if k > 0 { out += "," }
                out += "["
                JSONWriter.quote(s.role, into: &out)
                out += ","
                JSONWriter.quote(s.name, into: &out)
                out += "]"
            }
            out += "],\"articles\":["
            for (k, a) in p.articles.enumerated() {
                if k > 0 { out += "," }
                out += "{"
                field("id", a.id, &out)
                field("kicker", a.kicker, &out)
                field("title", a.title, &out)
                field("subtitle", a.subtitle, &out)
                field("byline", a.byline, &out)
                field("bylineRole", a.bylineRole, &out)
                field("dateline", a.dateline, &out)
                out += "\"jumps\":["
                for (j, t) in a.jumps.enumerated() {
                    if j > 0 { out += "," }
                    JSONWriter.quote(t, into: &out)
                }
                out += "],\"blocks\":["
                for (j, b) in a.blocks.enumerated() {
                    if j > 0 { out += "," }
                    switch b {
                    case .paragraph(let t): out += "[\"p\","; JSONWriter.quote(t, into: &out); out += "]"
                    case .subhead(let t): out += "[\"s\","; JSONWriter.quote(t, into: &out); out += "]"
                    case .photo(let caption, let credit):
                        out += "[\"f\","
                        optional(caption, &out)
                        out += ","
                        optional(credit, &out)
                        out += "]"
                    }
                }
                out += "]}"
            }
            out += "]}"
        }
        return out + "]}\n"
    }

    private static func field(_ name: String, _ value: String?, _ out: inout String) {
        guard let value else { return }
        out += "\"\(name)\":"
        JSONWriter.quote(value, into: &out)
        out += ","
    }

    private static func field(_ name: String, _ value: Int?, _ out: inout String) {
        guard let value else { return }
        out += "\"\(name)\":\(value),"
    }

    private static func optional(_ value: String?, _ out: inout String) {
        if let value { JSONWriter.quote(value, into: &out) } else { out += "null" }
    }

    /// The pages, or nil when the text is not what `encode` writes.
    static func decode(_ text: String) -> [Page]? {
        guard let json = try? JSON(parsing: Array(text.utf8)), case .array(let items)? = json["pages"] else { return nil }
        var pages: [Page] = []
        for item in items {
            guard case .object = item, case .array(let staff)? = item["staff"], case .array(let articles)? = item["articles"] else { return nil }
            var p = Page(number: item["number"]?.intValue, label: item["label"]?.stringValue, section: item["section"]?.stringValue,
                         date: item["date"]?.stringValue, weekday: item["weekday"]?.stringValue, lunarDate: item["lunarDate"]?.stringValue,
                         paper: item["paper"]?.stringValue, source: item["source"]?.stringValue ?? "")
            for s in staff {
                guard case .array(let pair) = s, pair.count == 2, let role = pair[0].stringValue, let name = pair[1].stringValue else { return nil }
                p.staff.append(StaffMember(role: role, name: name))
            }
            for a in articles {
                guard case .array(let jumps)? = a["jumps"], case .array(let blocks)? = a["blocks"], let id = a["id"]?.stringValue else { return nil }
                var article = Article(id: id, kicker: a["kicker"]?.stringValue, title: a["title"]?.stringValue,
                                      subtitle: a["subtitle"]?.stringValue, byline: a["byline"]?.stringValue,
                                      bylineRole: a["bylineRole"]?.stringValue, dateline: a["dateline"]?.stringValue)
                for j in jumps {
                    guard let t = j.stringValue else { return nil }
                    article.jumps.append(t)
                }
                for b in blocks {
                    guard case .array(let parts) = b, let kind = parts.first?.stringValue else { return nil }
                    switch (kind, parts.count) {
                    case ("p", 2): guard let t = parts[1].stringValue else { return nil }; article.blocks.append(.paragraph(t))
                    case ("s", 2): guard let t = parts[1].stringValue else { return nil }; article.blocks.append(.subhead(t))
                    case ("f", 3): article.blocks.append(.photo(caption: parts[1].stringValue, credit: parts[2].stringValue))
                    default: return nil
                    }
                }
                p.articles.append(article)
            }
            pages.append(p)
        }
        return pages
    }
}
