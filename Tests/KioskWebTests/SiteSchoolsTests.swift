import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// The nearby schools an administrator keeps for a site, which the kiosk offers as a child's school.
@Suite struct SiteSchoolsTests {
    @Test func anAdministratorKeepsTheListAndTheKioskOffersIt() async throws {
        try await withLiveKiosk { kiosk, client in
            // Given an administrator who types a list with a blank line, a repeat and stray spaces
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO")
            try await admin.post("/admin/DEMO/schools", [("schools", "Trường TH Kim Đồng\n\n  Trường THCS Lê Lợi  \nTRƯỜNG TH KIM ĐỒNG\r\n<b>Trường Mầm non Sao Mai</b>")])
            #expect(admin.page.contains("Đã lưu danh sách trường"))

            // Then the list is kept in order, once each, and shown escaped
            let schools = try await kiosk.services.database.schools(siteID: kiosk.site.id!)
            #expect(schools == ["Trường TH Kim Đồng", "Trường THCS Lê Lợi", "<b>Trường Mầm non Sao Mai</b>"])
            let family = Visitor(client)
            try await family.get("/kiosk/DEMO/start/core/register")
            try await family.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Đỗ Văn Hải"), ("phone", "0987000111"),
                                                         ("relationship", "father")])
            #expect(family.page.contains("data-suggestions=\"s-school\""))
            #expect(family.page.contains("<li>Trường THCS Lê Lợi</li>"))
            #expect(family.page.contains("<li>&lt;b&gt;Trường Mầm non Sao Mai&lt;/b&gt;</li>"))
            // and the change is in the audit log
            let audit = try await kiosk.services.database.auditLog(siteID: kiosk.site.id!)
            #expect(audit.contains { $0.action == "site.schools" && $0.detail == "3" })
        }
    }

    @Test func aStaffMemberCannotChangeIt() async throws {
        try await withLiveKiosk { kiosk, client in
            let before = try await kiosk.services.database.schools(siteID: kiosk.site.id!)
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO")
            let refused = try await staff.post("/admin/DEMO/schools", [("schools", "Trường giả")], follow: false)
            #expect(refused.status == .forbidden)
            #expect(try await kiosk.services.database.schools(siteID: kiosk.site.id!) == before)
        }
    }
}
