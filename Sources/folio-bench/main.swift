import EditionKit
import Typesetting
import Reader
#if canImport(Glibc)
import Glibc
#endif

// Parsing throughput on a generated 300-page edition (about 3.3 MB), the size
// of a large daily. Run on a release build:
//
//     swift run -c release folio-bench [pages] [rounds]
//
// Pages are made from the bundled seed page with their numbers changed, so
// every page exercises the whole rule set (folio, faux bold, headlines after
// bodies, photo-news boxes, datelines).

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let args = CommandLine.arguments
let pageCount = args.count > 1 ? Int(args[1]) ?? 300 : 300
let rounds = args.count > 2 ? Int(args[2]) ?? 5 : 5

let seedPath = "Editions/2024-08-08/11.txt"
guard let seed = try? EditionReader.text(path: seedPath) else {
    print("folio-bench: run from the repository root (needs \(seedPath))")
    exit(1)
}
var edition = ""
for n in 1...pageCount {
    edition += seed.replacing("制版：包聪颖 11", with: "制版：包聪颖 \(n)") + "\u{0C}"
}
let bytes = edition.utf8.count
let path = "/tmp/folio-bench-\(getpid()).txt"
let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
_ = Array(edition.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
close(fd)
defer { unlink(path) }

var best = Double.infinity
var articles = 0
for _ in 0..<rounds {
    let t0 = now()
    let e = try EditionReader.read(path: path)
    let json = EditionJSON.encode(e)
    let t = now() - t0
    articles = e.pages.reduce(0) { $0 + $1.articles.count }
    precondition(json.utf8.count > bytes / 2)
    best = min(best, t)
}
/// `x` with one decimal.
func fixed(_ x: Double) -> String { let t = Int((x * 10).rounded()); return "\(t / 10).\(t % 10)" }

let mb = Double(bytes) / 1_000_000
print("pages: \(pageCount), input: \(fixed(mb)) MB, articles: \(articles)")
print("read + parse + JSON, best of \(rounds): \(fixed(best * 1000)) ms, \(fixed(mb / best)) MB/s")

// Layout: every story of the seed page at 80 cells, the whole page.
let seedEdition = EditionReader.parse(text: seed, name: "11.txt")
var bestLayout = Double.infinity
var lines = 0
for _ in 0..<(rounds * 20) {
    let t0 = now()
    lines = 0
    for (_, article) in seedEdition.articles {
        let layout = ArticleLayout(article: article, width: 80)
        lines += layout.header.count + layout.body.count
    }
    bestLayout = min(bestLayout, now() - t0)
}
print("layout of the seed page at 80 cells (\(lines) lines), best of \(rounds * 20): \(fixed(bestLayout * 1_000_000)) µs")

// PDF pages: the analysis of recorded `pdftotext -bbox-layout` output (the
// sample pages the tests score), per page: read the XHTML, cut the page
// into its reading order, assemble the stories. Extraction itself is
// poppler's (docs/performance.md measures it beside this).
let geometryFolder = "Tests/EditionKitTests/Fixtures/geometry"
let recorded = (FileSystem.list(geometryFolder) ?? []).filter { $0.hasSuffix(".html") }.sorted()
if !recorded.isEmpty {
    let texts = recorded.compactMap { name -> String? in
        guard case .success(let bytes) = FileSystem.read(geometryFolder + "/" + name) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
    var bestRead = Double.infinity, bestAnalysis = Double.infinity
    var stories = 0
    for _ in 0..<rounds {
        let t0 = now()
        let geometries = texts.flatMap(BBoxLayout.pages)
        let t1 = now()
        stories = geometries.reduce(0) { $0 + GeometryParser.parse($1).articles.count }
        let t2 = now()
        bestRead = min(bestRead, t1 - t0)
        bestAnalysis = min(bestAnalysis, t2 - t1)
    }
    let n = Double(texts.count)
    print("PDF pages (\(texts.count) recorded, \(stories) stories): read \(fixed(bestRead / n * 1000)) ms + analysis \(fixed(bestAnalysis / n * 1000)) ms a page, best of \(rounds)")
}

// Search (`/` in the reader) from the middle of the same edition: how long
// until the first match shows, the longest step between keys while the
// count goes on, and the whole count. `诚信` is on every page; `灯塔` on none
// (every page's text is looked at, none parsed).
do {
    let doc = try EditionReader.open(path: path)
    for query in ["诚信", "灯塔"] {
        var bestFirst = Double.infinity, bestAll = Double.infinity, worstStep = 0.0
        var count = 0
        for _ in 0..<rounds {
            var state = ReaderState(document: doc, width: 80, height: 24)
            state.cursor = StoryRef(page: pageCount / 2, article: 0)
            let t0 = now()
            for c in "/\(query)" { _ = state.handle(.character(c)) }
            _ = state.handle(.enter)
            let t1 = now()
            var last = t1
            while state.continueSearch() {
                let t = now()
                worstStep = max(worstStep, t - last)
                last = t
            }
            bestFirst = min(bestFirst, t1 - t0)
            bestAll = min(bestAll, now() - t0)
            count = state.search?.matches.count ?? 0
        }
        print("search /\(query) from page \(pageCount / 2 + 1) (\(count) matches): first match \(fixed(bestFirst * 1000)) ms, whole count \(fixed(bestAll * 1000)) ms, longest step between keys \(fixed(worstStep * 1000)) ms, best of \(rounds)")
    }
}

// Bookmarks at scale: three years of a daily habit (10,000 bookmarks, 1,000
// editions' reading positions) in the file. Opening the store is what the
// reader does before its first frame; `m` adds one bookmark and saves it
// (under the lock, atomically: temp file, fsync, rename).
let bookmarkCount = 10_000
let bookmarkDir = "/tmp/folio-bench-bookmarks-\(getpid())"
let bookmarkPath = bookmarkDir + "/bookmarks.json"
func benchBookmark(_ i: Int) -> Bookmark {
    // Ten bookmarks an edition, a thousand editions.
    return Bookmark(edition: "2024-edition-\(i / 10)", page: 1 + i % 20, article: "\(1 + i % 20).\(1 + i % 7)",
                    title: "奏响夏夜“平安曲” 当好城市“守护人” \(i)", byline: "李炜",
                    fingerprint: String(UInt64(i) &* 0x9E37_79B9_7F4A_7C15, radix: 16),
                    position: TextPosition(block: 4, offset: 0), saved: "2026-11-\(10 + i % 18)T02:18:\(10 + i % 50)Z")
}
do {
    var file = BookmarkFile()
    file.bookmarks = (0..<bookmarkCount).map(benchBookmark)
    for k in 0..<1000 {
        file.positions["2024-edition-\(k)"] = ReadingPosition(article: "1.1", fingerprint: "6ac6571cef9dccf7",
                                                                                 position: TextPosition(block: 9, offset: 0), saved: "2026-11-29T02:18:03Z")
    }
    mkdir(bookmarkDir, 0o755)
    let text = Array((file.json.printed() + "\n").utf8)
    let out = open(bookmarkPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    _ = text.withUnsafeBytes { write(out, $0.baseAddress, $0.count) }
    close(out)
    var bestWhole = Double.infinity, bestOpen = Double.infinity, bestAdd = Double.infinity, bestRemove = Double.infinity
    for r in 0..<rounds {
        // Whole: what `folio bookmarks` and the bookmarks screen read.
        let t0 = now()
        let whole = BookmarkStore(path: bookmarkPath)
        let t1 = now()
        precondition(whole.file.bookmarks.count >= bookmarkCount)
        // The reader's first screen: one edition's part (`firstShowing`).
        let store = BookmarkStore(path: bookmarkPath, firstShowing: "2024-edition-500")
        let t2 = now()
        precondition(store.file.bookmarks.count == 10 && store.partOf != nil)
        var extra = benchBookmark(bookmarkCount + r)
        extra.edition = "2024-edition-500"
        store.add(extra)
        let t3 = now()
        store.remove(key: extra.key)
        let t4 = now()
        bestWhole = min(bestWhole, t1 - t0)
        bestOpen = min(bestOpen, t2 - t1)
        bestAdd = min(bestAdd, t3 - t2)
        bestRemove = min(bestRemove, t4 - t3)
    }
    print("bookmarks (\(bookmarkCount), \(fixed(Double(text.count) / 1_000_000)) MB): open whole \(fixed(bestWhole * 1000)) ms, open for the first screen \(fixed(bestOpen * 1000)) ms, m (add) \(fixed(bestAdd * 1000)) ms, m (remove) \(fixed(bestRemove * 1000)) ms, best of \(rounds)")
    for name in FileSystem.list(bookmarkDir) ?? [] { unlink(bookmarkDir + "/" + name) }
    rmdir(bookmarkDir)
}
