import EventCheckIn
import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// The event module on a live server: the demo site at 10:00 on 22/11/2026.
func withEventKiosk<Value: Sendable>(_ body: @Sendable (TestKiosk, any TestClientProtocol) async throws -> Value) async throws -> Value {
    let kiosk = try await TestKiosk.make(modules: [EventCheckInModule()])
    defer { kiosk.remove() }
    return try await kiosk.application().test(.live) { client in try await body(kiosk, client) }
}

/// A staff member at the gate of `eventID`.
func gate(_ client: any TestClientProtocol, eventID: Int64) async throws -> Visitor {
    let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
    try await staff.get("/staff/DEMO?activity=events/event:\(eventID)")
    return staff
}

/// Creates an event through the admin form; times are `HH:mm` today unless given in full.
@discardableResult
func createEvent(_ admin: Visitor, _ kiosk: TestKiosk, title: String, starts: String = "2026-11-22T10:30", ends: String = "2026-11-22T13:00",
                 capacity: Int = 100, ages: (Int, Int) = (4, 15), gateMinutes: Int = 60, reentry: Bool = false) async throws -> Int64 {
    try await admin.get("/admin/DEMO/m/events/events/new")
    var fields = [("titleVi", title), ("titleEn", title), ("details", ""), ("venue", "Sân chính"), ("startsAt", starts), ("endsAt", ends),
                  ("capacity", String(capacity)), ("minAge", String(ages.0)), ("maxAge", String(ages.1)),
                  ("registrationOpensAt", "2026-11-01T00:00"), ("registrationClosesAt", starts), ("checkInOpensMinutes", String(gateMinutes))]
    if reentry { fields.append(("reentry", "yes")) }
    let response = try await admin.post("/admin/DEMO/m/events/events/new", fields, follow: false)
    #expect(response.status == .seeOther)
    return try await kiosk.services.database.read { db in
        try Int64.fetchOne(db, sql: "SELECT id FROM events_event WHERE titleVi = ?", arguments: [title])!
    }
}

/// Scans a code at the gate and returns the answer's fields.
func scan(_ staff: Visitor, _ code: String, eventID: Int64) async throws -> [String: Any] {
    try await staff.scan(code, activity: "events/event:\(eventID)")
}
