import Foundation
import KioskCore

/// A child's place at an event, and what happened at the gate.
struct Registration: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public static let databaseTableName = "events_registration"

    enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        case active, cancelled
    }

    var id: Int64?
    var eventId: Int64
    var childId: Int64
    var status: Status
    var registeredAt: Date
    var cancelledAt: Date?
    /// The first entry.
    var checkedInAt: Date?
    /// Inside now (re-entry events count exits).
    var inside: Bool
    /// Registered at the gate by staff.
    var walkIn: Bool

    enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let childId = Column(CodingKeys.childId)
        static let status = Column(CodingKeys.status)
        static let checkedInAt = Column(CodingKeys.checkedInAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Registration {
    /// Read column by column rather than through `Decodable`: every scan of a ticket reads its registration.
    init(row: Row) throws {
        self.init(id: row[CodingKeys.id.stringValue], eventId: row[CodingKeys.eventId.stringValue],
                  childId: row[CodingKeys.childId.stringValue], status: row[CodingKeys.status.stringValue],
                  registeredAt: try row.timestamp(CodingKeys.registeredAt.stringValue), cancelledAt: try row.optionalTimestamp(CodingKeys.cancelledAt.stringValue),
                  checkedInAt: try row.optionalTimestamp(CodingKeys.checkedInAt.stringValue), inside: row[CodingKeys.inside.stringValue],
                  walkIn: row[CodingKeys.walkIn.stringValue])
    }
}

/// The passes through the gate, kept for the audit of the gate: a row per pass with the registration,
/// the time, the direction (`in` or `out`) and the staff member. Written by `EventGate`.
enum GatePass {
    static let databaseTableName = "events_gate_pass"
}

enum EventMigrations {
    static func register(in migrator: inout ModuleMigrator) {
        migrator.register("001 create event, registration, gate pass") { db in
            try db.create(table: Event.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("titleVi", .text).notNull()
                t.column("titleEn", .text).notNull()
                t.column("details", .text).notNull()
                t.column("venue", .text).notNull()
                t.column("startsAt", .datetime).notNull()
                t.column("endsAt", .datetime).notNull()
                t.column("capacity", .integer).notNull()
                t.column("minAge", .integer).notNull()
                t.column("maxAge", .integer).notNull()
                t.column("registrationOpensAt", .datetime).notNull()
                t.column("registrationClosesAt", .datetime).notNull()
                t.column("checkInOpensMinutes", .integer).notNull()
                t.column("reentry", .boolean).notNull()
                t.column("cancelledAt", .datetime)
            }
            try db.create(index: "events_event_on_site_start", on: Event.databaseTableName, columns: ["siteId", "startsAt"])
            try db.create(table: Registration.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventId", .integer).notNull().indexed().references(Event.databaseTableName, onDelete: .cascade)
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.column("status", .text).notNull()
                t.column("registeredAt", .datetime).notNull()
                t.column("cancelledAt", .datetime)
                t.column("checkedInAt", .datetime)
                t.column("inside", .boolean).notNull()
                t.column("walkIn", .boolean).notNull()
            }
            // A child holds at most one live place per event.
            try db.execute(sql: """
                CREATE UNIQUE INDEX events_registration_one_active ON events_registration(eventId, childId) WHERE status = 'active'
                """)
            try db.create(table: GatePass.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("registrationId", .integer).notNull().indexed().references(Registration.databaseTableName, onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.column("direction", .text).notNull()
                t.column("staff", .text).notNull()
            }
        }
    }
}
