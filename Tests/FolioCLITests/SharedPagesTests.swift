import Foundation
import Testing

/// Every sample page of `../shared/pages` (copied into `SharedPages/` with
/// the published scorer, `check_parse.py`): `folio export` on each, scored as
/// the recipe says, one line per case in the test log and the total. Each
/// case must score at least what it scored when its floor was last raised;
/// the target is 95% over the `train-*` cases (docs/format.md).
@Suite struct SharedPagesTests {
    static let folder = CLITests.repoRoot.appendingPathComponent("Tests/FolioCLITests/SharedPages")

    /// Items matched when each floor was set (raise them as the parser
    /// improves; never lower one to make a change pass).
    static let floors: [String: Int] = [
        "rmrb-04": 59, "rmrb-18-mupdf": 65,
        "train-en-c": 27, "train-en-c-mupdf": 27, "train-en-d": 33, "train-en-e": 37, "train-en-e-mupdf": 37,
        "train-rmrb-02": 78, "train-rmrb-02-plain": 59, "train-rmrb-05": 92, "train-rmrb-05-mupdf": 92,
        "train-rmrb-06": 79, "train-rmrb-06-mupdf": 79, "train-rmrb-07": 70, "train-rmrb-07-plain": 59,
        "train-rmrb-17": 55, "train-rmrb-17-mupdf": 55, "train-rmrb-19": 64, "train-rmrb-19-plain": 46,
    ]

    /// The sample pages whose own cases are another reading, read from
    /// their PDFs by plain `pdftotext` (`pdftotext page.pdf NN.txt`; the
    /// -plain cases above are that reading of the other three): plain
    /// `pdftotext` scatters blocks, and these keep the rules written for it
    /// honest. Not part of the train total.
    static let plainReadingFloors: [String: Int] = [
        "plain-train-en-c": 26, "plain-train-en-d": 13, "plain-train-en-e": 23,
        "plain-train-rmrb-05": 77, "plain-train-rmrb-06": 28, "plain-train-rmrb-17": 45,
    ]

    static var havepython: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3") }

    /// Scores one case: (matched, total).
    static func score(_ name: String) throws -> (Int, Int) {
        let dir = folder.appendingPathComponent(name)
        let goldURL = dir.appendingPathComponent("gold.json")
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as! [String: Any]
        let page = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".txt") }!
        // As the recipe says: the page alone, in a folder named by the date.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-shared-\(UUID().uuidString)")
        let edition = work.appendingPathComponent(gold["date"] as! String)
        try FileManager.default.createDirectory(at: edition, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: dir.appendingPathComponent(page), to: edition.appendingPathComponent(page))
        let export = try CLITests.run(["export", edition.path])
        let exportURL = work.appendingPathComponent("export.json")
        try export.stdout.write(to: exportURL, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", folder.appendingPathComponent("check_parse.py").path, goldURL.path, exportURL.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let last = text.split(separator: "\n").last { $0.hasPrefix("parse: ") }.map(String.init) ?? ""
        let figures = last.dropFirst("parse: ".count).split(separator: " ").first?.split(separator: "/").compactMap { Int($0) } ?? []
        guard figures.count == 2 else { throw CocoaError(.coderReadCorrupt) }
        return (figures[0], figures[1])
    }

    @Test func everySharedPageScoresAtLeastItsFloor() throws {
        try #require(Self.havepython, "python3 runs the published scorer")
        var trainHits = 0, trainTotal = 0
        var table = "case                    score\n"
        for name in Self.floors.keys.sorted() {
            let (hits, total) = try Self.score(name)
            table += name.padding(toLength: 24, withPad: " ", startingAt: 0) + "\(hits)/\(total)\n"
            if name.hasPrefix("train-") { trainHits += hits; trainTotal += total }
            #expect(hits >= Self.floors[name]!, "\(name): \(hits)/\(total), floor \(Self.floors[name]!)")
        }
        table += "train-* total           \(trainHits)/\(trainTotal) (\(trainHits * 1000 / max(1, trainTotal) / 10)%)\n"
        print(table)
        #expect(trainTotal > 1000)
    }

    @Test func everySamplePDFReadByPlainPdftotextScoresAtLeastItsFloor() throws {
        try #require(Self.havepython, "python3 runs the published scorer")
        var table = "plain reading of        score\n"
        for name in Self.plainReadingFloors.keys.sorted() {
            let (hits, total) = try Self.score(name)
            table += name.padding(toLength: 24, withPad: " ", startingAt: 0) + "\(hits)/\(total)\n"
            #expect(hits >= Self.plainReadingFloors[name]!, "\(name): \(hits)/\(total), floor \(Self.plainReadingFloors[name]!)")
        }
        print(table)
    }
}
