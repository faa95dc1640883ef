import EventCheckIn
import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct EventGateTests {
    /// Registers the demo child (Nguyễn Văn An, born 01/06/2015) for an event and returns the ticket.
    private func ticket(_ client: any TestClientProtocol, _ kiosk: TestKiosk, eventID: Int64) async throws -> String {
        let family = try await identified(client, phone: DemoData.guardianPhone, birth: DemoData.childBirthDate, flow: "events/start")
        try await family.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
        try await family.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(try await childID(kiosk, "Nguyễn Văn An"))")])
        return try #require(family.page.tokens.first)
    }

    @Test func firstScanIsGreenTheSecondAmberWithTheTime() async throws {
        try await withEventKiosk { kiosk, client in
            let eventID = try await createEvent(try await admin(client), kiosk, title: "Tết Thiếu nhi")
            let code = try await ticket(client, kiosk, eventID: eventID)
            let staff = try await gate(client, eventID: eventID)
            let first = try await scan(staff, code, eventID: eventID)
            #expect(first["outcome"] as? String == "accepted")
            #expect(first["name"] as? String == "Nguyễn Văn An")
            let second = try await scan(staff, code, eventID: eventID)
            #expect(second["outcome"] as? String == "warning")
            #expect(second["detail"] as? String == "vào lúc 10:00")
            let counter = try await staff.get("/staff/DEMO/counter?activity=events/event:\(eventID)")
            let items = (try JSONSerialization.jsonObject(with: Data(buffer: counter.body)) as? [String: [[String: String]]])?["items"]
            #expect(items?.first == ["label": "đã vào", "value": "1"])
            #expect(items?.last == ["label": "sức chứa", "value": "100"])
        }
    }

    @Test func theWrongEventTheWrongTimeAndACancelledEventAreRefused() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            let today = try await createEvent(admin, kiosk, title: "Hôm nay")
            let evening = try await createEvent(admin, kiosk, title: "Buổi tối", starts: "2026-11-22T18:00", ends: "2026-11-22T21:00", gateMinutes: 60)
            let tomorrow = try await createEvent(admin, kiosk, title: "Ngày mai", starts: "2026-11-23T09:00", ends: "2026-11-23T11:00")
            let code = try await ticket(client, kiosk, eventID: today)
            let eveningCode = try await ticket(client, kiosk, eventID: evening)
            let tomorrowCode = try await ticket(client, kiosk, eventID: tomorrow)
            let staff = try await gate(client, eventID: evening)
            let other = try await scan(staff, code, eventID: evening)
            #expect(other["title"] as? String == "Vé của sự kiện khác")
            #expect((other["detail"] as? String)?.contains("Hôm nay") == true)
            let early = try await scan(staff, eveningCode, eventID: evening)
            #expect(early["title"] as? String == "Chưa đến giờ vào")
            #expect(early["detail"] as? String == "cổng mở lúc 17:00")
            let otherDay = try await scan(staff, tomorrowCode, eventID: evening)
            #expect(otherDay["title"] as? String == "Vé của sự kiện khác")
            #expect(otherDay["detail"] as? String == "Ngày mai · 23/11/2026 09:00")
            // An administrator cancels today's event: its tickets scan as cancelled.
            try await admin.get("/admin/DEMO/m/events/events/\(today)")
            var fields: [(String, String)] = []
            for name in ["titleVi", "titleEn", "details", "venue", "startsAt", "endsAt", "capacity", "minAge", "maxAge",
                         "registrationOpensAt", "registrationClosesAt", "checkInOpensMinutes"] {
                fields.append((name, admin.value(of: name) ?? ""))
            }
            fields.append(("cancelled", "yes"))
            try await admin.post("/admin/DEMO/m/events/events/\(today)", fields)
            #expect(try await scan(staff, code, eventID: today)["title"] as? String == "Sự kiện đã huỷ")
        }
    }

    @Test func aStationSetToAnEventNotOnTodayOrUnknownIsAskedToChooseOne() async throws {
        try await withEventKiosk { kiosk, client in
            let tomorrow = try await createEvent(try await admin(client), kiosk, title: "Ngày mai", starts: "2026-11-23T09:00", ends: "2026-11-23T11:00")
            let code = try await ticket(client, kiosk, eventID: tomorrow)
            let staff = try await gate(client, eventID: tomorrow)
            for activity in ["events/event:\(tomorrow)", "events/event:999999", "events/event:x", "events/"] {
                let answer = try await staff.scan(code, activity: activity)
                #expect(answer["outcome"] as? String == "warning", "\(activity)")
                #expect(answer["title"] as? String == "Hãy chọn sự kiện trên trạm", "\(activity)")
            }
            let checkedIn = try await kiosk.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_registration WHERE eventId = ? AND checkedInAt IS NOT NULL",
                                 arguments: [tomorrow])
            }
            #expect(checkedIn == 0)
        }
    }

    @Test func manyConcurrentScansOfOneTicketLetInExactlyOnce() async throws {
        try await withEventKiosk { kiosk, client in
            let eventID = try await createEvent(try await admin(client), kiosk, title: "Trung thu")
            let code = try await ticket(client, kiosk, eventID: eventID)
            let staff = try await gate(client, eventID: eventID)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<50 { group.addTask { try await scan(staff, code, eventID: eventID)["outcome"] as? String ?? "?" } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "accepted" }.count == 1)
            #expect(outcomes.filter { $0 == "warning" }.count == 49)
            let passes = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_gate_pass")! }
            #expect(passes == 1)
        }
    }

    @Test func aMemberCardFindsTheRegistrationOrOffersAWalkIn() async throws {
        try await withEventKiosk { kiosk, client in
            let eventID = try await createEvent(try await admin(client), kiosk, title: "Ngày hội", capacity: 3)
            let card = try await kiosk.services.database.read { db in
                try TicketRecord.fetchOne(db, sql: "SELECT * FROM ticket WHERE kind = 'MC'")!
            }
            let token = try kiosk.services.tickets.token(for: card, site: kiosk.site).description
            let staff = try await gate(client, eventID: eventID)
            let notRegistered = try await scan(staff, token, eventID: eventID)
            #expect(notRegistered["title"] as? String == "Chưa đăng ký sự kiện này")
            let offer = try #require(notRegistered["offer"] as? [String: String])
            #expect(offer["label"] == "Đăng ký tại chỗ và cho vào")
            let walkIn = try await staff.postJSON("/api/station-action", ["action": offer["action"], "site": "DEMO", "activity": "events/event:\(eventID)"])
            #expect(String(buffer: walkIn.body).contains(#""outcome":"accepted""#))
            // Now registered and in: the card scans amber.
            #expect(try await scan(staff, token, eventID: eventID)["outcome"] as? String == "warning")
            let walkIns = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_registration WHERE walkIn")! }
            #expect(walkIns == 1)
        }
    }

    @Test func aLostTicketIsFoundByNameWithoutToneMarksAndCheckedIn() async throws {
        try await withEventKiosk { kiosk, client in
            let eventID = try await createEvent(try await admin(client), kiosk, title: "Ngày hội")
            _ = try await ticket(client, kiosk, eventID: eventID)
            let staff = try await gate(client, eventID: eventID)
            let found = try await staff.get("/staff/DEMO/search?activity=events/event:\(eventID)&q=nguyen%20van%20an")
            let items = (try JSONSerialization.jsonObject(with: Data(buffer: found.body)) as? [String: [[String: String]]])?["items"] ?? []
            #expect(items.map { $0["name"] } == ["Nguyễn Văn An"])
            let action = try #require(items.first?["action"])
            let answer = try await staff.postJSON("/api/station-action", ["action": action, "site": "DEMO", "activity": "events/event:\(eventID)"])
            #expect(String(buffer: answer.body).contains(#""outcome":"accepted""#))
        }
    }

    @Test func aReentryEventCountsExitsAndReturns() async throws {
        try await withEventKiosk { kiosk, client in
            let eventID = try await createEvent(try await admin(client), kiosk, title: "Hướng nghiệp", reentry: true)
            let code = try await ticket(client, kiosk, eventID: eventID)
            let staff = try await gate(client, eventID: eventID)
            var titles: [String] = []
            for _ in 0..<3 { titles.append(try await scan(staff, code, eventID: eventID)["title"] as? String ?? "") }
            #expect(titles == ["Mời vào", "Đã ra ngoài", "Mời vào lại"])
        }
    }
}
