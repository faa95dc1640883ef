import Foundation
import KioskCore

/// What talent classes add to a site's report, and to a child's data export.
enum ClassReport {
    /// For the sessions between `from` and `to`: classes and sessions held (a session is held when
    /// its register has marks), children enrolled, the attendance rate, and fee waivers granted.
    static func figures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        let held = try Row.fetchAll(db, sql: """
            SELECT s.id, s.classId,
                   (SELECT COUNT(*) FROM classes_attendance a WHERE a.sessionId = s.id AND a.mark != 'absent') AS came,
                   (SELECT COUNT(*) FROM classes_enrolment e WHERE e.classId = s.classId AND e.status = 'enrolled') AS expected
            FROM classes_session s JOIN classes_class c ON c.id = s.classId
            WHERE c.siteId = ? AND s.cancelledAt IS NULL AND s.day BETWEEN ? AND ?
              AND EXISTS (SELECT 1 FROM classes_attendance a WHERE a.sessionId = s.id)
            """, arguments: [site.id!, from, to])
        let classesInSpan = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT s.classId FROM classes_session s JOIN classes_class c ON c.id = s.classId
            WHERE c.siteId = ? AND s.day BETWEEN ? AND ?
            """, arguments: [site.id!, from, to])
        let enrolled = try Enrolment.filter(classesInSpan.contains(Enrolment.Columns.classId) && Enrolment.Columns.status == "enrolled").fetchAll(db)
        let came = held.reduce(0) { $0 + ($1["came"] as Int) }
        let expected = held.reduce(0) { $0 + max($1["expected"] as Int, $1["came"] as Int) }
        return [
            ReportFigure(name: "classes_held", label: .key("classes.report.classesHeld"), value: Set(held.map { $0["classId"] as Int64 }).count),
            ReportFigure(name: "sessions_held", label: .key("classes.report.sessionsHeld"), value: held.count),
            ReportFigure(name: "children_enrolled", label: .key("classes.report.childrenEnrolled"), value: Set(enrolled.map(\.childId)).count),
            ReportFigure(name: "attendance_rate_percent", label: .key("classes.report.attendanceRate"),
                         value: expected == 0 ? 0 : Int((Double(came) * 100 / Double(expected)).rounded())),
            ReportFigure(name: "free_places_hardship", label: .key("classes.report.freePlaces"),
                         value: enrolled.filter { $0.waiver == .confirmed }.count),
        ]
    }

    /// The child's enrolments and attendance marks.
    static func export(_ childID: Int64, _ db: Database) throws -> [ExportSection] {
        let enrolments = try Row.fetchAll(db, sql: """
            SELECT c.titleVi, e.status, e.requestedAt, e.enrolledAt, e.withdrawnAt, e.waiver FROM classes_enrolment e
            JOIN classes_class c ON c.id = e.classId WHERE e.childId = ? ORDER BY e.id
            """, arguments: [childID])
        let marks = try Row.fetchAll(db, sql: """
            SELECT c.titleVi, s.day, a.mark, a.markedAt, a.collectedAt FROM classes_attendance a
            JOIN classes_session s ON s.id = a.sessionId JOIN classes_class c ON c.id = s.classId
            JOIN classes_enrolment e ON e.id = a.enrolmentId WHERE e.childId = ? ORDER BY s.day
            """, arguments: [childID])
        let display = { (row: Row, column: String) in try row.optionalTimestamp(column).map(LocalTime.display) ?? "" }
        return [
            ExportSection(title: "class enrolments", rows: try enrolments.map { row in
                ["class": row["titleVi"], "status": row["status"], "requestedAt": try display(row, "requestedAt"),
                 "enrolledAt": try display(row, "enrolledAt"), "withdrawnAt": try display(row, "withdrawnAt"), "feeWaiver": row["waiver"]]
            }),
            ExportSection(title: "class attendance", rows: try marks.map { row in
                ["class": row["titleVi"], "day": LocalDate(iso: row["day"])?.display ?? "", "mark": row["mark"],
                 "markedAt": try display(row, "markedAt"), "collectedAt": try display(row, "collectedAt")]
            }),
        ]
    }
}
