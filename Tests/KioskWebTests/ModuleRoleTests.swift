import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// A module's roles (the sample module's guide), granted per site on the staff page, and what they
/// open: only the module's resources that name them, every read of a sensitive one audited.
@Suite struct ModuleRoleTests {
    @Test func aGuideReadsTheVisitsOnlyAndEveryReadIsAudited() async throws {
        try await withLiveKiosk { kiosk, client in
            _ = try await bookVisit(kiosk, client)
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            let guideID = try await createStaff(admin, kiosk, "huong")
            let guide = Visitor(client)
            try await logIn(guide, "huong", "mat-khau-dai-1")
            #expect(try await guide.get("/admin/DEMO/m/visits/visits").status == .forbidden, "staff alone do not open it")
            try await admin.get("/admin/DEMO/staff")
            try await admin.post("/admin/DEMO/staff/\(guideID)/grant", [("role", "visits.guide")])
            #expect(admin.page.contains("Hướng dẫn viên"))

            try await guide.get("/login")
            let login = try await guide.post("/login", [("username", "huong"), ("password", "mat-khau-dai-1")], follow: false)
            #expect(login.headers[.location] == "/admin", "a module's role lands on the admin pages")
            try await guide.get("/admin")
            #expect(guide.page.contains("href=\"/admin/DEMO\""))
            try await guide.get("/admin/DEMO")
            #expect(guide.page.contains("/admin/DEMO/m/visits/visits"), "the pages open to the guide")
            #expect(!guide.page.contains("/admin/DEMO/families"), "no link to what the guide may not open")
            try await guide.get("/admin/DEMO/m/visits/visits")
            #expect(guide.page.contains("<td>kiosk</td>"))
            for path in ["/admin/DEMO/families?q=an", "/admin/DEMO/staff", "/admin/DEMO/report", "/admin/DEMO/audit"] {
                let status = try await guide.get(path).status
                #expect(status == .forbidden, "\(path)")
            }
            let toggle = try await guide.post("/admin/DEMO/modules/visits", [("enabled", "no")], follow: false)
            #expect(toggle.status == .forbidden)
            let reads = try await kiosk.services.database.read { db in
                try String.fetchAll(db, sql: "SELECT actor FROM auditEntry WHERE action = 'visits.visits.read' ORDER BY id")
            }
            #expect(reads == ["staff:huong"])

            // Taken away, the role opens nothing; the last role at the site stays.
            try await admin.get("/admin/DEMO/staff")
            try await admin.post("/admin/DEMO/staff/\(guideID)/revoke", [("role", "visits.guide")])
            #expect(try await guide.get("/admin/DEMO/m/visits/visits").status == .forbidden)
            try await admin.get("/admin/DEMO/staff")
            let last = try await admin.post("/admin/DEMO/staff/\(guideID)/revoke", [("role", "staff")], follow: false)
            #expect(last.status == .badRequest)
        }
    }

    @Test func rolesAreGrantedOnlyAtTheAdministratorsSiteAndOnlyOfItsModules() async throws {
        try await withLiveKiosk { kiosk, client in
            let now = TestKiosk.defaultNow
            let other = try await kiosk.services.database.createSite(code: "Q9", name: "Quận 9", actor: "test", at: now)
            let stranger = try await kiosk.services.database.createStaff(username: "xa", displayName: "Người lạ", passwordHash: "x",
                                                                         role: .staff, siteID: other.id!, actor: "test", at: now)
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            let guideID = try await createStaff(admin, kiosk, "huong")
            try await admin.get("/admin/DEMO/staff")
            let otherSite = try await admin.post("/admin/DEMO/staff/\(stranger.id!)/grant", [("role", "visits.guide")], follow: false)
            #expect(otherSite.status == .notFound, "an account of another site is not this site's to grant")
            try await admin.get("/admin/DEMO/staff")
            let unknown = try await admin.post("/admin/DEMO/staff/\(guideID)/grant", [("role", "library.librarian")], follow: false)
            #expect(unknown.status == .badRequest)
            try await admin.get("/admin/DEMO")
            try await admin.post("/admin/DEMO/modules/visits", [("enabled", "no")])
            try await admin.get("/admin/DEMO/staff")
            #expect(!admin.page.contains("value=\"visits.guide\""), "a disabled module's roles are not offered")
            let disabled = try await admin.post("/admin/DEMO/staff/\(guideID)/grant", [("role", "visits.guide")], follow: false)
            #expect(disabled.status == .badRequest)
            let granted = try await kiosk.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staffRole WHERE role = 'visits.guide'")
            }
            #expect(granted == 0)
        }
    }

    @Test func aLongListIsPagedFilteredAndExportedWhole() async throws {
        try await withLiveKiosk { kiosk, client in
            let childID = try await childID(kiosk, "Nguyễn Văn An")
            try await kiosk.services.database.write { db in
                for n in 1...60 {
                    try db.execute(sql: "INSERT INTO visits_visit (childId, note, checkedInAt) VALUES (?, ?, ?)",
                                   arguments: [childID, "lượt \(n)", n % 3 == 0 ? DatabaseTimestamp(TestKiosk.defaultNow) : nil])
                }
            }
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO/m/visits/visits")
            #expect(admin.page.contains("Trang 1/2 · 60 dòng"))
            #expect(admin.page.components(separatedBy: "<td>lượt ").count - 1 == 50)
            try await admin.get("/admin/DEMO/m/visits/visits?page=2")
            #expect(admin.page.contains("<td>lượt 60</td>"))
            #expect(!admin.page.contains("<td>lượt 50</td>"))
            try await admin.get("/admin/DEMO/m/visits/visits?f.came=yes")
            #expect(admin.page.contains("Trang 1/1 · 20 dòng"))
            try await admin.get("/admin/DEMO/m/visits/visits?f.came=%3Cscript%3E")
            #expect(admin.page.contains("Trang 1/2 · 60 dòng"), "a value that is no option is no filter")
            let csv = try await admin.get("/admin/DEMO/m/visits/visits/export.csv?f.came=no")
            let text = String(buffer: csv.body)
            #expect(text.hasPrefix("\u{FEFF}Bé,Ghi chú,Đã đến\r\n"))
            #expect(text.components(separatedBy: "\r\n").filter { $0.contains("lượt ") }.count == 40)
        }
    }
}
