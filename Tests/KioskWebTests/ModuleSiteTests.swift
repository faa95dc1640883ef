import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct ModuleSiteTests {
    @Test func aDisabledModuleVanishesFromTheSiteAndKeepsItsData() async throws {
        try await withLiveKiosk { kiosk, client in
            // Given a family that booked a visit through the module's kiosk flow
            let visitor = Visitor(client)
            try await registerFamily(visitor)
            try await visitor.get("/kiosk/DEMO")
            #expect(visitor.page.contains("Tham quan"))
            try await visitor.get("/kiosk/DEMO/start/visits/start")
            let childID = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE fullName = 'Phạm Minh Khôi'")!
            }
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "child:\(childID)")])
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "book:"), ("day", "05/12/2026")])
            let visit = try #require(visitor.page.firstToken)
            #expect(visit.contains(".VS."))
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO")

            // When an administrator disables the module (admin page)
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO")
            try await admin.post("/admin/DEMO/modules/visits", [("enabled", "no")])

            // Then its tile is gone, its routes answer 404, and its tickets scan as not available here …
            try await visitor.get("/kiosk/DEMO")
            #expect(!visitor.page.contains("Tham quan"))
            #expect(try await visitor.get("/kiosk/DEMO/start/visits/start").status == .notFound)
            #expect(try await admin.get("/admin/DEMO/m/visits/visits").status == .notFound)
            let scan = try await staff.postJSON("/api/scan", ["code": visit, "site": "DEMO", "activity": nil])
            #expect(String(buffer: scan.body).contains("Không áp dụng tại cơ sở này"))
            #expect(String(buffer: scan.body).contains("\"name\":\"Phạm Minh Khôi\""), "staff can tell the child why")
            // … and nothing was deleted: enabling it again brings the ticket back.
            try await admin.get("/admin/DEMO")
            try await admin.post("/admin/DEMO/modules/visits", [("enabled", "yes")])
            let again = try await staff.postJSON("/api/scan", ["code": visit, "site": "DEMO", "activity": nil])
            #expect(String(buffer: again.body).contains("\"outcome\":\"accepted\""))
        }
    }

    @Test func aModuleEnabledAtOneSiteIsNotAtAnother() async throws {
        try await withLiveKiosk { kiosk, client in
            _ = try await kiosk.services.database.createSite(code: "Q3", name: "Nhà Thiếu nhi Quận 3", actor: "test", at: TestKiosk.defaultNow)
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/Q3")
            #expect(visitor.page.contains("Nhà Thiếu nhi Quận 3"))
            #expect(!visitor.page.contains("Tham quan"))
            #expect(try await visitor.get("/kiosk/Q3/start/visits/start").status == .notFound)
            #expect(try await visitor.get("/kiosk/NOPE").status == .notFound)
        }
    }
}
