import Foundation
import KioskCore

/// A child's place in a class, or on its waitlist.
struct Enrolment: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "classes_enrolment"

    enum Status: String, Codable, Sendable {
        case enrolled, waitlisted, withdrawn
    }

    /// A fee waiver for hardship: asked for at the kiosk, then confirmed or refused by staff.
    enum Waiver: String, Codable, Sendable {
        case none, requested, confirmed, refused
    }

    var id: Int64?
    var classId: Int64
    var childId: Int64
    var status: Status
    var requestedAt: Date
    var enrolledAt: Date?
    var withdrawnAt: Date?
    /// Moved up from the waitlist when a seat freed: staff call the family.
    var promotedAt: Date?
    /// When staff reached the promoted family.
    var calledAt: Date?
    var waiver: Waiver

    enum Columns {
        static let classId = Column(CodingKeys.classId)
        static let childId = Column(CodingKeys.childId)
        static let status = Column(CodingKeys.status)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
