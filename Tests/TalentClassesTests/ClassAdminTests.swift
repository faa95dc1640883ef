import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct ClassAdminTests {
    @Test func sessionsFollowTheScheduleSkipHolidaysAndFollowEdits() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            // Mondays and Wednesdays of November 2026, without the holiday on Wednesday 18/11.
            let id = try await createClass(admin, kiosk, ClassForm(title: "Múa dân gian", weekdays: "T2, T4", firstDay: "2026-11-02",
                                                                   lastDay: "2026-11-30", skipDays: "18/11/2026"))
            let days = try await kiosk.services.database.read { db in
                try String.fetchAll(db, sql: "SELECT day FROM classes_session WHERE classId = ? ORDER BY day", arguments: [id])
            }
            #expect(days == ["2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16", "2026-11-23", "2026-11-25", "2026-11-30"])
            // The edit form shows what was saved; Mondays only from now on.
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)")
            #expect(admin.page.contains("value=\"T2, T4\""))
            #expect(admin.page.contains("18/11/2026"))
            var form = ClassForm(title: "Múa dân gian", weekdays: "thứ 2", firstDay: "2026-11-02", lastDay: "2026-11-30")
            form.start = "15:00"
            form.end = "16:30"
            let saved = try await admin.post("/admin/DEMO/m/classes/classes/\(id)", form.fields(periodID: try await demoPeriod(kiosk)), follow: false)
            #expect(saved.status == .seeOther)
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_session WHERE classId = ?", [id]) == 5)
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_session WHERE classId = ? AND strftime('%H:%M', startsAt, '+7 hours') = '15:00'", [id]) == 5)
        }
    }

    @Test func badClassInputIsRefusedWithALocalizedMessageAndSavesNothing() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let before = try await count(kiosk, "SELECT COUNT(*) FROM classes_class")
            let period = try await demoPeriod(kiosk)
            let cases: [(ClassForm, String)] = [
                (ClassForm(title: "Sai thứ", weekdays: "T9"), "Thứ không hợp lệ"),
                (ClassForm(title: "Sai giờ", start: "11:00", end: "10:00"), "Thời điểm kết thúc phải sau thời điểm bắt đầu."),
                (ClassForm(title: "Ngoài đợt", lastDay: "2027-06-30"), "Các buổi học phải nằm trong đợt học"),
                (ClassForm(title: "Sai tuổi", ages: (12, 6)), "Tuổi lớn nhất phải không nhỏ hơn tuổi nhỏ nhất."),
                (ClassForm(title: "Sai ngày nghỉ", skipDays: "31/02/2026"), "Ngày nghỉ không hợp lệ"),
                (ClassForm(title: String(repeating: "Đ", count: 5000)), "tối đa"),
            ]
            for (form, message) in cases {
                try await admin.get("/admin/DEMO/m/classes/classes/new")
                let response = try await admin.post("/admin/DEMO/m/classes/classes/new", form.fields(periodID: period), follow: false)
                #expect(response.status == .badRequest, "\(form.title.prefix(20))")
                #expect(admin.page.contains(message), "\(form.title.prefix(20))")
            }
            // A number where a number belongs, and a period of this site only.
            var fields = ClassForm(title: "Chữ thay số").fields(periodID: period)
            fields[fields.firstIndex { $0.0 == "capacity" }!].1 = "mười"
            try await admin.get("/admin/DEMO/m/classes/classes/new")
            #expect(try await admin.post("/admin/DEMO/m/classes/classes/new", fields, follow: false).status == .badRequest)
            #expect(admin.page.contains("Nhập số từ 1 đến 500."))
            try await admin.get("/admin/DEMO/m/classes/classes/new")
            #expect(try await admin.post("/admin/DEMO/m/classes/classes/new", ClassForm(title: "Đợt lạ").fields(periodID: 9999),
                                         follow: false).status == .badRequest)
            #expect(admin.page.contains("Hãy chọn một đợt học của cơ sở này."))
            #expect(try await count(kiosk, "SELECT COUNT(*) FROM classes_class") == before)
        }
    }

    @Test func aCancelledSessionScansAsCancelledAndEveryActionIsAudited() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Võ cổ truyền"))
            let family = try await familyAtClass(client, kiosk, phone: "0912300001", child: "Phan Minh", classID: id)
            try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            let ticket = try #require(family.page.tokens.first)
            let activity = try await sessionActivity(kiosk, classID: id)
            let sessionID = activity.split(separator: ":").last!
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)/page")
            #expect(admin.page.contains("22/11/2026"))
            try await admin.post("/admin/DEMO/m/classes/classes/\(id)/page", [("key", "cancel:\(sessionID)")])
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            #expect(try await staff.scan(ticket, activity: activity)["title"] as? String == "Buổi học hôm nay đã huỷ")
            try await admin.post("/admin/DEMO/m/classes/classes/\(id)/page", [("key", "restore:\(sessionID)")])
            #expect(try await staff.scan(ticket, activity: activity)["outcome"] as? String == "accepted")
            try await admin.get("/admin/DEMO/audit")
            #expect(admin.page.contains("cancel:\(sessionID)"))
            #expect(admin.page.contains("restore:\(sessionID)"))
            // An unknown action changes nothing and says so.
            let unknown = try await admin.post("/admin/DEMO/m/classes/classes/\(id)/page", [("key", "explode:1")], follow: false)
            #expect(unknown.status == .badRequest)
        }
    }

    @Test func enrolmentsAndTheRegisterExportForExcel() async throws {
        try await withClassKiosk { kiosk, client in
            let admin = try await admin(client)
            let id = try await createClass(admin, kiosk, ClassForm(title: "Thanh nhạc"))
            for (index, name) in ["Trần Bảo", "Trần An"].enumerated() {
                let family = try await familyAtClass(client, kiosk, phone: "091240000\(index)", child: name, classID: id)
                try await family.post("/kiosk/DEMO/screen", [("_action", "enrol:")])
            }
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let an = try await card(kiosk, .memberCard, childID: try await childID(kiosk, "Trần An"))
            #expect(try await staff.scan(an, activity: try await sessionActivity(kiosk, classID: id))["outcome"] as? String == "accepted")
            let enrolments = try await admin.get("/admin/DEMO/m/classes/classes/\(id)/export/enrolments")
            let bytes = Array(Data(buffer: enrolments.body))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes, as: UTF8.self)
            let anRow = try #require(text.range(of: "Trần An")), baoRow = try #require(text.range(of: "Trần Bảo"))
            #expect(anRow.lowerBound < baoRow.lowerBound)
            let register = String(decoding: Array(Data(buffer: try await admin.get("/admin/DEMO/m/classes/classes/\(id)/export/register").body)),
                                  as: UTF8.self)
            let anLine = try #require(register.split(separator: "\n").first { $0.contains("Trần An") })
            #expect(anLine.contains("có mặt") || anLine.contains("✓"))
            try await admin.get("/admin/DEMO/m/classes/classes/\(id)/page?view=register")
            #expect(admin.page.contains("Sổ điểm danh (✓ có mặt"))
        }
    }
}
