import Foundation
import HummingbirdTesting
import KioskTesting
import KioskWeb
import Testing

@Suite struct StaffStationTests {
    @Test func theStationNeedsALogin() async throws {
        try await withLiveKiosk { _, client in
            let visitor = Visitor(client)
            let response = try await visitor.get("/staff/DEMO", follow: false)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login?next=/staff/DEMO")
            try await visitor.get("/login")
            let scan = try await visitor.postJSON("/api/scan", ["code": "x", "site": "DEMO", "activity": nil])
            #expect(scan.status == .unauthorized)
        }
    }

    @Test func scanningAMemberCardShowsTheChildsNameInGreen() async throws {
        try await withLiveKiosk { _, client in
            let family = Visitor(client)
            let card = try #require(try await registerFamily(family).firstToken)
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO")
            #expect(staff.page.contains("id=\"scan-input\""))
            let answer = try await staff.postJSON("/api/scan", ["code": "]Q1" + card + "\n", "site": "DEMO", "activity": nil])
            let json = try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any]
            #expect(json?["outcome"] as? String == "accepted")
            #expect(json?["name"] as? String == "Phạm Minh Khôi")
            #expect(json?["recorded"] as? Bool == true)
        }
    }

    @Test func scanAnswersSayHowLongTheServerTookAndPagesDoNot() async throws {
        try await withLiveKiosk { _, client in
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            let page = try await staff.get("/staff/DEMO")
            #expect(page.headers[.serverTiming] == nil)
            let answer = try await staff.postJSON("/api/scan", ["code": "not a ticket", "site": "DEMO", "activity": nil])
            let timing = try #require(answer.headers[.serverTiming])
            let duration = try #require(timing.wholeMatch(of: /app;dur=(\d+\.\d{3})/)?.1)
            #expect(try #require(Double(duration)) > 0)
        }
    }

    @Test(arguments: [
        ("NTN1.DEMO.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB", "Vé không hợp lệ"),
        ("NTN1.Q9.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB", "Vé của cơ sở khác"),
        ("NTN2.DEMO.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB", "Phiên bản vé không được hỗ trợ"),
        ("NTN1.DEMO.MC.AAAA", "Không phải mã vé"),
        ("Xin chào", "Không phải mã vé"),
    ])
    func badCodesAreRefusedWithAReason(code: String, reason: String) async throws {
        try await withLiveKiosk { _, client in
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO")
            let answer = try await staff.postJSON("/api/scan", ["code": code, "site": "DEMO", "activity": nil])
            let json = try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any]
            #expect(json?["outcome"] as? String == "refused")
            #expect(json?["title"] as? String == reason)
        }
    }

    @Test func aForgedSignatureOnARealTicketIDIsRefused() async throws {
        try await withLiveKiosk { _, client in
            let card = try #require(try await registerFamily(Visitor(client)).firstToken)
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO")
            let forged = String(card.dropLast(16)) + "AAAAAAAAAAAAAAAA"
            let answer = try await staff.postJSON("/api/scan", ["code": forged, "site": "DEMO", "activity": nil])
            #expect(String(buffer: answer.body).contains("Vé không hợp lệ"))
        }
    }

    @Test func aModulesTicketIsJudgedByTheModuleOnceGreenThenAmber() async throws {
        try await withLiveKiosk { kiosk, client in
            let ticket = try await bookVisit(kiosk, client)
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO?activity=visits/gate")
            #expect(staff.page.contains("data-activity=\"visits/gate\""))
            let first = try await staff.postJSON("/api/scan", ["code": ticket, "site": "DEMO", "activity": "visits/gate"])
            let second = try await staff.postJSON("/api/scan", ["code": ticket, "site": "DEMO", "activity": "visits/gate"])
            #expect(String(buffer: first.body).contains("\"outcome\":\"accepted\""))
            #expect(String(buffer: second.body).contains("\"outcome\":\"warning\""))
            let counter = try await staff.get("/staff/DEMO/counter?activity=visits/gate")
            #expect(String(buffer: counter.body).contains("\"value\":\"1\""))
        }
    }

    @Test func manyConcurrentScansOfOneTicketGiveExactlyOneGreen() async throws {
        try await withLiveKiosk { kiosk, client in
            let ticket = try await bookVisit(kiosk, client)
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO")
            // When 40 scans of the same ticket arrive at once
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        let answer = try await staff.postJSON("/api/scan", ["code": ticket, "site": "DEMO", "activity": "visits/gate"])
                        return (try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any])?["outcome"] as? String ?? "?"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            // Then exactly one is let in, and the others see amber.
            #expect(outcomes.filter { $0 == "accepted" }.count == 1)
            #expect(outcomes.filter { $0 == "warning" }.count == 39)
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRefused() async throws {
        try await withLiveKiosk { _, client in
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            let body = Array(#"{"code":"x","site":"DEMO"}"#.utf8)
            let answer = try await staff.post("/api/scan", raw: body, contentType: "application/json", headers: ["X-CSRF-Token": "0000"])
            #expect(answer.status == .forbidden)
        }
    }
}
