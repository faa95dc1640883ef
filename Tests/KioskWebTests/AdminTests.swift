import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct AdminTests {
    @Test func staffCannotReachAdminPages() async throws {
        try await withLiveKiosk { _, client in
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            #expect(try await staff.get("/admin/DEMO").status == .forbidden)
            #expect(try await staff.get("/admin/DEMO/families?q=an").status == .forbidden)
            #expect(try await staff.get("/admin").status == .forbidden)
        }
    }

    @Test func loginsAreThrottledAndCookiesAreStrict() async throws {
        try await withLiveKiosk { _, client in
            let visitor = Visitor(client)
            try await visitor.get("/login")
            for _ in 0..<5 {
                let wrong = try await visitor.post("/login", [("username", "admin"), ("password", "wrong password")], follow: false)
                #expect(wrong.status == .unauthorized)
            }
            let blocked = try await visitor.post("/login", [("username", "admin"), ("password", DemoData.adminPassword)], follow: false)
            #expect(blocked.status == .tooManyRequests)
            let other = Visitor(client)
            try await other.get("/login")
            let ok = try await other.post("/login", [("username", "staff"), ("password", DemoData.staffPassword)], follow: false)
            #expect(ok.status == .seeOther)
            let cookie = try #require(ok.headers[values: .setCookie].first { $0.hasPrefix("STAFF_SESSION=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
        }
    }

    @Test func anAdministratorFindsAFamilyWithoutToneMarksExportsAndErasesIt() async throws {
        try await withLiveKiosk { kiosk, client in
            try await registerFamily(Visitor(client), guardian: "Đặng Văn Bình", phone: "0977777777", child: "Đặng Thị Ánh")
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO/families?q=dang%20thi%20anh")
            #expect(admin.page.contains("Đặng Thị Ánh"))
            let familyID = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT familyId FROM child WHERE fullName = 'Đặng Thị Ánh'")!
            }
            let json = try await admin.get("/admin/DEMO/families/\(familyID)/export.json")
            #expect(json.headers[.contentDisposition]?.contains("family-\(familyID).json") == true)
            #expect(String(buffer: json.body).contains("0977777777"))
            let csv = try await admin.get("/admin/DEMO/families/\(familyID)/export.csv")
            #expect(Array(Data(buffer: csv.body).prefix(3)) == [0xEF, 0xBB, 0xBF])
            try await admin.get("/admin/DEMO/families/\(familyID)")
            #expect(admin.page.contains("consent.guardian.v1"))
            let refused = try await admin.post("/admin/DEMO/families/\(familyID)/erase", [], follow: false)
            #expect(refused.status == .badRequest)
            try await admin.get("/admin/DEMO/families/\(familyID)")
            try await admin.post("/admin/DEMO/families/\(familyID)/erase", [("confirm", "yes")])
            try await admin.get("/admin/DEMO/families?q=dang")
            #expect(!admin.page.contains("Đặng Thị Ánh"))
            try await admin.get("/admin/DEMO/audit")
            #expect(admin.page.contains("family.erase"))
            #expect(admin.page.contains("family.export"))
            #expect(!admin.page.contains("Đặng"))
        }
    }

    @Test func aLostCardIsReprintedAsAPNGThatDecodes() async throws {
        try await withLiveKiosk { kiosk, client in
            let card = try #require(try await registerFamily(Visitor(client)).firstToken)
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            let childID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM child")! }
            let png = try await admin.get("/admin/DEMO/children/\(childID)/card.png")
            #expect(png.headers[.contentType] == "image/png")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID()).png")
            try Data(buffer: png.body).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            #expect(try QRDecoder.decode(file: file.path).first == card)
        }
    }

    @Test func anAdministratorCreatesAStaffAccountThatCanThenLogInAndDisablesIt() async throws {
        try await withLiveKiosk { kiosk, client in
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO/staff")
            let short = try await admin.post("/admin/DEMO/staff", [("username", "thu"), ("displayName", "Cô Thu"), ("password", "short"), ("role", "staff")])
            #expect(short.status == .badRequest)
            #expect(admin.page.contains("Mật khẩu cần ít nhất 10 ký tự"))
            try await admin.post("/admin/DEMO/staff", [("username", "thu"), ("displayName", "Cô Thu"), ("password", "mật khẩu dài 2026"), ("role", "staff")])
            #expect(admin.page.contains("Cô Thu"))
            let thu = Visitor(client)
            try await logIn(thu, "thu", "mật khẩu dài 2026")
            try await thu.get("/staff/DEMO")
            #expect(thu.page.contains("id=\"scan-input\""))
            // Disabled by the administrator, she is refused on her very next request.
            let id = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM staffAccount WHERE username = 'thu'")! }
            try await admin.get("/admin/DEMO/staff")
            try await admin.post("/admin/DEMO/staff/\(id)/disable", [])
            #expect(try await thu.get("/staff/DEMO", follow: false).status == .seeOther)
            let scan = try await thu.postJSON("/api/scan", ["code": "NTN1.DEMO.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB", "site": "DEMO", "activity": nil])
            #expect(scan.status == .unauthorized || scan.status == .forbidden || scan.status == .seeOther)
        }
    }

    @Test func moduleAdminResourcesUseTheSharedListAndForm() async throws {
        try await withLiveKiosk { kiosk, client in
            _ = try await bookVisit(kiosk, client)
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO/m/visits/visits")
            #expect(admin.page.contains("<td>kiosk</td>"))
            let visitID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM visits_visit")! }
            try await admin.get("/admin/DEMO/m/visits/visits/\(visitID)")
            let bad = try await admin.post("/admin/DEMO/m/visits/visits/\(visitID)", [("note", String(repeating: "x", count: 201))])
            #expect(bad.status == .badRequest)
            #expect(admin.page.contains("Tối đa 200 ký tự"))
            try await admin.post("/admin/DEMO/m/visits/visits/\(visitID)", [("note", "<i>đổi</i>")])
            #expect(admin.page.contains("&lt;i&gt;đổi&lt;/i&gt;"))
        }
    }

    @Test func healthzAnswersAndPagesCarrySecurityHeaders() async throws {
        try await withLiveKiosk { _, client in
            let visitor = Visitor(client)
            let health = try await visitor.get("/healthz")
            #expect(health.status == .ok)
            let page = try await visitor.get("/kiosk/DEMO")
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }
}
