import Foundation
import KioskCore

/// One meeting of a class, generated from its schedule; an administrator may cancel it.
struct ClassSession: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "classes_session"

    var id: Int64?
    var classId: Int64
    var day: LocalDate
    var startsAt: Date
    var endsAt: Date
    var cancelledAt: Date?

    enum Columns {
        static let classId = Column(CodingKeys.classId)
        static let day = Column(CodingKeys.day)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// `Thứ 2 07/09/2026 17:30`.
    var label: String { "\(ClassSchedule.format(weekdays: [day.weekday])) \(day.display) \(LocalTime.clock(startsAt))" }

    /// The station activity of the session.
    var activityKey: String { "session:\(id!)" }
}
