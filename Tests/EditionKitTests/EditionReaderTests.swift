import Foundation
import Testing
@testable import EditionKit

/// Sources a user has: folders, form-feed files, single pages, in every
/// supported encoding; and the errors for what is not an edition.
@Suite struct EditionReaderTests {
    let page = "2024年8月6日\n\n星期二\n\n责编：赵 敏\n\n制版：孙立 PAGE\n\n图书馆延长开放时间\n\n本报记者 李 明\n\n暑期的图书馆座无虚席。记者\n走访发现，市图书馆延长了开放\n时间。\n"

    func page(_ n: Int) -> String { page.replacingOccurrences(of: "PAGE", with: "\(n)") }

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("folio-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func decodesEveryEncoding() throws {
        let text = page(1)
        let utf8 = Array(text.utf8)
        #expect(try TextDecoder.decode(utf8).get().encoding == .utf8)
        #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF] + utf8).get().text == text)
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try TextDecoder.decode(le).get() == (text, .utf16LE))
        #expect(try TextDecoder.decode(be).get() == (text, .utf16BE))
        // GB18030 bytes of “图书馆”: not UTF-8, decoded without mojibake.
        let gb: [UInt8] = [0xCD, 0xBC, 0xCA, 0xE9, 0xB9, 0xDD]
        #expect(try TextDecoder.decode(gb).get() == ("图书馆", .gb18030))
    }

    @Test func rejectsWhatIsNotText() {
        #expect(throws: TextDecoder.Failure.empty) { try TextDecoder.decode([]).get() }
        #expect(throws: TextDecoder.Failure.binary) { try TextDecoder.decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]).get() }
        // 0x80 alone is valid in neither UTF-8 nor GB18030.
        #expect(throws: TextDecoder.Failure.undecodable) { try TextDecoder.decode([0x41, 0x80, 0x42, 0xFF]).get() }
    }

    @Test func folderPagesAreOrderedByTheirOwnNumbers() throws {
        let d = try tempDir().appendingPathComponent("2024-08-06")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        // File names say the opposite of the folios.
        try page(2).write(to: d.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data(page(1).data(using: .utf16)!).write(to: d.appendingPathComponent("b.txt"))
        try "not a page".write(to: d.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let e = try EditionReader.read(path: d.path)
        #expect(e.date == "2024-08-06")
        #expect(e.pages.map(\.number) == [1, 2])
        #expect(e.articles.map(\.article.id) == ["1.1", "2.1"])
    }

    @Test func formFeedsSeparatePages() throws {
        let e = EditionReader.parse(text: page(1) + "\u{0C}" + page(2) + "\u{0C}", name: "2024-08-06.txt")
        #expect(e.pages.count == 2)
        #expect(e.pages.map(\.source) == ["2024-08-06.txt#1", "2024-08-06.txt#2"])
        #expect(e.date == "2024-08-06")
    }

    @Test func pageNumberFromTheFileNameWhenTheFolioHasNone() {
        let e = EditionReader.parse(text: "暑期的图书馆座无虚席。\n", name: "07.txt")
        #expect(e.pages[0].number == 7)
        #expect(e.pages[0].articles.map(\.id) == ["7.1"])
    }

    @Test func idsAreStableForTheSameInput() {
        let a = EditionReader.parse(text: Fixture.text("seed-2024-08-08-11.txt"), name: "11.txt")
        let b = EditionReader.parse(text: Fixture.text("seed-2024-08-08-11.txt"), name: "11.txt")
        #expect(a == b)
    }

    @Test func errorsNameTheProblem() throws {
        let d = try tempDir()
        #expect(throws: EditionError.notFound(path: d.path + "/missing")) { try EditionReader.read(path: d.path + "/missing") }
        #expect(throws: EditionError.noPages(path: d.path)) { try EditionReader.read(path: d.path) }
        let empty = d.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        #expect(throws: EditionError.emptyFile(path: empty.path)) { try EditionReader.read(path: empty.path) }
        let blank = d.appendingPathComponent("blank.txt")
        try "\n\n  \n\u{0C}\n".write(to: blank, atomically: true, encoding: .utf8)
        #expect(throws: EditionError.emptyFile(path: blank.path)) { try EditionReader.read(path: blank.path) }
        let binary = d.appendingPathComponent("binary.txt")
        try Data([0x00, 0x01, 0x02, 0x03, 0x89, 0x50, 0x4E, 0x47]).write(to: binary)
        #expect(throws: EditionError.binaryFile(path: binary.path)) { try EditionReader.read(path: binary.path) }
        #expect(EditionError.undecodable(path: "x.txt").description == "x.txt: not text in UTF-8, UTF-16 or GB18030")
    }

    @Test func libraryPicksTodayElseTheNewest() throws {
        let root = try tempDir()
        for name in ["2024-08-05", "2024-08-07.txt", "notes", "2024-13-01"] {
            if name.hasSuffix(".txt") { try page(1).write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            else { try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true) }
        }
        let lib = EditionLibrary(root: root.path)
        #expect(lib.editions().map(\.date) == ["2024-08-05", "2024-08-07"])
        #expect(try lib.pick(date: nil, today: "2024-08-05").fellBack == false)
        let newest = try lib.pick(date: nil, today: "2030-01-01")
        #expect(newest.date == "2024-08-07" && newest.fellBack)
        #expect(throws: EditionError.noSuchEdition(date: "2024-08-06", library: root.path)) { try lib.pick(date: "2024-08-06", today: "x") }
        #expect(throws: EditionError.emptyLibrary(library: root.path + "/notes")) { try EditionLibrary(root: root.path + "/notes").pick(date: nil, today: "x") }
    }

    @Test func libraryLocation() {
        let xdg = EditionLibrary.locate(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"], workingDirectory: "/nonexistent")
        #expect(xdg.root == "/data/folio/editions")
        #expect(EditionLibrary.locate(environment: ["HOME": "/home/u"], workingDirectory: "/nonexistent").root == "/home/u/.local/share/folio/editions")
        #expect(EditionLibrary.locate(environment: ["FOLIO_EDITIONS": "/srv/e", "HOME": "/h"], workingDirectory: "/nonexistent").root == "/srv/e")
    }
}
