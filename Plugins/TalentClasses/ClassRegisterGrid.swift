import Foundation
import KioskCore

/// The attendance register of a class: its sessions across, the children down, each mark in a cell.
/// Shown on the class's admin page and exported as CSV.
struct ClassRegisterGrid {
    let sessions: [ClassSession]
    let children: [(name: String, marks: [Attendance.Mark?])]

    init(_ talentClass: TalentClass, _ db: Database) throws {
        sessions = try ClassSession.filter(ClassSession.Columns.classId == talentClass.id! && Column("cancelledAt") == nil)
            .order(ClassSession.Columns.day).fetchAll(db)
        let enrolments = try Enrolment.filter(Enrolment.Columns.classId == talentClass.id!).fetchAll(db)
        let marks = try Attendance.filter(enrolments.map(\.id!).contains(Attendance.Columns.enrolmentId)).fetchAll(db)
        let marked = Set(marks.map(\.enrolmentId))
        let names = try FamilyDirectory.children(enrolments.map(\.childId), db).mapValues(\.fullName)
        let rows = VietnameseFolding.sortedByName(enrolments.filter { $0.status == .enrolled || marked.contains($0.id!) }
            .compactMap { enrolment in names[enrolment.childId].map { (enrolment.id!, $0) } }, \.1)
        let byCell = Dictionary(marks.map { ("\($0.enrolmentId):\($0.sessionId)", $0.mark) }) { first, _ in first }
        let sessions = self.sessions
        children = rows.map { enrolmentID, name in (name, sessions.map { byCell["\(enrolmentID):\($0.id!)"] }) }
    }

    /// The register as an admin table.
    static func section(_ talentClass: TalentClass, _ db: Database) throws -> AdminSection {
        let grid = try ClassRegisterGrid(talentClass, db)
        return AdminSection(title: .key("classes.admin.registerGrid"),
                            columns: [.key("classes.child")] + grid.sessions.map { .literal(vi: String($0.day.display.prefix(5))) },
                            rows: grid.children.map { child in
                                AdminTableRow(cells: [child.name] + child.marks.map { $0.map(ClassAdminPage.markLabel) ?? "" })
                            }, empty: .key("classes.admin.noneEnrolled"))
    }
}
