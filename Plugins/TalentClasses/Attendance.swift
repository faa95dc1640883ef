import Foundation
import KioskCore

/// A child's mark in a session's register, and who collected the child afterwards.
struct Attendance: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "classes_attendance"

    enum Mark: String, Codable, Sendable, CaseIterable {
        case present, late, absent

        /// Whether the child came.
        var came: Bool { self != .absent }
    }

    var id: Int64?
    var sessionId: Int64
    var enrolmentId: Int64
    var mark: Mark
    var markedAt: Date
    /// The staff member who scanned or corrected the mark.
    var markedBy: String
    var collectedAt: Date?
    /// The guardian who collected the child.
    var collectedBy: Int64?

    enum Columns {
        static let sessionId = Column(CodingKeys.sessionId)
        static let enrolmentId = Column(CodingKeys.enrolmentId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The child's mark in the session, if the register has one.
    static func find(session sessionID: Int64, enrolment enrolmentID: Int64, _ db: Database) throws -> Attendance? {
        try filter(Columns.sessionId == sessionID && Columns.enrolmentId == enrolmentID).fetchOne(db)
    }

    /// Marks the child in the session's register, or corrects the mark already there.
    static func record(_ mark: Mark, session sessionID: Int64, enrolment enrolmentID: Int64, at now: Date, by staff: String,
                       _ db: Database) throws {
        var attendance = try find(session: sessionID, enrolment: enrolmentID, db)
            ?? Attendance(sessionId: sessionID, enrolmentId: enrolmentID, mark: mark, markedAt: now, markedBy: staff)
        attendance.mark = mark
        attendance.markedAt = now
        attendance.markedBy = staff
        try attendance.save(db)
    }
}

/// An adult of the family named to collect a child. A child with none named may be collected by
/// any guardian of the family.
struct PickupPermission: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord, KioskRecord {
    static let databaseTableName = "classes_pickup"

    var childId: Int64
    var guardianId: Int64
}
