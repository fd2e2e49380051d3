@testable import EditionKit
import Foundation
import Testing
@testable import Reader

/// Bookmark files hold story fingerprints: the fast way of computing them
/// must give what the first folio computed, for every story we have.
@Suite struct FingerprintTests {
    static let editions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Editions").standardized

    /// The definition, as first written: FNV-1a over the UTF-8 of the first
    /// 120 alphabetic or numeric scalars of the title and the body text.
    static func reference(_ a: Article) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        var taken = 0
        for s in ((a.title ?? "") + a.bodyText).unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil {
            for b in String(s).utf8 {
                hash ^= UInt64(b)
                hash = hash &* 0x100000001b3
            }
            taken += 1
            if taken == 120 { break }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test func everyBundledStoryKeepsItsFingerprint() throws {
        var stories = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.editions.path) where !name.hasPrefix(".") {
            for page in try EditionReader.read(path: Self.editions.appendingPathComponent(name).path).pages {
                for a in page.articles {
                    #expect(a.fingerprint == Self.reference(a), "\(a.id)")
                    stories += 1
                }
            }
        }
        #expect(stories > 10)
        // Short stories, Latin and mixed text, and untitled ones.
        for text in ["图书馆延长开放时间\n\n暑期的图书馆座无虚席。", "By JANE DOE\n\nThe library opens at 9 a.m. on 12 days — 々〇 ①②", "。。。"] {
            for a in PageParser.parse(text).articles { #expect(a.fingerprint == Self.reference(a)) }
        }
    }

    @Test func fastLetterClassesAgreeWithUnicodeProperties() {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x2000...0x206F, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF]
        for r in ranges {
            for v in r {
                guard let s = Unicode.Scalar(v) else { continue }
                #expect(Article.isFingerprintLetter(s) == (s.properties.isAlphabetic || s.properties.numericType != nil), "U+\(String(v, radix: 16))")
                #expect(ReaderState.isWordLetter(s) == (s.properties.isAlphabetic || (0x30...0x39).contains(v)), "U+\(String(v, radix: 16))")
            }
        }
    }
}
