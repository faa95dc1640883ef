import EventCheckIn
import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct EventKioskTests {
    @Test func siblingsRegisterInOneStepAndGetOneTicketEach() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            let eventID = try await createEvent(admin, kiosk, title: "Tết Thiếu nhi")
            try await addFamily(kiosk, phone: "0911000001", children: [("Lê Anh", "2016-01-01"), ("Lê Bình", "2018-05-05"), ("Lê Bé", "2023-01-01")])
            let family = try await identified(client, phone: "0911000001", birth: "2016-01-01", flow: "events/start")
            #expect(family.page.contains("Tết Thiếu nhi"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            // The three-year-old is outside 4–15 and is not offered.
            #expect(family.page.contains("Lê Bé: không trong độ tuổi"))
            let anh = try await childID(kiosk, "Lê Anh"), binh = try await childID(kiosk, "Lê Bình")
            try await family.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(anh)"), ("children", "\(binh)")])
            let tokens = family.page.tokens
            #expect(tokens.count == 2)
            #expect(tokens.allSatisfy { $0.hasPrefix("NTN1.DEMO.EV.") })
            // Registering the same child again shows the existing ticket, never a second one.
            try await family.get("/kiosk/DEMO/start/events/start")
            try await family.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            try await family.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(anh)")])
            #expect(family.page.tokens.count == 1)
            #expect(tokens.contains(family.page.tokens[0]))
            let count = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_registration")! }
            #expect(count == 2)
        }
    }

    @Test func theChildWhoseCardWasScannedIsTickedAlready() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            let eventID = try await createEvent(admin, kiosk, title: "Hội trại hè")
            try await addFamily(kiosk, phone: "0911000002", children: [("Mai Anh", "2016-01-01"), ("Mai Bình", "2017-05-05")])
            let anh = try await childID(kiosk, "Mai Anh"), binh = try await childID(kiosk, "Mai Bình")
            let family = Visitor(client)
            try await family.get("/kiosk/DEMO")
            try await family.post("/kiosk/DEMO/scan", [("code", try await card(kiosk, .memberCard, childID: binh) + "\r")])
            try await family.get("/kiosk/DEMO/start/events/start")
            try await family.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            #expect(family.page.contains("name=\"children\" value=\"\(binh)\" checked"))
            #expect(family.page.contains("name=\"children\" value=\"\(anh)\">"))
            // Identified by phone and birth date, no child is ticked for them.
            let byPhone = try await identified(client, phone: "0911000002", birth: "2016-01-01", flow: "events/start")
            try await byPhone.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            #expect(!byPhone.page.contains("checked"))
        }
    }

    @Test func concurrentRegistrationsForTheLastSeatsGetExactlyTheSeatsLeft() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            let eventID = try await createEvent(admin, kiosk, title: "Sân chơi ngày hè", capacity: 5)
            var families: [(Visitor, Int64)] = []
            for index in 0..<16 {
                let phone = String(format: "09220000%02d", index)
                try await addFamily(kiosk, phone: phone, children: [("Bé số \(index)", "2015-03-03")])
                let visitor = try await identified(client, phone: phone, birth: "2015-03-03", flow: "events/start")
                try await visitor.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
                families.append((visitor, try await childID(kiosk, "Bé số \(index)")))
            }
            // Sixteen families press "register" at the same moment for five seats.
            let pages = try await withThrowingTaskGroup(of: String.self) { group in
                for (visitor, child) in families {
                    group.addTask {
                        try await visitor.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(child)")])
                        return visitor.page
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(pages.filter { $0.contains("NTN1.DEMO.EV.") }.count == 5)
            #expect(pages.filter { $0.contains("Không đủ chỗ") }.count == 11)
            let registered = try await kiosk.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_registration WHERE eventId = ? AND status = 'active'", arguments: [eventID])!
            }
            #expect(registered == 5)
        }
    }

    @Test func cancellingFreesTheSeatAndTheTicketScansAsCancelled() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            let eventID = try await createEvent(admin, kiosk, title: "Diễn đàn trẻ em", capacity: 1)
            try await addFamily(kiosk, phone: "0933000001", children: [("Võ Ngọc", "2014-02-02")])
            let family = try await identified(client, phone: "0933000001", birth: "2014-02-02", flow: "events/start")
            try await family.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            try await family.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(try await childID(kiosk, "Võ Ngọc"))")])
            let ticket = try #require(family.page.tokens.first)
            try await family.post("/kiosk/DEMO/screen", [("_action", "mine:")])
            let registrationID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM events_registration")! }
            try await family.post("/kiosk/DEMO/screen", [("_action", "cancel:\(registrationID)")])
            #expect(family.page.contains("Đã huỷ vé"))
            let staff = try await gate(client, eventID: eventID)
            #expect(try await scan(staff, ticket, eventID: eventID)["title"] as? String == "Vé đã bị huỷ")
            // The seat is free again for another family.
            try await addFamily(kiosk, phone: "0933000002", children: [("Võ Minh", "2014-03-03")])
            let other = try await identified(client, phone: "0933000002", birth: "2014-03-03", flow: "events/start")
            try await other.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            try await other.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(try await childID(kiosk, "Võ Minh"))")])
            #expect(other.page.tokens.count == 1)
        }
    }

    @Test func aDisabledModuleHidesItsTileRoutesAndTickets() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            let eventID = try await createEvent(admin, kiosk, title: "Trung thu")
            try await addFamily(kiosk, phone: "0944000001", children: [("Phan Vy", "2016-06-06")])
            let family = try await identified(client, phone: "0944000001", birth: "2016-06-06", flow: "events/start")
            try await family.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            try await family.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(try await childID(kiosk, "Phan Vy"))")])
            let ticket = try #require(family.page.tokens.first)
            let staff = try await gate(client, eventID: eventID)
            try await admin.get("/admin/DEMO")
            try await admin.post("/admin/DEMO/modules/events", [("enabled", "no")])
            try await family.get("/kiosk/DEMO")
            #expect(!family.page.contains("/start/events/start"))
            #expect(try await family.get("/kiosk/DEMO/start/events/start").status == .notFound)
            let answer = try await staff.postJSON("/api/scan", ["code": ticket, "site": "DEMO", "activity": nil])
            #expect(String(buffer: answer.body).contains("Không áp dụng tại cơ sở này"))
            let kept = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_registration")! }
            #expect(kept == 1)
        }
    }
}
