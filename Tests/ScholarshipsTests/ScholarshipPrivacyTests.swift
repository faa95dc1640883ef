import Foundation
import HummingbirdTesting
import KioskTesting
import Scholarships
import Testing

/// The family's rights and the module's edges, on the live server: the export holds the
/// application, erasure takes it and its photos away, broken text saves nothing, another centre's
/// reviewer sees nothing, and a disabled module answers nothing.
@Suite struct ScholarshipPrivacyTests {
    @Test func theExportHoldsTheApplicationAndErasureTakesItAndItsPhotosAway() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await apply(kiosk, phone: DemoData.guardianPhone, birth: "01/06/2015", child: "Nguyễn Văn An")
        let an = try await applicationID(kiosk, "Nguyễn Văn An")
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            try await admin.get("/admin/DEMO/m/scholarships/photos/new")
            let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 32)
            let saved = try await admin.post("/admin/DEMO/m/scholarships/photos/new", [("application", String(an)), ("document", "Giấy khai sinh")],
                                             files: [("photo", "khai-sinh.jpg", photo)])
            #expect(saved.status == .seeOther)
        }
        let familyID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT familyId FROM child WHERE fullName = 'Nguyễn Văn An'")! }
        let export = try await kiosk.services.database.exportFamily(familyID: familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                                                    actor: "test", at: Date())
        #expect(export.items.contains { $0.section == "scholarships/applications" && $0.field == "circumstances" && $0.value.contains("Hộ cận nghèo") })
        try await kiosk.services.database.eraseFamily(familyID: familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                                      actor: "test", at: Date())
        let left = try await kiosk.services.database.read { db in
            ["scholarships_application", "scholarships_photo", "attachment"].map { table in
                (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")) ?? -1
            }
        }
        #expect(left == [0, 0, 0])
        let files = try FileManager.default.contentsOfDirectory(atPath: kiosk.services.database.attachments!.directory.path)
        #expect(files.isEmpty, "the photo's file went with the family")
    }

    @Test func brokenTextAnotherCentresReviewerAndADisabledModuleGetNothing() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await apply(kiosk, phone: DemoData.guardianPhone, birth: "01/06/2015", child: "Nguyễn Văn An")
        let other = try await kiosk.services.database.createSite(code: "Q9", name: "Nhà Thiếu nhi Quận 9", actor: "test", at: TestKiosk.defaultNow)
        try await kiosk.services.database.setModule("scholarships", enabled: true, siteID: other.id!, actor: "test", at: TestKiosk.defaultNow)
        try await kiosk.application().test(.live) { client in
            // Broken UTF-8 in the family's words: refused before any flow runs, nothing kept.
            let family = Visitor(client)
            try await family.get("/kiosk/DEMO/start/scholarships/start")
            let csrf = try #require(family.value(of: "_csrf")), step = try #require(family.value(of: "_step"))
            let body = Array("_csrf=\(csrf)&_step=\(step)&_action=details%3A&school=TH&grade=5&note=".utf8) + [0xC3, 0x28]
            #expect(try await family.post("/kiosk/DEMO/screen", raw: body, contentType: "application/x-www-form-urlencoded").status == .badRequest)

            // A reviewer of Quận 9 opens nothing of the demo site.
            let admin = try await KioskTesting.admin(client)
            try await admin.get("/admin/Q9/staff")
            try await admin.post("/admin/Q9/staff", [("username", "xa"), ("displayName", "Chị Xa"), ("password", "mat-khau-dai-1"), ("role", "staff")])
            let stranger = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM staffAccount WHERE username = 'xa'")! }
            try await admin.get("/admin/Q9/staff")
            try await admin.post("/admin/Q9/staff/\(stranger)/grant", [("role", "scholarships.reviewer")])
            let granted = try await kiosk.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staffRole WHERE staffAccountId = ? AND siteId = ?", arguments: [stranger, other.id!])
            }
            #expect(granted == 2, "staff and the reviewer role, at Quận 9")
            let reviewer = try await loggedIn(client, "xa", "mat-khau-dai-1")
            for path in ["applications", "reviews", "photos", "applications/1/page"] {
                #expect(try await reviewer.get("/admin/DEMO/m/scholarships/\(path)").status == .forbidden, "\(path)")
            }

            // Disabled at the demo site: no tile, no pages, the receipt no longer scans as one.
            try await kiosk.services.database.setModule("scholarships", enabled: false, siteID: kiosk.site.id!, actor: "test", at: TestKiosk.defaultNow)
            try await family.get("/kiosk/DEMO")
            #expect(!family.page.contains("/start/scholarships/start"))
            #expect(try await admin.get("/admin/DEMO/m/scholarships/applications").status == .notFound)
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO")
            let receipt = try await KioskTesting.card(kiosk, ScholarshipsModule.receipt, childID: try await childID(kiosk, "Nguyễn Văn An"))
            #expect(try await staff.scan(receipt, activity: nil)["title"] as? String != "Biên nhận hồ sơ học bổng")
        }
        #expect(try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scholarships_application") } == 1)
    }
}
