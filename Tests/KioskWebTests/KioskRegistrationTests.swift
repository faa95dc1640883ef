import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct KioskRegistrationTests {
    @Test func aFamilyRegistersAndLeavesWithAMemberCardThatDecodes() async throws {
        try await withLiveKiosk { kiosk, client in
            // Given a visitor at the kiosk
            let visitor = Visitor(client)
            // When they register
            let page = try await registerFamily(visitor)
            // Then the page shows the child's member card, whose QR image decodes to the token shown.
            #expect(page.contains("Đã đăng ký Phạm Minh Khôi"))
            let token = try #require(page.firstToken)
            #expect(token.hasPrefix("NTN1.DEMO.MC."))
            let decoded = try QRDecoder.decode(try #require(page.embeddedPNGs.first)).first
            #expect(decoded == token)
            // And the consent evidence names the kiosk and the text version.
            let consents = try await kiosk.services.database.read { db in
                try Consent.fetchAll(db, sql: "SELECT consent.* FROM consent JOIN child ON child.id = childId WHERE child.fullName = ?",
                                     arguments: ["Phạm Minh Khôi"])
            }
            #expect(consents.map(\.givenBy).sorted() == ["child", "guardian"])
            #expect(consents.allSatisfy { $0.kiosk == "test-kiosk" })
        }
    }

    @Test func aDoubleSubmissionSavesOneChild() async throws {
        try await withLiveKiosk { kiosk, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/register")
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Võ Thị Lan"), ("phone", "0933333333"), ("relationship", "mother")])
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "child:"), ("childName", "Võ Bé Ba"), ("birthDate", "01/01/2021"), ("school", "MN Hoa Sen"), ("grade", "mn")])
            let step = try #require(visitor.value(of: "_step"))
            // The same consent tap arrives twice (a double tap, a reload).
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "consent:"), ("consent", "yes"), ("_step", step)])
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "consent:"), ("consent", "yes"), ("_step", step)])
            let count = try await kiosk.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child WHERE fullName = 'Võ Bé Ba'")
            }
            #expect(count == 1)
            #expect(visitor.page.contains("Đã đăng ký Võ Bé Ba"))
        }
    }

    @Test func badInputAnswersALocalizedMessageAndSavesNothing() async throws {
        try await withLiveKiosk { kiosk, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/register")
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Ngô Văn Tư"), ("phone", "12345"), ("relationship", "father")])
            #expect(visitor.page.contains("Số điện thoại gồm 10 chữ số"))
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", String(repeating: "Ê", count: 5000)),
                                                           ("phone", "0944444444"), ("relationship", "father")])
            #expect(visitor.page.contains("Tối đa 80 ký tự"))
            // The consent box is never ticked for the family.
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Ngô Văn Tư"), ("phone", "0944444444"), ("relationship", "father")])
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "child:"), ("childName", "Ngô Bé"), ("birthDate", "31/02/2016"), ("school", "TH"), ("grade", "4")])
            #expect(visitor.page.contains("Nhập ngày theo ngày/tháng/năm"))
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "child:"), ("childName", "Ngô Bé"), ("birthDate", "28/02/2016"), ("school", "TH"), ("grade", "4")])
            #expect(visitor.page.contains("type=\"checkbox\" name=\"consent\" value=\"yes\">"))
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "consent:")])
            #expect(visitor.page.contains("Cần có sự đồng ý của phụ huynh"))
            // A child of seven or more who says no: nothing is saved.
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "consent:"), ("consent", "yes")])
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "childConsent:no")])
            #expect(visitor.page.contains("Thông tin của con chưa được lưu"))
            let saved = try await kiosk.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM guardian WHERE phone = '0944444444'")
            }
            #expect(saved == 0)
        }
    }

    @Test func brokenUTF8IsRefusedBeforeAnyHandlerRuns() async throws {
        try await withLiveKiosk { kiosk, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/register")
            let csrf = try #require(visitor.value(of: "_csrf")), step = try #require(visitor.value(of: "_step"))
            let body = Array("_csrf=\(csrf)&_step=\(step)&_action=guardian%3A&phone=0955555555&relationship=mother&guardianName=".utf8) + [0xC3, 0x28]
            let response = try await visitor.post("/kiosk/DEMO/screen", raw: body, contentType: "application/x-www-form-urlencoded")
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("ký tự không hợp lệ"))
            let percent = Array("_csrf=\(csrf)&_step=\(step)&_action=guardian%3A&guardianName=%C3%28&phone=0955555555&relationship=mother".utf8)
            #expect(try await visitor.post("/kiosk/DEMO/screen", raw: percent, contentType: "application/x-www-form-urlencoded").status == .badRequest)
        }
    }

    @Test func everythingAFamilyTypedIsEscapedInThePage() async throws {
        try await withLiveKiosk { _, client in
            let visitor = Visitor(client)
            let page = try await registerFamily(visitor, guardian: "<b>Mẹ</b>", phone: "0966666666", child: "<script>alert(1)</script> An")
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; An"))
        }
    }
}
