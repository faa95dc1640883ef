import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// A page on another port of the same host shares the kiosk's cookies (cookies do not keep ports
/// apart) and is the same site for SameSite. It must still not be able to post as the
/// administrator who has the kiosk open.
@Suite struct CrossSiteTests {
    private func erasable(_ kiosk: TestKiosk, _ client: any TestClientProtocol) async throws -> (Visitor, Int64) {
        try await registerFamily(Visitor(client), guardian: "Đặng Văn Bình", phone: "0977777777", child: "Đặng Thị Ánh")
        let admin = Visitor(client)
        try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
        let familyID = try await kiosk.services.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT familyId FROM child WHERE fullName = 'Đặng Thị Ánh'")!
        }
        return (admin, familyID)
    }

    private func families(_ kiosk: TestKiosk) async throws -> Int {
        try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM family")! }
    }

    @Test func aPlantedCSRFCookieWithItsMatchingTokenErasesNothing() async throws {
        try await withLiveKiosk { kiosk, client in
            // Given an administrator's browser into which another page planted a CSRF cookie it knows
            let (admin, familyID) = try await erasable(kiosk, client)
            let before = try await families(kiosk)
            let planted = String(repeating: "ab", count: 16)
            admin.plant(cookie: "CSRF", planted)
            // When that page posts the erasure with the matching token, as an old browser (no Origin) or a new one
            for headers in [[:], ["Origin": "http://127.0.0.1:9999", "Sec-Fetch-Site": "same-site"]] {
                let response = try await admin.post("/admin/DEMO/families/\(familyID)/erase", [("confirm", "yes"), ("_csrf", planted)],
                                                     headers: headers)
                // Then it is refused, and the family is still there
                #expect(response.status == .forbidden, "\(headers)")
            }
            #expect(try await families(kiosk) == before)
        }
    }

    @Test func aPostFromAnotherOriginIsRefusedEvenWithTheRealToken() async throws {
        try await withLiveKiosk { kiosk, client in
            let (admin, familyID) = try await erasable(kiosk, client)
            try await admin.get("/admin/DEMO/families/\(familyID)")
            let token = try #require(admin.csrfToken)
            for headers in [["Origin": "http://127.0.0.1:9999"], ["Sec-Fetch-Site": "same-site"], ["Sec-Fetch-Site": "cross-site"],
                            ["Origin": "null"]] {
                let response = try await admin.post("/admin/DEMO/families/\(familyID)/erase", [("confirm", "yes"), ("_csrf", token)],
                                                     headers: headers)
                #expect(response.status == .forbidden, "\(headers)")
            }
            #expect(try await families(kiosk) == 2)
            // The same post from the page itself goes through.
            let own = try await admin.post("/admin/DEMO/families/\(familyID)/erase", [("confirm", "yes"), ("_csrf", token)],
                                           headers: ["Sec-Fetch-Site": "same-origin"])
            #expect(own.status == .seeOther)
            #expect(try await families(kiosk) == 1)
        }
    }

    @Test func aLoginEndsTheBrowsersOldSessionAndGivesANewToken() async throws {
        try await withLiveKiosk { _, client in
            let browser = Visitor(client)
            try await logIn(browser, DemoData.staffUsername, DemoData.staffPassword)
            let oldSession = try #require(browser.cookie("STAFF_SESSION"))
            let oldToken = try #require(browser.csrfToken)
            try await logIn(browser, DemoData.adminUsername, DemoData.adminPassword)
            #expect(browser.cookie("STAFF_SESSION") != oldSession)
            #expect(browser.csrfToken != oldToken)
            // Whoever kept the old cookie is logged out.
            let kept = Visitor(client)
            kept.plant(cookie: "STAFF_SESSION", oldSession)
            let station = try await kept.get("/staff/DEMO", follow: false)
            #expect(station.status == .seeOther)
            #expect(station.headers[.location]?.hasPrefix("/login") == true)
        }
    }
}
