import Foundation
import HummingbirdTesting
import KioskTesting
import TalentClasses
import Testing

/// The class module on a live server: the demo site at 10:00 on Sunday 22/11/2026.
func withClassKiosk<Value: Sendable>(now: Date = TestKiosk.defaultNow,
                                     _ body: @Sendable (TestKiosk, any TestClientProtocol) async throws -> Value) async throws -> Value {
    let kiosk = try await TestKiosk.make(modules: [TalentClassesModule()], now: now)
    defer { kiosk.remove() }
    return try await kiosk.application().test(.live) { client in try await body(kiosk, client) }
}

/// A class as the administrator types it in the form; the defaults make a free class for ages 6–12
/// on every day of November and December, 09:55–11:00 (at the tests' 10:00 a child is on time).
struct ClassForm {
    var title: String
    var weekdays = "T2, T3, T4, T5, T6, T7, CN"
    var start = "09:55"
    var end = "11:00"
    var firstDay = "2026-11-02"
    var lastDay = "2026-12-31"
    var skipDays = ""
    var capacity = 10
    var fee = 0
    var waiver = false
    var ages = (6, 12)
    var lateAfter = 10

    func fields(periodID: Int64) -> [(String, String)] {
        var fields = [("periodId", String(periodID)), ("titleVi", title), ("titleEn", ""), ("category", "music"), ("teacher", "Cô Hà"),
                      ("room", "Phòng 2"), ("minAge", String(ages.0)), ("maxAge", String(ages.1)), ("capacity", String(capacity)),
                      ("feeVND", String(fee)), ("weekdays", weekdays), ("startTime", start), ("endTime", end), ("firstDay", firstDay),
                      ("lastDay", lastDay), ("skipDays", skipDays), ("lateAfterMinutes", String(lateAfter))]
        if waiver { fields.append(("waiverOffered", "yes")) }
        return fields
    }
}

/// The demo period (30 days before today to 90 after).
func demoPeriod(_ kiosk: TestKiosk) async throws -> Int64 {
    try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM classes_period ORDER BY id LIMIT 1")! }
}

/// Creates a class through the admin form and returns its id.
@discardableResult
func createClass(_ admin: Visitor, _ kiosk: TestKiosk, _ form: ClassForm) async throws -> Int64 {
    try await admin.get("/admin/DEMO/m/classes/classes/new")
    let response = try await admin.post("/admin/DEMO/m/classes/classes/new", form.fields(periodID: try await demoPeriod(kiosk)), follow: false)
    #expect(response.status == .seeOther)
    return try await classID(kiosk, form.title)
}

func classID(_ kiosk: TestKiosk, _ title: String) async throws -> Int64 {
    try await kiosk.services.database.read { db in
        try Int64.fetchOne(db, sql: "SELECT id FROM classes_class WHERE titleVi = ?", arguments: [title])!
    }
}

/// The station activity of the class's session on `day` (today by default).
func sessionActivity(_ kiosk: TestKiosk, classID: Int64, day: String = "2026-11-22") async throws -> String {
    let id = try await kiosk.services.database.read { db in
        try Int64.fetchOne(db, sql: "SELECT id FROM classes_session WHERE classId = ? AND day = ?", arguments: [classID, day])!
    }
    return "classes/session:\(id)"
}

/// A family with one child, identified at the kiosk's class flow, the child's class chosen.
func familyAtClass(_ client: any TestClientProtocol, _ kiosk: TestKiosk, phone: String, child: String, birth: String = "2016-04-04",
                   classID: Int64) async throws -> Visitor {
    try await addFamily(kiosk, phone: phone, children: [(child, birth)])
    let family = try await identified(client, phone: phone, birth: birth, flow: "classes/start")
    try await family.post("/kiosk/DEMO/screen", [("_action", "class:\(classID)")])
    return family
}

/// Counts rows with a query on the test's database.
func count(_ kiosk: TestKiosk, _ sql: String, _ arguments: [any DatabaseValueConvertible & Sendable] = []) async throws -> Int {
    try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments))! }
}
