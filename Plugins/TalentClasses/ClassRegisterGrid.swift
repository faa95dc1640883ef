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
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.id, child.fullName FROM classes_enrolment e JOIN child ON child.id = e.childId
            WHERE e.classId = ? AND (e.status = 'enrolled' OR EXISTS (SELECT 1 FROM classes_attendance a WHERE a.enrolmentId = e.id))
            ORDER BY child.fullName
            """, arguments: [talentClass.id!])
        let marks = try Attendance.filter(rows.map { $0["id"] as Int64 }.contains(Attendance.Columns.enrolmentId)).fetchAll(db)
        let byCell = Dictionary(marks.map { ("\($0.enrolmentId):\($0.sessionId)", $0.mark) }) { first, _ in first }
        let sessions = self.sessions
        children = rows.map { row in
            let enrolmentID: Int64 = row["id"]
            return (row["fullName"], sessions.map { byCell["\(enrolmentID):\($0.id!)"] })
        }
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
