import Foundation
import Testing
import Typesetting
import EditionKit
@testable import Reader

/// The reader's own JSON (it reads the bookmarks file without Foundation):
/// strict RFC 8259 parsing, printing Foundation can read back, and files
/// written by earlier folios (Foundation's `JSONEncoder`) still readable.
@Suite struct JSONTests {
    func parse(_ s: String) throws -> JSON { try JSON(parsing: Array(s.utf8)) }

    @Test func parsesEveryKindOfValue() throws {
        let v = try parse(#" {"a": [1, -2.5, 3e2, 0, true, false, null], "s": "引号\"\\\/\n\t\u00e9\ud83d\ude00", "o": {}} "#)
        #expect(v["a"] == .array([.number(1), .number(-2.5), .number(300), .number(0), .bool(true), .bool(false), .null]))
        #expect(v["s"]?.stringValue == "引号\"\\/\n\té😀")
        #expect(v["o"] == .object([:]))
        #expect(v["a"]?.intValue == nil && JSON.number(12).intValue == 12 && JSON.number(1.5).intValue == nil)
    }

    @Test func refusesWhatIsNotJSON() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "+1", "\"\\x\"", "\"\\ud800\"", "\"tab\there\"",
                    "nul", "[1] 2", "{'a': 1}", "\"open", String(repeating: "[", count: 100) + String(repeating: "]", count: 100)] {
            #expect(throws: JSON.SyntaxError.self, "\(bad)") { try parse(bad) }
        }
        #expect(throws: JSON.SyntaxError.self) { try JSON(parsing: [0x22, 0xFF, 0x22]) }  // not UTF-8
    }

    @Test func printsWhatFoundationReadsBack() throws {
        let v = JSON.object(["title": .string("“守护人” a/b \"q\" \\ \n\u{1}"), "n": .number(11), "x": .number(0.25),
                             "list": .array([.null, .bool(true), .object([:]), .array([])])])
        let text = v.printed()
        #expect(text.contains("a/b") && text.contains("“守护人”"))
        let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(back?["title"] as? String == "“守护人” a/b \"q\" \\ \n\u{1}")
        #expect(back?["n"] as? Int == 11 && back?["x"] as? Double == 0.25)
        #expect(try parse(text) == v)
        // Keys are sorted, so the file diffs well.
        #expect(text.range(of: "\"list\"")!.lowerBound < text.range(of: "\"n\"")!.lowerBound)
    }

    @Test func bookmarkFilesRoundTripAndMatchCodable() throws {
        let file = BookmarkFile(
            bookmarks: [Bookmark(edition: "2024-08-08", page: 11, article: "11.2", title: "奏响夏夜“平安曲”", byline: nil,
                                 fingerprint: "6ac6571cef9dccf7", position: TextPosition(block: 4, offset: 3), saved: "2026-11-29T02:18:00Z")],
            positions: ["2024-08-08": ReadingPosition(article: "11.2", fingerprint: "6ac6571cef9dccf7",
                                                      position: TextPosition(block: 9, offset: 0), saved: "2026-11-29T02:18:03Z")])
        let printed = file.json.printed()
        #expect(BookmarkFile(json: try parse(printed)) == file)
        #expect(try JSONDecoder().decode(BookmarkFile.self, from: Data(printed.utf8)) == file)
        #expect(!printed.contains("byline"))  // absent optionals are left out, as Codable does
    }

    /// The file is written field by field (`BookmarkFile.printedUTF8`), not
    /// through the JSON tree: the bytes must be the tree's, with optionals
    /// present and absent, escapes, several entries, and empty lists.
    @Test func bookmarkFilesPrintAsTheirJSONTreeDoes() throws {
        let a = Bookmark(edition: "2024-08-08", page: 11, article: "11.2", title: "奏响夏夜“平安曲”\n\"x\"\u{1B}", byline: "李炜",
                         fingerprint: "6ac6571cef9dccf7", position: TextPosition(block: 4, offset: 3), saved: "2026-11-29T02:18:00Z")
        let b = Bookmark(edition: "2024-08-07", page: nil, article: "1.1", title: nil, byline: nil,
                         fingerprint: "00ff", position: TextPosition(block: 0, offset: 0), saved: "2026-11-28T02:18:00Z")
        let p = ReadingPosition(article: "11.2", fingerprint: "6ac6571cef9dccf7", position: TextPosition(block: 9, offset: 12), saved: "2026-11-29T02:18:03Z")
        let files = [
            BookmarkFile(),
            BookmarkFile(bookmarks: [a]),
            BookmarkFile(positions: ["2024-08-08": p]),
            BookmarkFile(bookmarks: [a, b], positions: ["2024-08-08": p, "/tmp/a b/\"q\"": p, "2024-08-07": p]),
        ]
        for file in files {
            #expect(String(decoding: file.printedUTF8(), as: UTF8.self) == file.json.printed())
        }
    }

    /// A file as folio 1.0 wrote it with Foundation's JSONEncoder (pretty,
    /// sorted keys, `"key" : value`), with an escaped slash and null optionals.
    @Test func readsFilesEarlierFoliosWrote() throws {
        let old = """
            {
              "bookmarks" : [
                {
                  "article" : "11.2",
                  "byline" : null,
                  "edition" : "2024-08-08",
                  "fingerprint" : "6ac6571cef9dccf7",
                  "page" : 11,
                  "position" : {
                    "block" : 4,
                    "offset" : 0
                  },
                  "saved" : "2026-11-29T02:18:00Z",
                  "title" : "a\\/b",
                  "unknown" : [1, 2]
                }
              ],
              "positions" : {

              },
              "version" : 1
            }
            """
        let file = try #require(BookmarkFile(json: try parse(old)))
        #expect(file.bookmarks.first?.title == "a/b" && file.bookmarks.first?.byline == nil && file.bookmarks.first?.page == 11)
        #expect(try JSONDecoder().decode(BookmarkFile.self, from: Data(old.utf8)) == file)
    }

    @Test func aFileThatBreaksTheSchemaIsRefused() throws {
        let good = #"{"version": 1, "bookmarks": [], "positions": {}}"#
        #expect(BookmarkFile(json: try parse(good)) != nil)
        for bad in [#"{"bookmarks": [], "positions": {}}"#,
                    #"{"version": "1", "bookmarks": [], "positions": {}}"#,
                    #"{"version": 1, "bookmarks": [{"edition": "x"}], "positions": {}}"#,
                    #"{"version": 1, "bookmarks": [], "positions": {"d": {"article": "1", "fingerprint": "f", "saved": "s", "position": {"block": 1}}}}"#,
                    #"{"version": 1, "bookmarks": [{"edition": "e", "article": "a", "fingerprint": "f", "saved": "s", "page": "11", "position": {"block": 1, "offset": 0}}], "positions": {}}"#] {
            #expect(BookmarkFile(json: try parse(bad)) == nil, "\(bad)")
            #expect((try? JSONDecoder().decode(BookmarkFile.self, from: Data(bad.utf8))) == nil, "Codable agrees: \(bad)")
        }
    }
}
