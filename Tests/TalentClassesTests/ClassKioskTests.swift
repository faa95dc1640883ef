import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct ClassKioskTests {
    @Test func aChildEnrolsAndLeavesWithATicketThatDecodes() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Đàn tranh", capacity: 3))
            try await addFamily(kiosk, phone: "0913100001", children: [("Ngô Khánh", "2016-04-04"), ("Ngô Bé", "2023-01-01")])
            let family = try await identified(client, phone: "0913100001", birth: "2016-04-04", flow: "classes/start")
            // Two children: the kiosk asks which one; the three-year-old is offered no class of ages 6–12.
            #expect(family.page.contains("Ngô Bé"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "child:\(try await childID(kiosk, "Ngô Bé"))")])
            #expect(!family.page.contains("Đàn tranh"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "child:\(try await childID(kiosk, "Ngô Khánh"))")])
            #expect(family.page.contains("Đàn tranh"))
            #expect(family.page.contains("còn 3 chỗ"))
            #expect(family.page.contains("Miễn phí"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "class:\(id)")])
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            #expect(family.page.contains("Ngô Khánh đã được ghi danh"))
            let ticket = try #require(family.page.tokens.first)
            #expect(ticket.hasPrefix("NTN1.DEMO.CL."))
            // The ticket on screen is a real QR code that decodes to the same token.
            #expect(try QRDecoder.decode(try #require(family.page.embeddedPNGs.first)) == [ticket])
            // Enrolling the same child again shows the same place and ticket.
            try await family.get("/kiosk/DEMO/start/classes/start")
            try await family.post("/kiosk/DEMO/screen", [("_action", "child:\(try await childID(kiosk, "Ngô Khánh"))")])
            #expect(family.page.contains("Con đã có chỗ trong lớp này"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "class:\(id)")])
            #expect(family.page.tokens == [ticket])
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_enrolment WHERE classId = ?", [id]) == 1)
        }
    }

    @Test func aFullClassOffersTheWaitlistAndAWithdrawalPromotesTheFirstInLine() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Cờ tướng", capacity: 1))
            let first = try await familyAtClass(client, kiosk, phone: "0913200001", child: "Lý Một", classID: id)
            try await first.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            #expect(first.page.tokens.count == 1)
            var waiting: [Visitor] = []
            for (index, name) in ["Lý Hai", "Lý Ba"].enumerated() {
                let family = try await familyAtClass(client, kiosk, phone: "091320001\(index)", child: name, classID: id)
                #expect(family.page.contains("vào danh sách chờ ở vị trí \(index + 1)"))
                try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
                #expect(family.page.contains("Danh sách chờ: vị trí \(index + 1)"))
                #expect(family.page.tokens.isEmpty)
                waiting.append(family)
            }
            // The first family withdraws at the kiosk: its ticket is revoked and Lý Hai takes the seat.
            let firstEnrolment = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT e.id FROM classes_enrolment e JOIN child ON child.id = e.childId WHERE child.fullName = 'Lý Một'")!
            }
            let revoked = try #require(first.page.tokens.first)
            try await first.post("/kiosk/DEMO/screen", [("_action", "withdraw:\(firstEnrolment)")])
            #expect(first.page.contains("Xin thôi học?"))
            try await first.post("/kiosk/DEMO/screen", [("_action", "withdrawConfirmed:\(firstEnrolment)")])
            #expect(first.page.contains("Đã rút tên khỏi lớp"))
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            #expect(try await staff.scan(revoked, activity: try await sessionActivity(kiosk, classID: id))["outcome"] as? String == "refused")
            try await waiting[0].post("/kiosk/DEMO/screen", [("_action", "mine:")])
            #expect(waiting[0].page.contains("Đã có chỗ"))
            try await waiting[1].post("/kiosk/DEMO/screen", [("_action", "mine:")])
            #expect(waiting[1].page.contains("Danh sách chờ: vị trí 1"))
            // Staff see the promoted family to call, and tick it off once called.
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)/page")
            let toCall = try #require(admin.page.range(of: "Cần gọi báo cho gia đình"))
            #expect(admin.page[toCall.upperBound...].prefix(1500).contains("Lý Hai"))
            let promoted = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT e.id FROM classes_enrolment e JOIN child ON child.id = e.childId WHERE child.fullName = 'Lý Hai'")!
            }
            try await admin.post("/admin/DEMO/m/classes/classes/\(id)/page", [("key", "called:\(promoted)")])
            #expect(admin.page.contains("Không có gia đình nào cần gọi."))
            // Raising the capacity moves the next child up at once.
            var form = ClassForm(title: "Cờ tướng", capacity: 2)
            form.capacity = 2
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)")
            try await admin.post("/admin/DEMO/m/classes/classes/\(id)", form.fields(periodID: try await demoPeriod(kiosk)))
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_enrolment WHERE classId = ? AND status = 'enrolled'", [id]) == 2)
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM ticket WHERE kind = 'CL' AND revokedAt IS NULL") == 3)  // demo's chess + 2
            // A capacity below the children enrolled is refused.
            form.capacity = 1
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)")
            #expect(try await admin.post("/admin/DEMO/m/classes/classes/\(id)", form.fields(periodID: try await demoPeriod(kiosk)),
                                         follow: false).status == .badRequest)
            #expect(admin.page.contains("Lớp đã có 2 con ghi danh"))
        }
    }

    @Test func concurrentEnrolmentsFillExactlyTheSeatsAndQueueTheRestInOrder() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Robot", capacity: 4))
            var families: [Visitor] = []
            for index in 0..<14 {
                families.append(try await familyAtClass(client, kiosk, phone: String(format: "09133000%02d", index), child: "Bé Robot \(index)",
                                                        classID: id))
            }
            // Fourteen families press "enrol" at the same moment for four seats.
            let pages = try await withThrowingTaskGroup(of: String.self) { group in
                for family in families {
                    group.addTask {
                        try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
                        return family.page
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(pages.filter { $0.contains("NTN1.DEMO.CL.") }.count == 4)
            let positions = pages.compactMap { $0.firstMatch(of: /Danh sách chờ: vị trí (\d+)/).map { Int($0.1)! } }
            #expect(positions.sorted() == Array(1...10))
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_enrolment WHERE classId = ? AND status = 'enrolled'", [id]) == 4)
            // Withdrawals promote in the order families asked, one seat at a time.
            let queue = try await kiosk.services.database.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM classes_enrolment WHERE classId = ? AND status = 'waitlisted' ORDER BY requestedAt, id",
                                   arguments: [id])
            }
            let seated = try await kiosk.services.database.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM classes_enrolment WHERE classId = ? AND status = 'enrolled'", arguments: [id])
            }
            for enrolment in seated.prefix(2) {
                try await admin.post("/admin/DEMO/m/classes/classes/\(id)/page", [("key", "withdraw:\(enrolment)")])
            }
            let promoted = try await kiosk.services.database.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM classes_enrolment WHERE promotedAt IS NOT NULL ORDER BY id", arguments: [])
            }
            #expect(promoted == Array(queue.prefix(2)))
        }
    }

    @Test func hardshipIsDeclaredAtTheKioskAndConfirmedByStaff() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Piano", fee: 800_000, waiver: true))
            let family = try await familyAtClass(client, kiosk, phone: "0913400001", child: "Đinh Hoa", classID: id)
            #expect(family.page.contains("800.000"))
            #expect(family.page.contains("Xin miễn học phí vì hoàn cảnh khó khăn"))
            #expect(!family.page.contains("checked"))  // never pre-ticked
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:"), ("hardship", "yes")])
            #expect(family.page.contains("Xin miễn học phí: chờ duyệt"))
            let enrolment = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM classes_enrolment WHERE classId = ?", arguments: [id])! }
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)/page")
            #expect(admin.page.contains("Duyệt miễn phí"))
            try await admin.post("/admin/DEMO/m/classes/classes/\(id)/page", [("key", "waiver:\(enrolment):confirmed")])
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_enrolment WHERE waiver = 'confirmed'") == 1)
            try await admin.get("/admin/DEMO/report?from=2026-11-01&to=2026-11-30")
            #expect(admin.page.contains("<th>Chỗ miễn phí cho trẻ hoàn cảnh khó khăn</th><td>1</td>"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "mine:")])
            #expect(family.page.contains("Miễn học phí: đã duyệt"))
        }
    }

    @Test func classesThatClashWithTheChildsOtherClassesAreMarked() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let morning = try await createClass(admin, kiosk, ClassForm(title: "Bơi sáng", weekdays: "T7, CN", start: "08:00", end: "09:30"))
            try await createClass(admin, kiosk, ClassForm(title: "Múa sáng", weekdays: "CN", start: "09:00", end: "10:00"))
            try await createClass(admin, kiosk, ClassForm(title: "Múa chiều", weekdays: "CN", start: "15:00", end: "16:00"))
            let family = try await familyAtClass(client, kiosk, phone: "0913500001", child: "Hồ Lam", classID: morning)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            try await family.get("/kiosk/DEMO/start/classes/start")
            let list = family.page
            let mua = try #require(list.range(of: "Múa sáng")), chieu = try #require(list.range(of: "Múa chiều"))
            let detail = { (start: String.Index) in list[start...].prefix { $0 != "\n" }.split(separator: "</button>").first ?? "" }
            #expect(detail(mua.upperBound).contains("Trùng lịch với Bơi sáng"))
            #expect(!detail(chieu.upperBound).contains("Trùng lịch"))
        }
    }
}
