import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct ClassStationTests {
    @Test func theRegisterIsTakenByScanningTicketsAndMemberCards() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let onTime = try await createClass(admin, kiosk, ClassForm(title: "Guitar"))
            var lateForm = ClassForm(title: "Trống", start: "09:00")
            lateForm.lateAfter = 15
            let late = try await createClass(admin, kiosk, lateForm)
            let mondays = try await createClass(admin, kiosk, ClassForm(title: "Sáo trúc", weekdays: "T2"))
            var tickets: [String: String] = [:]
            for (index, (name, id)) in [("Vũ Mai", onTime), ("Vũ Đào", late), ("Vũ Cúc", mondays)].enumerated() {
                let family = try await familyAtClass(client, kiosk, phone: "091410000\(index)", child: name, classID: id)
                try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
                tickets[name] = try #require(family.page.tokens.first)
            }
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let guitar = try await sessionActivity(kiosk, classID: onTime)
            try await staff.get("/staff/DEMO?activity=\(guitar)")
            #expect(staff.page.contains("Guitar · 09:55–11:00 · Phòng 2"))
            // Present (green), then already marked (amber) with the time.
            let first = try await staff.scan(tickets["Vũ Mai"]!, activity: guitar)
            #expect(first["outcome"] as? String == "accepted")
            #expect(first["title"] as? String == "Có mặt")
            #expect(first["name"] as? String == "Vũ Mai")
            let again = try await staff.scan(tickets["Vũ Mai"]!, activity: guitar)
            #expect(again["outcome"] as? String == "warning")
            #expect(again["detail"] as? String == "lúc 10:00")
            // Another class's ticket, or a member card of a child not in the class: red.
            let other = try await staff.scan(tickets["Vũ Đào"]!, activity: guitar)
            #expect(other["outcome"] as? String == "refused")
            #expect(other["title"] as? String == "Không học lớp này")
            let stranger = try await card(kiosk, .memberCard, childID: try await childID(kiosk, "Vũ Cúc"))
            #expect(try await staff.scan(stranger, activity: guitar)["title"] as? String == "Không học lớp này")
            // Late after the grace time: Trống began at 09:00 with 15 minutes' grace.
            let drums = try await staff.scan(try await card(kiosk, .memberCard, childID: try await childID(kiosk, "Vũ Đào")),
                                             activity: try await sessionActivity(kiosk, classID: late))
            #expect(drums["title"] as? String == "Đi muộn")
            #expect(drums["detail"] as? String == "muộn 60 phút")
            // A class that meets on Mondays has no session this Sunday.
            #expect(try await staff.scan(tickets["Vũ Cúc"]!, activity: nil)["title"] as? String == "Hôm nay lớp không có buổi học")
            // A forged ticket is refused.
            var forged = tickets["Vũ Mai"]!
            forged.replaceSubrange(forged.index(forged.endIndex, offsetBy: -3)..., with: forged.hasSuffix("AAA") ? "BBB" : "AAA")
            #expect(try await staff.scan(forged, activity: guitar)["outcome"] as? String == "refused")
            // After the session's end a scan marks nothing; staff may still mark the child by hand.
            let early = try await createClass(admin, kiosk, ClassForm(title: "Yoga sớm", start: "07:00", end: "08:00"))
            let lan = try await familyAtClass(client, kiosk, phone: "0914100009", child: "Vũ Lan", classID: early)
            try await lan.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            let yoga = try await sessionActivity(kiosk, classID: early)
            let over = try await staff.scan(try #require(lan.page.tokens.first), activity: yoga)
            #expect(over["outcome"] as? String == "warning")
            #expect(over["title"] as? String == "Buổi học đã kết thúc")
            let markLan = try #require(try await staff.search("vu lan", activity: yoga).first?["action"])
            #expect(try await staff.stationAction(markLan, activity: yoga)["title"] as? String == "Có mặt")
            let marks = try await kiosk.services.database.read { db in
                try String.fetchAll(db, sql: "SELECT mark FROM classes_attendance ORDER BY id")
            }
            #expect(marks == ["present", "late", "present"])
        }
    }

    @Test func aStationTakesTheRegisterOfTodaysSessionOnly() async throws {
        // The session is read by its key on every scan: yesterday's or tomorrow's is not today's.
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Cờ vua"))
            let family = try await familyAtClass(client, kiosk, phone: "0914200001", child: "Lý An", classID: id)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            let ticket = try #require(family.page.tokens.first)
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            for day in ["2026-11-21", "2026-11-23"] {
                let verdict = try await staff.scan(ticket, activity: try await sessionActivity(kiosk, classID: id, day: day))
                #expect(verdict["outcome"] as? String == "warning" && verdict["title"] as? String == "Hãy chọn buổi học trên trạm", "\(day)")
            }
            #expect(try await staff.scan(ticket, activity: try await sessionActivity(kiosk, classID: id))["title"] as? String == "Có mặt")
            let marks = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM classes_attendance") }
            #expect(marks == 1)
        }
    }

    @Test func theRegisterIsCorrectedByHandAndTheChangeIsAudited() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Mỹ thuật"))
            let family = try await familyAtClass(client, kiosk, phone: "0914200001", child: "Tạ Quyên", classID: id)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            // A forgotten card: staff find the child by name without tone marks and mark by hand.
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let activity = try await sessionActivity(kiosk, classID: id)
            let found = try await staff.search("ta quyen", activity: activity)
            #expect(found.map { $0["name"] } == ["Tạ Quyên"])
            let enrolment = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM classes_enrolment WHERE classId = ?", arguments: [id])! }
            #expect(try await staff.stationAction(try #require(found.first?["action"]), activity: activity)["title"] as? String == "Có mặt")
            // The administrator corrects the mark to absent on the session's register.
            let session = activity.split(separator: ":").last!
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)/page?view=session:\(session)")
            #expect(admin.page.contains("Tạ Quyên"))
            try await admin.post("/admin/DEMO/m/classes/classes/\(id)/page",
                                 [("key", "mark:\(session):\(enrolment):absent"), ("view", "session:\(session)")])
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_attendance WHERE mark = 'absent' AND markedBy = ?", [DemoData.adminUsername]) == 1)
            try await admin.get("/admin/DEMO/audit")
            #expect(admin.page.contains("mark:\(session):\(enrolment):absent"))
            // The staff member is not an administrator and cannot correct the register.
            let refused = try await staff.post("/admin/DEMO/m/classes/classes/\(id)/page", [("key", "mark:\(session):\(enrolment):present")],
                                               follow: false)
            #expect(refused.status != .seeOther)
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_attendance WHERE mark = 'absent'") == 1)
        }
    }

    @Test func onlyAnAdultTheFamilyNamedMayCollectAChild() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Bóng rổ"))
            let family = try await familyAtClass(client, kiosk, phone: "0914300001", child: "Lưu Nam", classID: id)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            // The family adds the grandmother (the parent's guardian card scanned first), then names only her to collect Nam.
            let parentCard = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM guardian WHERE phone = '0914300001'")!
            }
            try await family.get("/kiosk/DEMO/start/core/guardian")
            try await family.post("/kiosk/DEMO/scan", [("code", try await card(kiosk, .guardianCard, guardianID: parentCard))])
            try await family.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Lưu Thị Bà"), ("phone", "0914300002"),
                                                          ("relationship", "grandparent")])
            #expect(family.page.contains("Đã thêm Lưu Thị Bà"))
            let (parent, grandmother, nam) = try await kiosk.services.database.read { db in
                (try Int64.fetchOne(db, sql: "SELECT id FROM guardian WHERE phone = '0914300001'")!,
                 try Int64.fetchOne(db, sql: "SELECT id FROM guardian WHERE phone = '0914300002'")!,
                 try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE fullName = 'Lưu Nam'")!)
            }
            try await family.get("/kiosk/DEMO/start/classes/pickup")
            #expect(family.page.contains("Lưu Thị Bà"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "save:")])
            #expect(family.page.contains("Hãy chọn ít nhất một người đón Lưu Nam."))
            try await family.post("/kiosk/DEMO/screen", [("_action", "save:"), ("c\(nam)g\(grandmother)", "yes")])
            #expect(family.page.contains("Đã lưu danh sách người được đón con."))
            // Nam is marked present; at the end the adults show their cards.
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let activity = try await sessionActivity(kiosk, classID: id)
            _ = try await staff.scan(try await card(kiosk, .memberCard, childID: nam), activity: activity)
            let parentAnswer = try await staff.scan(try await card(kiosk, .guardianCard, guardianID: parent), activity: activity)
            #expect(parentAnswer["outcome"] as? String == "refused")
            #expect(parentAnswer["title"] as? String == "Không được đón")
            try await addFamily(kiosk, phone: "0914300009", children: [("Người Lạ Con", "2015-01-01")])
            let strangerID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM guardian WHERE phone = '0914300009'")! }
            #expect(try await staff.scan(try await card(kiosk, .guardianCard, guardianID: strangerID), activity: activity)["outcome"] as? String == "refused")
            let grandmotherAnswer = try await staff.scan(try await card(kiosk, .guardianCard, guardianID: grandmother), activity: activity)
            #expect(grandmotherAnswer["outcome"] as? String == "accepted")
            #expect(grandmotherAnswer["title"] as? String == "Được đón")
            #expect(grandmotherAnswer["detail"] as? String == "Lưu Nam")
            let offer = try #require(grandmotherAnswer["offer"] as? [String: String])
            let handOver = try await staff.stationAction(try #require(offer["action"]), activity: activity)
            #expect(handOver["title"] as? String == "Đã giao trẻ")
            let collectedBy = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT collectedBy FROM classes_attendance WHERE collectedAt IS NOT NULL")
            }
            #expect(collectedBy == grandmother)
            #expect(try await staff.scan(try await card(kiosk, .guardianCard, guardianID: grandmother), activity: activity)["title"] as? String
                    == "Đã đón rồi")
        }
    }

    @Test func aStationTakesUpOnlyTheActionsItWasOffered() async throws {
        try await withClassKiosk { kiosk, client in
            // Given a child present at a class whose parent's card offers the hand-over
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Bơi"))
            let other = try await createClass(admin, kiosk, ClassForm(title: "Đàn"))
            let family = try await familyAtClass(client, kiosk, phone: "0914600001", child: "Hà My", classID: id)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            let (parent, child) = try await kiosk.services.database.read { db in
                (try Int64.fetchOne(db, sql: "SELECT id FROM guardian WHERE phone = '0914600001'")!,
                 try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE fullName = 'Hà My'")!)
            }
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let activity = try await sessionActivity(kiosk, classID: id)
            _ = try await staff.scan(try await card(kiosk, .memberCard, childID: child), activity: activity)
            let answer = try await staff.scan(try await card(kiosk, .guardianCard, guardianID: parent), activity: activity)
            let offered = try #require((answer["offer"] as? [String: String])?["action"])
            let refused = "Không thực hiện được: thao tác này không dành cho trạm này hoặc đã quá 10 phút. Hãy quét hoặc tìm lại."

            // When a station sends a bare key, the offer with another id, or the offer at another activity or site
            let parts = offered.split(separator: "~", maxSplits: 2).map(String.init)
            _ = try await kiosk.services.database.createSite(code: "Q3", name: "Nhà Thiếu nhi Quận 3", actor: "test", at: TestKiosk.defaultNow)
            for (action, at, site) in [("pickup:\(parent)", activity, "DEMO"), ("\(parts[0])~\(parts[1])~pickup:\(parent + 1)", activity, "DEMO"),
                                       (offered, try await sessionActivity(kiosk, classID: other), "DEMO"), (offered, activity, "Q3")] {
                let sent = try await admin.postJSON("/api/station-action", ["action": action, "site": site, "activity": at])
                // Then each is refused before the module sees it, and no child is handed over
                #expect(String(buffer: sent.body).contains(refused), "\(action.suffix(12)) at \(site)")
            }
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_attendance WHERE collectedAt IS NOT NULL") == 0)
            // The offer itself works, once
            #expect(try await staff.stationAction(offered, activity: activity)["title"] as? String == "Đã giao trẻ")
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_attendance WHERE collectedAt IS NOT NULL") == 1)
        }
    }

    @Test func aDisabledModuleVanishesFromTheSiteAndItsTicketsAreNotAvailable() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Cầu lông"))
            let family = try await familyAtClass(client, kiosk, phone: "0914400001", child: "Mai Phương", classID: id)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            let ticket = try #require(family.page.tokens.first)
            try await admin.get("/admin/DEMO")
            try await admin.post("/admin/DEMO/modules/classes", [("enabled", "no")])
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO")
            #expect(!visitor.page.contains("Lớp năng khiếu"))
            #expect(try await visitor.get("/kiosk/DEMO/start/classes/start").status == .notFound)
            #expect(try await admin.get("/admin/DEMO/m/classes/classes").status == .notFound)
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            #expect(try await staff.scan(ticket, activity: nil)["title"] as? String == "Không áp dụng tại cơ sở này")
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_enrolment WHERE classId = ?", [id]) == 1)
        }
    }

    @Test func erasingAFamilyRemovesItsChildFromEveryClassTable() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Điền kinh"))
            let family = try await familyAtClass(client, kiosk, phone: "0914500001", child: "Quách Tùng", classID: id)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            _ = try await staff.scan(try #require(family.page.tokens.first), activity: try await sessionActivity(kiosk, classID: id))
            let familyID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT familyId FROM guardian WHERE phone = '0914500001'")! }
            // The family's export carries the class and its register.
            let export = try await admin.get("/admin/DEMO/families/\(familyID)/export.json")
            #expect(String(buffer: export.body).contains("Điền kinh"))
            try await admin.get("/admin/DEMO/families/\(familyID)")
            try await admin.post("/admin/DEMO/families/\(familyID)/erase", [("confirm", "yes")])
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_enrolment WHERE classId = ?", [id]) == 0)
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_attendance") == 0)
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_pickup") == 0)
            let audit = try await admin.get("/admin/DEMO/audit")
            #expect(!String(buffer: audit.body).contains("Quách Tùng"))
        }
    }

    @Test func theReportCountsClassesSessionsChildrenAndAttendance() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Kịch", weekdays: "CN", firstDay: "2026-11-15", lastDay: "2026-11-29"))
            for index in 0..<2 {
                let family = try await familyAtClass(client, kiosk, phone: "091460000\(index)", child: "Bé Kịch \(index)", classID: id)
                try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            }
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            _ = try await staff.scan(try await card(kiosk, .memberCard, childID: try await childID(kiosk, "Bé Kịch 0")),
                                     activity: try await sessionActivity(kiosk, classID: id))
            // One session of one class has a register: held. Two of its children were expected, one came.
            // Children enrolled counts every class meeting in November: the two here and the demo child in chess.
            try await admin.get("/admin/DEMO/report?from=2026-11-01&to=2026-11-30")
            #expect(admin.page.contains("<th>Số lớp đã mở</th><td>1</td>"))
            #expect(admin.page.contains("<th>Số buổi học đã dạy</th><td>1</td>"))
            #expect(admin.page.contains("<th>Số trẻ ghi danh</th><td>3</td>"))
            #expect(admin.page.contains("<th>Tỉ lệ chuyên cần (%)</th><td>50</td>"))
        }
    }
}
