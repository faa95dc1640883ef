import Foundation
import KioskCore

/// An event of a site: Tết Thiếu nhi, Trung thu, a summer play day, a children's forum.
struct Event: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public static let databaseTableName = "events_event"

    var id: Int64?
    var siteId: Int64
    var titleVi: String
    var titleEn: String
    var details: String
    var venue: String
    var startsAt: Date
    var endsAt: Date
    var capacity: Int
    var minAge: Int
    var maxAge: Int
    var registrationOpensAt: Date
    var registrationClosesAt: Date
    /// Minutes before the start when the gate opens.
    var checkInOpensMinutes: Int
    /// Whether a child may leave and come back (an exit scan, then an entry scan).
    var reentry: Bool
    var cancelledAt: Date?

    enum Columns {
        static let siteId = Column(CodingKeys.siteId)
        static let startsAt = Column(CodingKeys.startsAt)
        static let endsAt = Column(CodingKeys.endsAt)
        static let cancelledAt = Column(CodingKeys.cancelledAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The title in both languages.
    var title: LocalizedText { .literal(vi: titleVi, en: titleEn.isEmpty ? titleVi : titleEn) }

    /// When the gate opens.
    var checkInOpensAt: Date { startsAt.addingTimeInterval(-Double(checkInOpensMinutes) * 60) }

    /// The day of the event, in Vietnam.
    var day: LocalDate { LocalDate(startsAt) }

    /// Whether a child born on `birthDate` has the right age on the event's day.
    func admits(birthDate: LocalDate) -> Bool {
        (minAge...maxAge).contains(birthDate.age(on: day))
    }

    /// Whether families may register at `now`.
    func isOpenForRegistration(at now: Date) -> Bool {
        cancelledAt == nil && registrationOpensAt <= now && now < registrationClosesAt && now < endsAt
    }

    /// `22/11/2026 18:00 · Sân chính`.
    var whenAndWhere: String { "\(LocalTime.display(startsAt)) · \(venue)" }

    /// The station activity of the event's gate.
    var activityKey: String { "event:\(id!)" }
}

extension Event {
    /// Read column by column rather than through `Decodable`: every scan at a gate reads its event.
    init(row: Row) throws {
        self.init(id: row[CodingKeys.id.stringValue], siteId: row[CodingKeys.siteId.stringValue],
                  titleVi: row[CodingKeys.titleVi.stringValue], titleEn: row[CodingKeys.titleEn.stringValue],
                  details: row[CodingKeys.details.stringValue], venue: row[CodingKeys.venue.stringValue],
                  startsAt: try row.timestamp(CodingKeys.startsAt.stringValue), endsAt: try row.timestamp(CodingKeys.endsAt.stringValue),
                  capacity: row[CodingKeys.capacity.stringValue], minAge: row[CodingKeys.minAge.stringValue],
                  maxAge: row[CodingKeys.maxAge.stringValue], registrationOpensAt: try row.timestamp(CodingKeys.registrationOpensAt.stringValue),
                  registrationClosesAt: try row.timestamp(CodingKeys.registrationClosesAt.stringValue),
                  checkInOpensMinutes: row[CodingKeys.checkInOpensMinutes.stringValue], reentry: row[CodingKeys.reentry.stringValue],
                  cancelledAt: try row.optionalTimestamp(CodingKeys.cancelledAt.stringValue))
    }
}
