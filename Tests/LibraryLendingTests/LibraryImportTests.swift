import Foundation
import HummingbirdTesting
import KioskTesting
import LibraryLending
import Testing

/// The catalogue imported from a CSV file made in Excel, through the admin pages.
@Suite struct LibraryImportTests {
    static let header = "title;author;publisher;year;isbn;category;minAge;maxAge;shelfMark;barcode;shelf"

    private func csv(_ lines: [String], bom: Bool = true) -> [UInt8] {
        (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(([Self.header] + lines).joined(separator: "\r\n").utf8) + [0x0D, 0x0A]
    }

    @Test func aFileIsCheckedRowByRowThenSavedInOneGoAndImportingItAgainAddsNothing() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            let file = csv([
                "\"Kính vạn hoa; tập 1\";Nguyễn Nhật Ánh;NXB Kim Đồng;2019;9786042000011;literature;9;15;VH;KVH-0001;Kệ V",
                "\"Kính vạn hoa; tập 1\";Nguyễn Nhật Ánh;NXB Kim Đồng;2019;9786042000011;literature;9;15;VH;KVH-0002;Kệ V",
                "Bách khoa cho bé;;;;;science;5;9;KH;8935000000017;Kệ K",
            ])
            try await admin.get("/admin/DEMO/m/library/titles/import")
            try await admin.post("/admin/DEMO/m/library/titles/import", [], files: [("file", "sach.csv", file)])
            #expect(admin.page.contains("Tệp có 3 dòng, không có lỗi."))
            #expect(try await count(kiosk, "library_copy") == 6, "nothing saved before the confirmation (the demo has 6 copies)")
            let text = try #require(admin.page.firstMatch(of: /<textarea name="csv" hidden>([^<]*)<\/textarea>/)).1
            let sentBack = String(text).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            let saved = try await admin.post("/admin/DEMO/m/library/titles/import", [("confirm", "yes"), ("csv", sentBack)], files: [])
            try await admin.get(try #require(saved.headers[.location]))
            #expect(admin.page.contains("Đã nhập: 3 mục mới."))
            #expect(try await count(kiosk, "library_copy") == 9)
            #expect(try await count(kiosk, "library_title") == 6)
            let title = try await kiosk.services.database.read { db in
                try String.fetchOne(db, sql: "SELECT title FROM library_title WHERE isbn = '9786042000011'")
            }
            #expect(title == "Kính vạn hoa; tập 1")

            try await admin.get("/admin/DEMO/m/library/titles/import")
            try await admin.post("/admin/DEMO/m/library/titles/import", [], files: [("file", "sach.csv", file)])
            let again = try await admin.post("/admin/DEMO/m/library/titles/import", [("confirm", "yes"), ("csv", sentBack)], files: [])
            try await admin.get(try #require(again.headers[.location]))
            #expect(admin.page.contains("Đã nhập: 0 mục mới."))
            #expect(try await count(kiosk, "library_copy") == 9)
        }
    }

    @Test func aDamagedFileShowsEveryRowsErrorWithItsLineAndSavesNothing() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            let file = csv([
                "Đúng;;;;;comics;7;12;;NEW-0001;",
                "Sai thể loại;;;;;truyện;7;12;;NEW-0002;",
                "Tuổi ngược;;;;;comics;12;7;;NEW-0003;",
                "Trùng mã;;;;;comics;7;12;;NEW-0001;",
                "\"Hai dòng\ntrong tên\";;;;;comics;7;12;;NEW-0009;",
                "Mã của sách khác;;;;;comics;7;12;;LIB-0001;",
            ], bom: false)
            try await admin.get("/admin/DEMO/m/library/titles/import")
            let answer = try await admin.post("/admin/DEMO/m/library/titles/import", [], files: [("file", "hong.csv", file)])
            #expect(answer.status == .badRequest)
            #expect(admin.page.contains("5 trong 6 dòng có lỗi"))
            for (line, message) in [(3, "Thể loại là một trong"), (4, "Tuổi bắt đầu phải nhỏ hơn"), (5, "Mã vạch NEW-0001 có ở hai dòng"),
                                    (6, "Có ký tự không hợp lệ."), (8, "Mã vạch LIB-0001 đã dán trên một cuốn sách khác")] {
                #expect(admin.page.contains("<tr><td>\(line)</td><td>\(message)"), "line \(line)")
            }
            #expect(!admin.page.contains("name=\"confirm\""))
            // Confirming it anyway by hand saves nothing either.
            try await admin.post("/admin/DEMO/m/library/titles/import", [("confirm", "yes"), ("csv", String(decoding: file, as: UTF8.self))], files: [])
            #expect(try await count(kiosk, "library_copy") == 6)

            try await admin.get("/admin/DEMO/m/library/titles/import")
            let broken = try await admin.post("/admin/DEMO/m/library/titles/import", [], files: [("file", "x.csv", [0xFF, 0xFE, 0x41])])
            #expect(broken.status == .badRequest)
            #expect(admin.page.contains("Tệp không phải văn bản UTF-8"))
            try await admin.get("/admin/DEMO/m/library/titles/import")
            try await admin.post("/admin/DEMO/m/library/titles/import", [], files: [("file", "x.csv", Array("title,author\nA,B\n".utf8))])
            #expect(admin.page.contains("Dòng đầu thiếu cột: publisher"))
        }
    }

    private func count(_ kiosk: TestKiosk, _ table: String) async throws -> Int {
        try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")! }
    }
}
