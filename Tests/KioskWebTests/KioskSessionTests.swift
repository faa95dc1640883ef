import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct KioskSessionTests {
    @Test func aPhoneAloneShowsNothingAndPhonePlusBirthDateIdentifies() async throws {
        try await withLiveKiosk { _, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/identify")
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "phone:"), ("phone", DemoData.guardianPhone)])
            #expect(!visitor.page.contains("Nguyễn Văn An"))
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "phone:"), ("phone", DemoData.guardianPhone), ("birthDate", "02/06/2015")])
            #expect(visitor.page.contains("Không tìm thấy gia đình"))
            #expect(!visitor.page.contains("Nguyễn Văn An"))
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "phone:"), ("phone", DemoData.guardianPhone), ("birthDate", "01/06/2015")])
            #expect(visitor.page.contains("Xin chào Trần Thị Mai"))
            #expect(visitor.page.contains("Nguyễn Văn An"))
        }
    }

    @Test func scanningAMemberCardIdentifiesTheFamilyAndAForgedOneDoesNot() async throws {
        try await withLiveKiosk { _, client in
            let first = Visitor(client)
            let card = try #require(try await registerFamily(first).firstToken)
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/identify")
            let forged = String(card.dropLast()) + (card.last == "A" ? "B" : "A")
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "card:"), ("card", forged)])
            #expect(!visitor.page.contains("Phạm Minh Khôi"))
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "card:"), ("card", card.lowercased() + "\r\n")])
            #expect(visitor.page.contains("Xin chào Phạm Thị Hoa"))
        }
    }

    @Test func afterTheIdleTimeoutEverythingIsGoneAndBackShowsNothing() async throws {
        try await withLiveKiosk(idleTimeout: 8) { kiosk, client in
            let visitor = Visitor(client)
            try await registerFamily(visitor)
            #expect(visitor.page.contains("Phạm Minh Khôi"))
            try await Task.sleep(for: .milliseconds(8500))
            // Back to the card screen: the session is gone, so the kiosk shows its home and no name.
            let response = try await visitor.get("/kiosk/DEMO/screen", follow: false)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/kiosk/DEMO")
            try await visitor.get("/kiosk/DEMO/screen")
            #expect(!visitor.page.contains("Phạm Minh Khôi"))
            #expect(visitor.page.contains("Đăng ký gia đình mới"))
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test func finishForgetsTheFamilyAtOnce() async throws {
        try await withLiveKiosk { kiosk, client in
            let visitor = Visitor(client)
            try await registerFamily(visitor)
            try await visitor.get("/kiosk/DEMO/reset")
            #expect(visitor.cookie("KIOSK") == nil)
            try await visitor.get("/kiosk/DEMO/start/core/family")
            #expect(visitor.page.contains("Nhận diện gia đình"))
            #expect(!visitor.page.contains("Phạm Minh Khôi"))
        }
    }

    @Test func theLanguageToggleSwitchesToEnglishAndTheResetBackToVietnamese() async throws {
        try await withLiveKiosk { _, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/lang/en")
            #expect(visitor.page.contains("Register a new family"))
            #expect(visitor.page.contains("<html lang=\"en\">"))
            try await visitor.get("/kiosk/DEMO/reset")
            #expect(visitor.page.contains("Đăng ký gia đình mới"))
        }
    }

    @Test func theLanguageCookieIsFoundAmongOthersAndOnlyByItsWholeName() async throws {
        try await withLiveKiosk { _, client in
            for (cookies, english) in [("theme=dark; lang=en; other=1", true), ("lang=en", true), ("xlang=en; langx=en", false),
                                       ("lang=fr", false), ("theme=dark;lang=en", true)] {
                let response = try await client.executeRequest(uri: "/kiosk/DEMO", method: .get, headers: [.cookie: cookies], body: nil)
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"en\">") == english, "\(cookies)")
                #expect(page.contains("Đăng ký gia đình mới") == !english, "\(cookies)")
            }
        }
    }
}
