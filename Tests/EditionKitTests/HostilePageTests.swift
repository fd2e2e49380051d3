import Testing
@testable import EditionKit

/// Page text is untrusted: no line of it may crash the parser.
@Suite struct HostilePageTests {
    /// Found by the fuzzer: a first line of 19+ digits overflowed the date reader.
    @Test(arguments: [
        "9999992249920242024",
        "9999992249920242024年8月8日 星期四",
        "2024年99999999999999999999月8日",
        "第99999999999999999999999版",
        "A99999999999999999999 THE EVENING POST Monday, March 99999999999999999999, 2025",
        "99999999999999999999-08-08 本版责编：钱虹 99999999999999999999",
        "March 99999999999999999999, 99999999999999999999",
    ])
    func longNumbersAreNotNumbers(_ first: String) {
        let text = first + "\n本报北京8月7日电 这是一段足够长的正文，用来让解析器读完整页而不出错。\n"
        let page = PageParser.parse(text)
        assertKeepsText(text, page)
    }

    @Test func numbersReadWithinTheirBounds() {
        #expect(DecimalNumber.value(of: "2024", maxDigits: 4) == 2024)
        #expect(DecimalNumber.value(of: "20245", maxDigits: 4) == nil)
        #expect(DecimalNumber.value(of: String(repeating: "9", count: 40), maxDigits: 40) == nil)
        #expect(DecimalNumber.value(of: "") == nil && DecimalNumber.value(of: "1a") == nil && DecimalNumber.value(of: "-1") == nil)
        #expect(DateText.chinese(Array("9999992249920242024年8月8日".unicodeScalars)) == nil)
        #expect(DateText.chinese(Array("2024年8月8日".unicodeScalars)) == "2024-08-08")
        #expect(FolioReader.pageNumber(Array("第11版".unicodeScalars))?.number == 11)
        #expect(FolioReader.pageNumber(Array("第99999999999999999999999版".unicodeScalars)) == nil)
    }
}
