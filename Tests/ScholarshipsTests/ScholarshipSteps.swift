import Foundation
import KioskTesting
import Testing

/// A family identified at a kiosk of the demo site applies for `child` to the demo round, with both
/// consents when the child is asked.
func apply(_ kiosk: TestKiosk, phone: String, birth: String, child: String) async throws {
    let family = try await FlowDriver(kiosk)
    try await family.open("scholarships")
    try await family.identify(phone: phone, birthDate: birth)
    try await family.tap(child)
    family.tick("circumstances", option: "Hộ cận nghèo")
    try await family.tap("Tiếp tục")
    family.fill("grade", "5")
    try await family.tap("Tiếp tục")
    family.tick("consent")
    try await family.tap("Tiếp tục")
    if family.screen.title != .key("scholarships.receipt") { try await family.tap("Con đồng ý") }
    #expect(family.tickets.count == 1)
}

/// The id of `child`'s application.
func applicationID(_ kiosk: TestKiosk, _ child: String) async throws -> Int64 {
    try await kiosk.services.database.read { db in
        try Int64.fetchOne(db, sql: """
            SELECT a.id FROM scholarships_application a JOIN child c ON c.id = a.childId WHERE c.fullName = ?
            """, arguments: [child])!
    }
}

/// The desk received every document of every application (as the page's buttons record them).
func receiveEveryDocument(_ kiosk: TestKiosk) async throws {
    try await kiosk.services.database.write { db in
        try db.execute(sql: "UPDATE scholarships_application SET documentsReceived = ?", arguments: [
            #"["Đơn xin học bổng","Giấy chứng nhận hộ nghèo hoặc cận nghèo","Học bạ năm học trước","Giấy khai sinh","Ảnh 3×4"]"#,
        ])
    }
}
