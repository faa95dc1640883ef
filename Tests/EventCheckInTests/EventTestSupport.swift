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

/// An administrator, logged in.
func admin(_ client: any TestClientProtocol) async throws -> Visitor {
    let admin = Visitor(client)
    try await admin.get("/login")
    try await admin.post("/login", [("username", DemoData.adminUsername), ("password", DemoData.adminPassword)], follow: false)
    return admin
}

/// A staff member at the gate of `eventID`.
func gate(_ client: any TestClientProtocol, eventID: Int64) async throws -> Visitor {
    let staff = Visitor(client)
    try await staff.get("/login")
    try await staff.post("/login", [("username", DemoData.staffUsername), ("password", DemoData.staffPassword)], follow: false)
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

/// Adds a family with children straight through the core, as the kiosk would.
@discardableResult
func addFamily(_ kiosk: TestKiosk, phone: String, children: [(String, String)]) async throws -> Int64 {
    let today = kiosk.services.clock.today
    let guardian = try GuardianInput(fields: ["guardianName": "Phụ huynh \(phone)", "phone": phone, "relationship": "mother"])
    let first = try ChildInput(fields: ["childName": children[0].0, "birthDate": children[0].1, "school": "TH", "grade": "3"], today: today)
    let consent = ConsentInput(guardianAgreed: true, childAgreed: true, kiosk: "test")
    let ids = try await kiosk.services.database.registerFamily(site: kiosk.site, guardian: guardian, child: first, consent: consent,
                                                               tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
    for child in children.dropFirst() {
        let input = try ChildInput(fields: ["childName": child.0, "birthDate": child.1, "school": "TH", "grade": "3"], today: today)
        _ = try await kiosk.services.database.addChild(familyID: ids.familyID, site: kiosk.site, child: input, consent: consent,
                                                       tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
    }
    return ids.familyID
}

/// A family visitor identified at the kiosk by phone and a child's date of birth.
func identified(_ client: any TestClientProtocol, phone: String, birth: String) async throws -> Visitor {
    let visitor = Visitor(client)
    try await visitor.get("/kiosk/DEMO/start/events/start")
    let parts = birth.split(separator: "-").map(String.init)
    try await visitor.post("/kiosk/DEMO/screen", [("_action", "phone:"), ("phone", phone), ("birthDate__y", parts[0]),
                                                   ("birthDate__m", parts[1]), ("birthDate__d", parts[2])])
    return visitor
}

func childID(_ kiosk: TestKiosk, _ name: String) async throws -> Int64 {
    try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE fullName = ?", arguments: [name])! }
}

/// Scans a code at the gate and returns the answer's fields.
func scan(_ staff: Visitor, _ code: String, eventID: Int64) async throws -> [String: Any] {
    let answer = try await staff.postJSON("/api/scan", ["code": code, "site": "DEMO", "activity": "events/event:\(eventID)"])
    return try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any] ?? [:]
}

extension String {
    /// Every ticket token on a page, in order.
    var tokens: [String] {
        let pattern = try! NSRegularExpression(pattern: #"NTN1\.[A-Z0-9]+\.[A-Z]+\.[A-Z2-7]{16}\.[A-Z2-7]{16}"#)
        let matches = pattern.matches(in: self, range: NSRange(startIndex..., in: self))
        var seen: [String] = []
        for match in matches {
            let token = String(self[Range(match.range, in: self)!])
            if !seen.contains(token) { seen.append(token) }
        }
        return seen
    }
}
