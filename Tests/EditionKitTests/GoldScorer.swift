import Foundation
@testable import EditionKit

/// The scoring recipe of `shared/pages/README.md`: how many items of a gold
/// model an export matches. It scores the JSON that `folio export` prints.
struct GoldScorer {
    var hits = 0
    var total = 0
    var misses: [String] = []

    static func squeeze(_ s: Any?) -> String {
        guard let s = s as? String else { return "" }
        return String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    mutating func item(_ ok: Bool, _ what: @autoclosure () -> String) {
        total += 1
        if ok { hits += 1 } else { misses.append(what()) }
    }

    /// Scores `pageFile` against `gold` by exporting it from a folder named
    /// after the gold's date, as the recipe says.
    static func score(pageFile: URL, gold: [String: Any]) throws -> GoldScorer {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-gold-\(UUID().uuidString)")
            .appendingPathComponent(gold["date"] as! String)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: pageFile, to: dir.appendingPathComponent(pageFile.lastPathComponent))
        let edition = try EditionReader.read(path: dir.path)
        let export = try JSONSerialization.jsonObject(with: Data(EditionJSON.encode(edition).utf8)) as! [String: Any]
        var s = GoldScorer()
        s.score(export: export, gold: gold)
        return s
    }

    mutating func score(export e: [String: Any], gold g: [String: Any]) {
        let sq = Self.squeeze
        let gp = g["page"] as! [String: Any]
        item(sq(e["date"]) == sq(g["date"]), "date")
        let pages = (e["pages"] as! [[String: Any]]).filter { ($0["number"] as? Int) == (gp["number"] as? Int) }
        item(!pages.isEmpty, "page number")
        let p = pages.first ?? [:]
        item(sq(p["weekday"]) == sq(gp["weekday"]), "weekday")
        item(sq(p["section"]) == sq(gp["section"]), "section")
        let staff = Set(((p["staff"] as? [[String: Any]]) ?? []).map { sq($0["role"]) + "|" + sq($0["name"]) })
        for s in gp["staff"] as! [[String: Any]] { item(staff.contains(sq(s["role"]) + "|" + sq(s["name"])), "staff \(s)") }
        let articles = (p["articles"] as? [[String: Any]]) ?? []
        let goldArticles = g["articles"] as! [[String: Any]]
        item(articles.count == goldArticles.count, "article count \(articles.count)")
        for ga in goldArticles {
            let title = sq(ga["title"])
            let gblocks = ga["blocks"] as! [[String: Any]]
            let gparas = gblocks.filter { $0["kind"] as? String == "paragraph" }
            guard let a = articles.first(where: { sq($0["title"]) == title }) else {
                let n = 7 + (ga["photo"] is [String: Any] ? 1 : 0) + gparas.count
                total += n
                misses.append("article \(title) (\(n) items)")
                continue
            }
            item(true, "title")
            for k in ["subtitle", "byline", "kicker"] { item(sq(a[k]) == sq(ga[k]), "\(title) \(k): \(a[k] ?? "nil")") }
            let d = sq(a["dateline"]), gd = sq(ga["dateline"])
            item(d == gd || (!gd.isEmpty && (d == gd + "电" || d == gd + "讯")), "\(title) dateline \(d)")
            let blocks = a["blocks"] as! [[String: Any]]
            item(blocks.filter { $0["kind"] as? String == "subhead" }.map { sq($0["text"]) }
                 == gblocks.filter { $0["kind"] as? String == "subhead" }.map { sq($0["text"]) }, "\(title) subheads")
            item(!blocks.contains { Self.hasStraySpace($0["text"] as? String ?? "") }, "\(title) stray spaces")
            if let photo = ga["photo"] as? [String: Any] {
                item(blocks.contains { b in
                    b["kind"] as? String == "photo" && sq(b["credit"]) == sq(photo["credit"])
                        && (photo["caption"] is NSNull || sq(b["caption"]) == sq(photo["caption"]))
                }, "\(title) photo")
            }
            let (h, t, missed) = Self.paragraphsMatch(ga, blocks.filter { $0["kind"] as? String == "paragraph" }.map { $0["text"] as? String ?? "" })
            hits += h
            total += t
            misses += missed.map { "\(title) paragraph \($0.prefix(16))" }
        }
    }

    static func hasStraySpace(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        var i = 0
        while i < u.count {
            if u[i].properties.isWhitespace, i > 0, u[i - 1].isIdeographic {
                var j = i
                while j < u.count, u[j].properties.isWhitespace { j += 1 }
                if j < u.count, u[j].isIdeographic { return true }
                i = j
            } else { i += 1 }
        }
        return false
    }

    static func paragraphsMatch(_ ga: [String: Any], _ exportParas: [String]) -> (Int, Int, [String]) {
        let want = (ga["blocks"] as! [[String: Any]]).filter { $0["kind"] as? String == "paragraph" }.map { squeeze($0["text"]) }
        var got = exportParas.map { squeeze($0) }
        let dateline = squeeze(ga["dateline"])
        if !dateline.isEmpty, let g0 = got.first, let w0 = want.first, !g0.hasPrefix(String(w0.prefix(4))) {
            let leads = [squeeze(ga["lead"])] + ["讯", "电"].map { dateline + $0 }
            if let l = leads.first(where: { !$0.isEmpty && w0.hasPrefix($0 + String(g0.prefix(4))) }) { got[0] = l + g0 }
        }
        let optional = Set(((ga["optional_breaks"] as? [String]) ?? []).map { squeeze($0) })
        var joined: [String] = []
        for p in got {
            if let last = joined.last, optional.contains(last), want.contains(where: { $0.hasPrefix(last + p) }) {
                joined[joined.count - 1] += p
            } else {
                joined.append(p)
            }
        }
        var hits = 0
        var missed: [String] = []
        for w in want {
            if let i = joined.firstIndex(of: w) { joined.remove(at: i); hits += 1 } else { missed.append(w) }
        }
        return (hits, want.count, missed)
    }
}
