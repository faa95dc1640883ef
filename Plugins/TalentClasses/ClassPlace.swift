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
              let child = try FamilyDirectory.child(enrolment.childId, db) else { throw KioskError(.notFound, "classes.notFound") }
        self.enrolment = enrolment
        self.talentClass = talentClass
        self.childName = child.fullName
        var parts: [LocalizedText] = enrolment.status == .enrolled
            ? [.key("classes.state.enrolled"), talentClass.schedule.weeklyText]
            : [.key("classes.state.waiting", String(try ClassSeats.waitlistPosition(enrolment, db)))]
        if enrolment.waiver != .none { parts.append(.key("classes.waiver.\(enrolment.waiver.rawValue)")) }
        self.state = .joined(parts)
    }

    /// The family's live places, by child, then in the order they were asked for.
    static func all(familyID: Int64, _ db: Database) throws -> [ClassPlace] {
        let children = try FamilyDirectory.children(ofFamily: familyID, db)
        let enrolments = try Enrolment.filter(children.map(\.id!).contains(Enrolment.Columns.childId)
                                              && [Enrolment.Status.enrolled.rawValue, Enrolment.Status.waitlisted.rawValue].contains(Enrolment.Columns.status))
            .order(Column("id")).fetchAll(db)
        let places = try enrolments.map { try ClassPlace($0, db) }
        return VietnameseFolding.sortedByName(places, \.childName)
    }
}
