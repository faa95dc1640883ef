import Foundation
import KioskCore

/// A class's live places with their children and the guardian to call, as the class's admin page
/// and the office's list show them: the enrolled by name, then the waitlist in order.
struct ClassRoll {
    struct Place {
        let enrolment: Enrolment
        let child: Child
        /// The guardian who registered the family.
        let guardian: Guardian?
    }

    let enrolled: [Place]
    let waiting: [Place]

    init(classID: Int64, _ db: Database) throws {
        let enrolments = try Enrolment.filter(Enrolment.Columns.classId == classID
                                              && [Enrolment.Status.enrolled.rawValue, Enrolment.Status.waitlisted.rawValue].contains(Enrolment.Columns.status))
            .order(Column("id")).fetchAll(db)
        let children = try FamilyDirectory.children(enrolments.map(\.childId), db)
        let guardians = try FamilyDirectory.firstGuardians(ofFamilies: children.values.map(\.familyId), db)
        let places = enrolments.compactMap { enrolment in
            children[enrolment.childId].map { Place(enrolment: enrolment, child: $0, guardian: guardians[$0.familyId]) }
        }
        enrolled = VietnameseFolding.sortedByName(places.filter { $0.enrolment.status == .enrolled }, \.child.fullName)
        waiting = places.filter { $0.enrolment.status == .waitlisted }
    }
}
