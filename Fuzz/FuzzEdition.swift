// libFuzzer target for EditionKit and Typesetting: bytes in, through every
// stage a page goes through in folio, no crash, no hang, no memory error.
//
//     Scripts/fuzz.sh [SECONDS]      builds with -sanitize=fuzzer,address and runs
//
// Compiled with the sources of EditionKit and Typesetting as one module
// (their `import EditionKit` is then ignored), so no package build is needed.

/// The first byte picks the layout width (10…200 cells) and whether the
/// bytes are read as a whole file (decoding, form-feed pages) or as one page;
/// bytes that open with `<` are read as a PDF page's geometry
/// (`pdftotext -bbox-layout` output) instead.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEdition(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let width = 10 + Int(control % 64) * 3
    let edition: Edition
    if bytes.first == UInt8(ascii: "<") {
        // `pdftotext -bbox-layout` output: a PDF page's geometry.
        let pages = BBoxLayout.pages(String(decoding: bytes, as: UTF8.self)).map { GeometryParser.parse($0, source: "fuzz.pdf") }
        edition = Edition(date: pages.first?.date, pages: pages)
    } else if control & 0x80 != 0 {
        guard case .success(let decoded) = TextDecoder.decode(bytes) else { return 0 }
        edition = EditionReader.parse(text: decoded.text, name: "fuzz.txt")
    } else {
        let page = PageParser.parse(String(decoding: bytes, as: UTF8.self), source: "fuzz.txt")
        edition = Edition(date: page.date, pages: [page])
    }
    let json = EditionJSON.encode(edition)
    precondition(!json.isEmpty)
    for (_, article) in edition.articles {
        let layout = ArticleLayout(article: article, width: width, columns: control & 0x40 != 0 ? nil : 1)
        _ = layout.render(top: 0, height: 24)
        _ = layout.render(top: max(0, layout.body.count - 5), height: 8)
    }
    return 0
}
