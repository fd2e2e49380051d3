import Foundation
import Testing
@testable import Typesetting

/// `DisplayWidth` against the reference (the `wcwidth` package at the same
/// Unicode version), for every code point of planes 0–1 and every RGI emoji
/// sequence. Vectors: Scripts/generate-width-vectors.py.
@Suite struct WidthReferenceTests {
    static func fixture(_ name: String) -> String {
        try! String(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name), encoding: .utf8)
    }

    /// Where we differ from the reference on purpose, and why.
    static let deliberate: [(ClosedRange<UInt32>, String)] = [
        (0x00...0x1F, "C0 controls: drawn as a one-cell visible replacement, never sent raw"),
        (0x7F...0x9F, "DEL and C1 controls: drawn as a one-cell visible replacement"),
        // Our tables are Unicode 15.0 (the UCD Debian ships); the reference
        // applies some later changes even when asked for 15.0:
        (0x2630...0x2637, "trigrams: East_Asian_Width W only from Unicode 16.0"),
        (0x268A...0x268F, "monograms and digrams: W only from Unicode 16.0"),
        (0x4DC0...0x4DFF, "Yijing hexagrams: W only from Unicode 16.0"),
        (0x1D300...0x1D356, "Tai Xuan Jing symbols: W only from Unicode 16.0"),
        (0x1D360...0x1D376, "counting rod numerals: W only from Unicode 16.0"),
    ]

    /// Code points assigned after Unicode 15.0 are unassigned for our tables
    /// (one cell, like any unassigned code point).
    static func assignedAfter15(_ s: Unicode.Scalar) -> Bool {
        guard let age = s.properties.age else { return true }
        return age.major > 15 || (age.major == 15 && age.minor > 0)
    }

    @Test func everyCodePointOfPlanes0And1() {
        var differences: [String] = []
        for line in Self.fixture("wcwidth-codepoints.txt").split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: " ")
            let lo = UInt32(f[0], radix: 16)!, hi = UInt32(f[1], radix: 16)!, want = Int(f[2])!
            for v in lo...hi {
                guard let s = Unicode.Scalar(v) else { continue }
                let got = DisplayWidth.of(s)
                if got != want && !Self.deliberate.contains(where: { $0.0.contains(v) }) && !Self.assignedAfter15(s) {
                    differences.append(String(format: "U+%04X ours %d reference %d", v, got, want))
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differences: \(differences.prefix(20))")
    }

    @Test func everyEmojiSequence() {
        var differences: [String] = []
        var count = 0
        for line in Self.fixture("wcwidth-emoji.txt").split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: ";")
            let scalars = parts[0].split(separator: " ").map { Unicode.Scalar(UInt32($0, radix: 16)!)! }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars)
            let text = String(s)
            let want = Int(parts[1].trimmingCharacters(in: .whitespaces))!
            count += 1
            if DisplayWidth.of(text) != want { differences.append("\(parts[0]): ours \(DisplayWidth.of(text)) reference \(want)") }
        }
        #expect(count > 2000)
        #expect(differences.isEmpty, "\(differences.count) differences: \(differences.prefix(20))")
    }

    @Test func tablesStateTheirUnicodeVersion() {
        #expect(WidthTable.unicodeVersion == "15.0.0")
        #expect(Self.fixture("wcwidth-codepoints.txt").hasPrefix("# wcwidth 0.7.0, Unicode 15.0.0"))
    }

    @Test func ambiguousWidthIsAnOption() {
        #expect(DisplayWidth.of("“") == 1)
        #expect(DisplayWidth.of("“", ambiguousWide: true) == 2)
        #expect(DisplayWidth.of("±", ambiguousWide: true) == 2)
        #expect(DisplayWidth.of("a", ambiguousWide: true) == 1)
    }
}
