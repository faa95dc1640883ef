import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// A card scanner at the kiosk: what the page posts once it has told a scanner's burst of keys
/// from a person's typing, and the identify form's one button.
@Suite struct KioskScanTests {
    @Test func aCardScannedOnTheHomeScreenOpensTheFamilyInANewSession() async throws {
        try await withLiveKiosk { _, client in
            // Given a family's member card, and a kiosk where someone else had started a session
            let card = try #require(try await registerFamily(Visitor(client)).firstToken)
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/register")
            let before = try #require(visitor.cookie("KIOSK"))

            // When the card is scanned (with the Enter the scanner sends)
            try await visitor.get("/kiosk/DEMO")
            try await visitor.post("/kiosk/DEMO/scan", [("code", card + "\r")])

            // Then the family's cards show, in a session of their own
            #expect(visitor.page.contains("Xin chào Phạm Thị Hoa"))
            #expect(visitor.page.contains("Phạm Minh Khôi"))
            #expect(visitor.cookie("KIOSK") != before)
        }
    }

    @Test func aCardScannedOnTheIdentifyScreenOpensWhatTheFamilyAskedFor() async throws {
        try await withLiveKiosk { _, client in
            let card = try #require(try await registerFamily(Visitor(client)).firstToken)
            let visitor = Visitor(client)
            // The visits tile needs a family: the kiosk asks who they are first.
            try await visitor.get("/kiosk/DEMO/start/visits/start")
            #expect(visitor.page.contains("Nhận diện gia đình"))
            try await visitor.post("/kiosk/DEMO/scan", [("code", card)])
            #expect(visitor.page.contains("child:"), "the visits flow opened")
            #expect(visitor.page.contains("Phạm Minh Khôi"))
        }
    }

    @Test func anUnknownOrForgedCodeIsRefusedAndLeavesTheSessionAsItWas() async throws {
        try await withLiveKiosk { _, client in
            let card = try #require(try await registerFamily(Visitor(client)).firstToken)
            let forged = String(card.dropLast()) + (card.last == "A" ? "B" : "A")
            for code in [forged, "9786042104567", "NTN1.Q9.MC.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA", String(repeating: "Ơ", count: 500)] {
                // On the home screen: the home screen says so.
                let visitor = Visitor(client)
                try await visitor.get("/kiosk/DEMO")
                try await visitor.post("/kiosk/DEMO/scan", [("code", code)])
                #expect(visitor.page.contains("Không nhận ra thẻ này"), "\(code.prefix(20))")
                #expect(visitor.page.contains("Đăng ký gia đình mới"))
                #expect(!visitor.page.contains("Phạm Minh Khôi"))
                // Half way through a registration: the same screen, its session and step kept.
                try await visitor.get("/kiosk/DEMO/start/core/register")
                try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Đỗ Văn Hải"), ("phone", "0987000111"),
                                                              ("relationship", "father")])
                let session = visitor.cookie("KIOSK"), step = visitor.value(of: "_step")
                try await visitor.post("/kiosk/DEMO/scan", [("code", code)])
                #expect(visitor.page.contains("Không nhận ra thẻ này"))
                #expect(visitor.page.contains("Thông tin của con"))
                #expect(visitor.cookie("KIOSK") == session && visitor.value(of: "_step") == step)
            }
        }
    }

    @Test func aCardTypedOnTheIdentifyFormIsFoundThroughItsOneButton() async throws {
        try await withLiveKiosk { _, client in
            let card = try #require(try await registerFamily(Visitor(client)).firstToken)
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/identify")
            // The form's button sends the phone action; the code typed in the card field wins.
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "phone:"), ("card", card), ("phone", ""), ("birthDate", "")])
            #expect(visitor.page.contains("Xin chào Phạm Thị Hoa"))
        }
    }

    @Test func thePageKeepsAFamilyThatIsTouchingTheScreenAndTheServerForgetsThemOnceItStops() async throws {
        try await withLiveKiosk(idleTimeout: 15) { _, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/register")
            // The family types on the page's keyboard for longer than the timeout; the page says so.
            // (Long times: a loaded machine may wake a test's sleep late.)
            for _ in 0..<4 {
                try await Task.sleep(for: .seconds(4))
                let alive = try await visitor.postJSON("/kiosk/DEMO/alive", [:])
                #expect(alive.status == .noContent)
            }
            try await visitor.get("/kiosk/DEMO/screen")
            #expect(visitor.page.contains("Thông tin phụ huynh"))
            // They walk away: after the timeout the session is gone, for the page and the server.
            try await Task.sleep(for: .seconds(16))
            #expect(try await visitor.postJSON("/kiosk/DEMO/alive", [:]).status == .gone)
            try await visitor.get("/kiosk/DEMO/screen")
            #expect(visitor.page.contains("Đăng ký gia đình mới"))
        }
    }

    @Test func aDateIsTypedDayFirstAndABadOneIsRefusedWithTheTypedValueKept() async throws {
        try await withLiveKiosk { _, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/register")
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Đỗ Văn Hải"), ("phone", "0987000111"),
                                                          ("relationship", "father")])
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "child:"), ("childName", "Đỗ Minh"), ("birthDate", "04/03/16"),
                                                          ("school", "TH"), ("grade", "4")])
            #expect(visitor.page.contains("ngày/tháng/năm"))
            #expect(visitor.page.contains("value=\"04/03/16\""), "what was typed stays, to be mended")
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "child:"), ("childName", "Đỗ Minh"), ("birthDate", "4/3/2016"),
                                                          ("school", "TH"), ("grade", "4")])
            #expect(visitor.page.contains("Đồng ý của phụ huynh"))
        }
    }
}
