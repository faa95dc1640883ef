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
            // The same list on paper, to call from: every row, the filter named, and read like the screen.
            try await admin.get("/admin/DEMO/m/library/loans/print?f.overdue=yes")
            #expect(admin.page.contains("<td>Nguyễn Văn An</td>") && admin.page.contains(DemoData.guardianPhone))
            #expect(admin.page.contains("Quá hạn: Chỉ sách quá hạn"))
            #expect(!admin.page.contains("admin-nav"), "paper has no menu")
            #expect(try await staff.get("/admin/DEMO/m/library/loans/print").status == .forbidden)
            let reads = try await later.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE action = 'library.loans.read'")
            }
            #expect(reads == 2)
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

    @Test func theLendingDeskLendsToTheCardScannedAndALibrarianOverridesABlockWithAReason() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        let reader = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await reader.scan("LIB-0003")
        let card = try await KioskTesting.card(kiosk, .memberCard, childID: try await childID(kiosk, "Nguyễn Văn An"))
        let later = try await kiosk.restarted(modules: [LibraryLendingModule()], now: TestKiosk.defaultNow.addingTimeInterval(20 * 86400))
        try await later.application().test(.live) { client in
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let lend = "library/lend:\(kiosk.site.id!)"
            #expect(try await staff.scan("LIB-0006", activity: lend)["title"] as? String == "Quét thẻ bạn đọc trước")
            let scanned = try await staff.scan(card, activity: lend)
            #expect(scanned["name"] as? String == "Nguyễn Văn An")
            #expect(scanned["detail"] as? String == "Đang mượn 1 cuốn, quá hạn 1")

            // The late book at home blocks the loan; the librarian may lend anyway, but only with a reason.
            let blocked = try await staff.scan("LIB-0006", activity: lend)
            #expect(blocked["outcome"] as? String == "refused")
            #expect(blocked["title"] as? String == "Có sách quá hạn ở nhà", "a few words that fit the station's screen")
            let offer = try #require(blocked["offer"] as? [String: Any])
            #expect(offer["reason"] as? String == "Lý do cho mượn dù bị chặn:")
            let action = try #require(offer["action"] as? String)
            #expect(try await staff.stationAction(action, activity: lend, reason: "  ")["title"] as? String == "Cần ghi lý do")
            #expect(try await staff.stationAction(action.replacingOccurrences(of: "override:", with: "override:9"), activity: lend,
                                                  reason: "x")["outcome"] as? String == "refused", "a key not sealed here")
            let lent = try await staff.stationAction(action, activity: lend, reason: "Mẹ đã gọi, mai trả sách cũ")
            #expect(lent["title"] as? String == "Cho mượn ngoại lệ")
            #expect(lent["detail"] as? String == "Trả trước 26/12/2026 · Nguyễn Văn An")
            #expect(try await staff.stationAction(action, activity: lend, reason: "lần nữa")["outcome"] as? String == "refused",
                    "a replayed override lends nothing more")

            // Writing off the late book (lost) ends its loan: the block is gone and the desk lends at once.
            let copyID = try await later.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM library_copy WHERE barcode = 'LIB-0003'")! }
            let titleID = try await later.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT titleId FROM library_copy WHERE id = ?", arguments: [copyID])! }
            let admin = try await KioskTesting.admin(client)
            try await admin.get("/admin/DEMO/m/library/copies/\(copyID)")
            try await admin.post("/admin/DEMO/m/library/copies/\(copyID)", [("titleId", String(titleID)), ("barcode", "LIB-0003"), ("shelf", "Kệ C"), ("status", "lost")])
            let ordinary = try await staff.scan("LIB-0001", activity: lend)
            #expect(ordinary["outcome"] as? String == "accepted")
            #expect(ordinary["title"] as? String == "Đã cho mượn")
            #expect(ordinary["name"] as? String == "Dế Mèn phiêu lưu ký")
        }
        let loans = try await later.services.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.barcode, l.returnedAt IS NULL AS open, COALESCE(l.overriddenBy, '') AS overriddenBy, COALESCE(l.overrideReason, '') AS reason
                FROM library_loan l JOIN library_copy c ON c.id = l.copyId ORDER BY l.id
                """).map { "\($0["barcode"] as String) \($0["open"] as Bool) \($0["overriddenBy"] as String) \($0["reason"] as String)" }
        }
        #expect(loans == ["LIB-0003 false  ", "LIB-0006 true \(DemoData.staffUsername) Mẹ đã gọi, mai trả sách cũ", "LIB-0001 true  "])
        let audited = try await later.services.database.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM auditEntry WHERE action = 'station.action' ORDER BY id")
        }
        #expect(audited.contains("Mẹ đã gọi, mai trả sách cũ"))
    }

    @Test func aStockTakeListsTheCopiesOnTheShelvesThatNobodyScanned() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        let reader = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await reader.scan("LIB-0003")
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            try await admin.get("/admin/DEMO/m/library/stocktakes/new")
            try await admin.post("/admin/DEMO/m/library/stocktakes/new", [])
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let station = "library/stocktake:\(kiosk.site.id!)"
            for code in ["LIB-0001", "LIB-0002", "LIB-0004", "LIB-0001"] {
                #expect(try await staff.scan(code, activity: station)["title"] as? String == "Có trên kệ")
            }
            let onLoan = try await staff.scan("LIB-0003", activity: station)
            #expect(onLoan["outcome"] as? String == "warning", "a copy recorded on loan but on the shelf")
            #expect(onLoan["detail"] as? String == "Nhận lại ở quầy trả sách · đã quét 4 cuốn")
            #expect(try await staff.scan("NOPE-77", activity: station)["outcome"] as? String == "refused")

            let stockTakeID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM library_stocktake")! }
            try await admin.get("/admin/DEMO/m/library/stocktakes/\(stockTakeID)/page")
            #expect(admin.page.contains("LIB-0005") && admin.page.contains("LIB-0006"))
            #expect(!admin.page.contains("LIB-0001") && !admin.page.contains("LIB-0003"))
            let lost = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM library_copy WHERE barcode = 'LIB-0006'")! }
            try await admin.post("/admin/DEMO/m/library/stocktakes/\(stockTakeID)/page", [("key", "lost:\(lost)")])
            try await admin.get("/admin/DEMO/m/library/stocktakes/\(stockTakeID)/page")
            #expect(!admin.page.contains("LIB-0006"))
            #expect(try await staff.get("/admin/DEMO/m/library/stocktakes").status == .forbidden)
        }
        let status = try await kiosk.services.database.read { db in try String.fetchOne(db, sql: "SELECT status FROM library_copy WHERE barcode = 'LIB-0006'") }
        #expect(status == "lost")
    }
}
