import Foundation
import KioskCore

/// A family's place in a class, as the kiosk shows it: enrolled, or waiting at position n.
struct ClassPlace {
    let enrolment: Enrolment
    let talentClass: TalentClass
    let childName: String
    /// `Đã đăng ký · T2, T4 · 17:30–19:00`, or the waitlist position; with the waiver's state.
    let state: LocalizedText

    init(_ enrolment: Enrolment, _ db: Database) throws {
        guard let talentClass = try TalentClass.fetchOne(db, key: enrolment.classId),
              let child = try Child.fetchOne(db, key: enrolment.childId) else { throw KioskError(.notFound, "classes.notFound") }
        self.enrolment = enrolment
        self.talentClass = talentClass
        self.childName = child.fullName
        var parts: [LocalizedText] = enrolment.status == .enrolled
            ? [.key("classes.state.enrolled"), talentClass.schedule.weeklyText]
            : [.key("classes.state.waiting", String(try ClassSeats.waitlistPosition(enrolment, db)))]
        if enrolment.waiver != .none { parts.append(.key("classes.waiver.\(enrolment.waiver.rawValue)")) }
        self.state = .joined(parts)
    }

    /// The family's live places, soonest class first.
    static func all(familyID: Int64, _ db: Database) throws -> [ClassPlace] {
        try Enrolment.fetchAll(db, sql: """
            SELECT e.* FROM classes_enrolment e JOIN child ON child.id = e.childId
            WHERE child.familyId = ? AND e.status IN ('enrolled', 'waitlisted') ORDER BY child.fullName, e.id
            """, arguments: [familyID]).map { try ClassPlace($0, db) }
    }
}
