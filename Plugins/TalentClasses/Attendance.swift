import Foundation
import KioskCore

/// A child's mark in a session's register, and who collected the child afterwards.
struct Attendance: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
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
}

/// An adult of the family named to collect a child. A child with none named may be collected by
/// any guardian of the family.
struct PickupPermission: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "classes_pickup"

    var childId: Int64
    var guardianId: Int64
}
