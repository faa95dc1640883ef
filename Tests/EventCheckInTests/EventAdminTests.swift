import EventCheckIn
import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct EventAdminTests {
    @Test func badEventInputIsRefusedWithALocalizedMessage() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            try await admin.get("/admin/DEMO/m/events/events/new")
            let response = try await admin.post("/admin/DEMO/m/events/events/new", [
                ("titleVi", "Sai giờ"), ("venue", "Sân"), ("startsAt", "2026-11-22T12:00"), ("endsAt", "2026-11-22T11:00"),
                ("capacity", "abc"), ("minAge", "4"), ("maxAge", "15"), ("registrationOpensAt", "2026-11-01T00:00"),
                ("registrationClosesAt", "2026-11-22T12:00"), ("checkInOpensMinutes", "60"),
            ], follow: false)
            #expect(response.status == .badRequest)
            #expect(admin.page.contains("Nhập số từ 1 đến 100000."))
            let saved = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_event")! }
            #expect(saved == 2)  // the demo's two events only
        }
    }

    @Test func registrationsExportForExcelAndAPrintableGateListSortedByName() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            let eventID = try await createEvent(admin, kiosk, title: "Tết Thiếu nhi")
            try await addFamily(kiosk, phone: "0955000001", children: [("Trần Bảo", "2016-01-01"), ("Trần An", "2017-01-01")])
            let family = try await identified(client, phone: "0955000001", birth: "2016-01-01", flow: "events/start")
            try await family.post("/kiosk/DEMO/screen", [("_action", "event:\(eventID)")])
            try await family.post("/kiosk/DEMO/screen", [("_action", "register:"), ("children", "\(try await childID(kiosk, "Trần Bảo"))"),
                                                          ("children", "\(try await childID(kiosk, "Trần An"))")])
            let csv = try await admin.get("/admin/DEMO/m/events/events/\(eventID)/export/registrations")
            let bytes = Array(Data(buffer: csv.body))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("Trần An,01/01/2017,TH,đã đăng ký"))
            let list = try await admin.get("/admin/DEMO/m/events/events/\(eventID)/export/gate-list")
            let html = String(buffer: list.body)
            #expect(list.headers[.contentDisposition]?.hasPrefix("inline") == true)
            let an = try #require(html.range(of: "Trần An")), bao = try #require(html.range(of: "Trần Bảo"))
            #expect(an.lowerBound < bao.lowerBound)
            try await admin.get("/admin/DEMO/m/events/events")
            #expect(admin.page.contains("2/100"))
            // Computed columns are labelled in the page's language, never with their keys.
            for head in ["Đã đăng ký / chỗ", "Đã vào", "Huỷ"] { #expect(admin.page.contains("<th>\(head)</th>"), "\(head)") }
            #expect(!admin.page.contains("<th>seats</th>") && !admin.page.contains("<th>checkedIn</th>"))
        }
    }

    @Test func theReportCountsEventsRegistrationsAndAttendance() async throws {
        try await withEventKiosk { kiosk, client in
            let admin = try await admin(client)
            try await admin.get("/admin/DEMO/report?from=2026-11-01&to=2026-11-30")
            #expect(admin.page.contains("Sự kiện đã tổ chức"))
            #expect(admin.page.contains("<th>Sự kiện đã tổ chức</th><td>1</td>"))
        }
    }
}
