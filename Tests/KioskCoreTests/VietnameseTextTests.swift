import KioskCore
import Testing

@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Đặng Thị Ánh", "dang thi anh"),
        ("  NGUYỄN   Văn  An ", "nguyen van an"),
        ("Trần Đức Thắng", "tran duc thang"),
        ("Lê Thị Hồng Nhung", "le thi hong nhung"),
        ("đ Đ", "d d"),
    ])
    func foldingIgnoresCaseToneMarksAndReadsDAsD(input: String, folded: String) {
        #expect(VietnameseFolding.fold(input) == folded)
    }

    @Test(arguments: [
        ("0912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("091.234.5678", "0912345678"),
    ])
    func phoneNumbersAreNormalizedToTenDigits(typed: String, digits: String) {
        #expect(PhoneNumber(typed)?.digits == digits)
    }

    // The fuzzer's find: a digit with a combining mark (`8\u{301}`) sorts between `8` and `9`.
    @Test(arguments: ["", "12345", "0012345678", "091234567a", "09123456789", "+1 912 345 678", "１２３４５６７８９０",
                      "01546728\u{301}38", "0912345678\u{20E3}", "091234567\u{0663}"])
    func invalidPhoneNumbersAreRefused(typed: String) {
        #expect(PhoneNumber(typed) == nil)
    }

    @Test func datesAreShownDayFirstAndAgesCountWholeYears() throws {
        let birth = try #require(LocalDate(iso: "2015-06-01"))
        #expect(birth.display == "01/06/2015")
        #expect(birth.age(on: LocalDate(year: 2026, month: 5, day: 31)!) == 10)
        #expect(birth.age(on: LocalDate(year: 2026, month: 6, day: 1)!) == 11)
        #expect(LocalDate(iso: "2015-02-31") == nil)
        #expect(LocalDate(iso: "15-06-01") == nil)
    }

    @Test func freeTextIsTrimmedBoundedAndFreeOfControlCharacters() throws {
        #expect(try TextInput.clean("  Nguyễn An ", field: "name") == "Nguyễn An")
        #expect(throws: KioskError.self) { try TextInput.clean(String(repeating: "a", count: 121), field: "name") }
        #expect(throws: KioskError.self) { try TextInput.clean("An\u{0000}", field: "name") }
        #expect(throws: KioskError.self) { try TextInput.clean("   ", field: "name") }
    }

    @Test func oddUnicodeIsNoName() throws {
        // A name typed in decomposed form is kept composed, and counts as written.
        #expect(try TextInput.clean("Nguye\u{0302}\u{0303}n", field: "name", maxLength: 6) == "Nguyễn")
        // One letter under 10,000 combining marks, a right-to-left override, a zero-width space, private use: refused.
        for odd in ["a" + String(repeating: "\u{0301}", count: 10_000), "An\u{202E}hnà", "A\u{200B}n", "An\u{E000}"] {
            #expect(throws: KioskError.self, "\(odd.unicodeScalars.count) scalars") { try TextInput.clean(odd, field: "name", maxLength: 80) }
        }
        #expect(try TextInput.clean("Đặng Thị Ánh", field: "name", maxLength: 12) == "Đặng Thị Ánh")
    }

    @Test func csvOpensInExcelWithVietnameseAndNoFormulas() {
        var csv = CSVWriter(header: ["tên", "ghi chú"])
        csv.append(["Đặng Thị Ánh", "=HYPERLINK(\"x\")"])
        csv.append(["Lê, Văn", "dòng\nmới"])
        let text = String(decoding: csv.bytes, as: UTF8.self)
        #expect(csv.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.contains("Đặng Thị Ánh,\"'=HYPERLINK(\"\"x\"\")\"\r\n"))
        #expect(text.contains("\"Lê, Văn\",\"dòng\nmới\"\r\n"))
    }

    /// Found by the csv fuzz harness: a quote followed by a combining mark is one Character, and the
    /// quote was not doubled, so the field stayed open and swallowed the next columns.
    @Test func aQuoteFollowedByACombiningMarkIsDoubledAndTheFileReadsBack() throws {
        let row = ["Bé \"Na\"\u{031E}", "ô sau"]
        var csv = CSVWriter(header: ["tên", "ghi chú"])
        csv.append(row)
        #expect(try CSVReader.parse(csv.bytes).map(\.fields) == [["tên", "ghi chú"], row])
    }
}
