/// Reads the XHTML that `pdftotext -bbox-layout` writes: one `<page>` per
/// PDF page, holding flows, blocks, lines and words with their boxes. Only
/// pages, lines and words are kept; flows and blocks are the extractor's
/// guesses at reading order, which `GeometryParser` makes itself.
///
/// A small scanner, not an XML parser: the extractor's output has one fixed
/// shape, and anything else (a truncated file, a stray tag) yields the
/// lines read so far rather than an error.
public enum BBoxLayout {
    public static func pages(_ xhtml: String) -> [PageGeometry] {
        var pages: [PageGeometry] = []
        var page: PageGeometry?
        var line: PlacedLine?
        var bytes = Array(xhtml.utf8)
        bytes.append(0)
        var i = 0
        let n = bytes.count - 1
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            var j = i + 1
            while j < n, bytes[j] != UInt8(ascii: ">") { j += 1 }
            let tag = bytes[(i + 1)..<j]
            i = j + 1
            if tag.starts(with: "page ".utf8) {
                if let p = page { pages.append(p) }
                page = PageGeometry(width: attribute("width", in: tag) ?? 0, height: attribute("height", in: tag) ?? 0, lines: [])
            } else if tag.starts(with: "line ".utf8) {
                line = PlacedLine(box: box(tag), words: [])
            } else if tag.elementsEqual("/line".utf8) {
                if let l = line, !l.words.isEmpty { page?.lines.append(l) }
                line = nil
            } else if tag.starts(with: "word ".utf8) {
                var k = i
                while k < n, bytes[k] != UInt8(ascii: "<") { k += 1 }
                let text = unescape(bytes[i..<k])
                i = k
                if !text.isEmpty { line?.words.append(PlacedWord(box: box(tag), text: text)) }
            }
        }
        if let p = page { pages.append(p) }
        return pages
    }

    private static func box(_ tag: ArraySlice<UInt8>) -> TextBox {
        let a = attributes(tag)
        return TextBox(x0: a["xMin"] ?? 0, y0: a["yMin"] ?? 0, x1: a["xMax"] ?? 0, y1: a["yMax"] ?? 0)
    }

    /// The number in `name="…"` of a tag.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> Double? {
        attributes(tag)[name]
    }

    /// The tag's `name="number"` pairs, in one pass over its bytes.
    private static func attributes(_ tag: ArraySlice<UInt8>) -> [String: Double] {
        var out: [String: Double] = [:]
        var i = tag.startIndex
        while i < tag.endIndex {
            // A name runs up to `=` and a quote.
            guard tag[i] == UInt8(ascii: "="), i + 1 < tag.endIndex, tag[i + 1] == UInt8(ascii: "\"") else { i += 1; continue }
            var n = i
            while n > tag.startIndex, tag[n - 1] != UInt8(ascii: " ") { n -= 1 }
            let name = String(decoding: tag[n..<i], as: UTF8.self)
            var k = i + 2
            while k < tag.endIndex, tag[k] != UInt8(ascii: "\"") { k += 1 }
            // (A coordinate past a million points is no page's: the rules
            // turn sizes into integers, which such a number would overflow.)
            if k - (i + 2) <= 24, let v = Double(String(decoding: tag[(i + 2)..<k], as: UTF8.self)), v.isFinite, abs(v) <= 1_000_000 {
                out[name] = v
            }
            i = k + 1
        }
        return out
    }

    /// The text of a word, its character references resolved.
    private static func unescape(_ raw: ArraySlice<UInt8>) -> String {
        let s = String(decoding: raw, as: UTF8.self)
        guard s.contains("&") else { return s }
        var out = String.UnicodeScalarView()
        var scalars = s.unicodeScalars[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            guard c == "&", let semi = scalars.prefix(10).firstIndex(of: ";") else { out.append(c); continue }
            let name = String(String.UnicodeScalarView(scalars[..<semi]))
            var resolved: Unicode.Scalar?
            switch name {
            case "amp": resolved = "&"
            case "lt": resolved = "<"
            case "gt": resolved = ">"
            case "quot": resolved = "\""
            case "apos": resolved = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    resolved = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    resolved = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let r = resolved {
                out.append(r)
                scalars = scalars[scalars.index(after: semi)...]
            } else {
                out.append(c)
            }
        }
        return String(out)
    }
}
