import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// Kiosk screens set in the admin pages and opened once by a kiosk's browser.
@Suite struct KioskProfileTests {
    @Test func anAdministratorSetsAProfileAndTheKioskThatOpensItShowsItsTilesOnly() async throws {
        try await withLiveKiosk { kiosk, client in
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO/kiosks")
            let bad = try await admin.post("/admin/DEMO/kiosks", [("name", "Sảnh Chính"), ("label", "Sảnh")], follow: false)
            #expect(bad.status == .badRequest)
            try await admin.get("/admin/DEMO/kiosks")
            try await admin.post("/admin/DEMO/kiosks", [("name", "sanh"), ("label", "Sảnh <b>chính</b>")])
            #expect(admin.page.contains("/kiosk/DEMO/at/sanh"))
            #expect(admin.page.contains("Sảnh &lt;b&gt;chính&lt;/b&gt;"))
            try await admin.post("/admin/DEMO/kiosks", [("name", "tham-quan"), ("label", "Tham quan"), ("modules", "visits"), ("modules", "nope")])

            let lobby = Visitor(client)
            try await lobby.get("/kiosk/DEMO")
            #expect(lobby.page.contains("/start/visits/start"), "a kiosk without a profile shows every enabled module")
            try await lobby.get("/kiosk/DEMO/at/sanh")
            #expect(lobby.cookie("KIOSK_SCREEN") == "sanh")
            #expect(!lobby.page.contains("/start/visits/start"))
            #expect(lobby.page.contains("/start/core/register"), "the family tiles are on every kiosk")
            #expect(try await lobby.get("/kiosk/DEMO/start/visits/start").status == .notFound)
            try await lobby.get("/kiosk/DEMO/reset")
            #expect(lobby.cookie("KIOSK_SCREEN") == "sanh", "Finish forgets the family, not the kiosk's profile")

            let visits = Visitor(client)
            try await visits.get("/kiosk/DEMO/at/tham-quan")
            #expect(visits.page.contains("/start/visits/start"))
            #expect(try await visits.get("/kiosk/DEMO/at/khong-co").status == .notFound)
            // A cookie planted by another page of the host names no profile of this site: the kiosk shows all.
            let planted = Visitor(client)
            planted.plant(cookie: "KIOSK_SCREEN", "../../etc")
            try await planted.get("/kiosk/DEMO")
            #expect(planted.page.contains("/start/visits/start"))
            let saved = try await kiosk.services.database.kioskProfiles(siteID: kiosk.site.id!)
            #expect(saved.map(\.name) == ["sanh", "tham-quan"])
            #expect(saved.last?.moduleIDs == ["visits"])
        }
    }
}
