import Foundation
import HummingbirdTesting
import KioskTesting
import LibraryLending
import Testing

/// The librarian's side on the live server: returns at the desk's station, the loans to call
/// about, and who may see them.
@Suite struct LibraryDeskTests {
    @Test func theDeskTakesBooksBackAndOnlyTheLibrarianAndAdministratorsSeeWhoHasWhat() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        let reader = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await reader.scan("LIB-0001")
        try await reader.scan("LIB-0003")
        let later = try await kiosk.restarted(modules: [LibraryLendingModule()], now: TestKiosk.defaultNow.addingTimeInterval(16 * 86400))
        try await later.application().test(.live) { client in
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let desk = "library/desk:\(kiosk.site.id!)"
            try await staff.get("/staff/DEMO?activity=\(desk)")
            let late = try await staff.scan("LIB-0001\r\n", activity: desk)
            #expect(late["outcome"] as? String == "warning")
            #expect(late["name"] as? String == "Dế Mèn phiêu lưu ký")
            #expect(late["title"] as? String == "Đã nhận lại, muộn 2 ngày")
            #expect(try await staff.scan("LIB-0001", activity: desk)["title"] as? String == "Sách không có ai mượn")
            #expect(try await staff.scan("NOPE-1", activity: desk)["title"] as? String == "Không phải sách của thư viện")
            #expect(try await staff.scan("LIB-0003", activity: nil)["outcome"] as? String == "refused", "no desk, no return")

            #expect(try await staff.get("/admin/DEMO/m/library/loans").status == .forbidden)
            let admin = try await KioskTesting.admin(client)
            try await admin.get("/admin/DEMO/m/library/loans?f.overdue=yes")
            #expect(admin.page.contains("Thần đồng đất Việt"))
            #expect(admin.page.contains("<td>Nguyễn Văn An</td>"))
            #expect(admin.page.contains(DemoData.guardianPhone), "the guardian's phone, to call")
            #expect(!admin.page.contains("Dế Mèn"), "a returned book is no longer on the list")
            let reads = try await later.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE action = 'library.loans.read'")
            }
            #expect(reads == 1)
        }
    }

    @Test func aCopysBarcodeIsUniqueAtTheSiteAndACopyIsLentOnlyThroughALoan() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            let titleID = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM library_title WHERE title = 'Dế Mèn phiêu lưu ký'")!
            }
            try await admin.get("/admin/DEMO/m/library/copies/new")
            let taken = try await admin.post("/admin/DEMO/m/library/copies/new",
                                             [("titleId", String(titleID)), ("barcode", "LIB-0003"), ("shelf", "A"), ("status", "shelf")])
            #expect(taken.status == .badRequest)
            #expect(admin.page.contains("Đã có một bản sách khác mang mã này."))
            try await admin.get("/admin/DEMO/m/library/copies/new")
            try await admin.post("/admin/DEMO/m/library/copies/new",
                                 [("titleId", String(titleID)), ("barcode", " 8935036612345\r\n"), ("shelf", "A"), ("status", "loan")])
            let copy = try await kiosk.services.database.read { db in
                try Row.fetchOne(db, sql: "SELECT barcode, status FROM library_copy WHERE barcode LIKE '893%'").map { [$0["barcode"] as String, $0["status"] as String] }
            }
            #expect(copy == ["8935036612345", "shelf"])
        }
    }
}
