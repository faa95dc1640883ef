import Foundation
import KioskCore

/// A class's files for the office, as CSV that Excel opens with Vietnamese intact: the enrolled
/// children by name, then the waitlist in order, with the guardian to call; and the attendance register.
enum ClassExports {
    static func enrolments(_ id: Int64, _ site: Site, _ db: Database) throws -> AdminFile {
        _ = try ClassSeats.talentClass(id, site: site, db)
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.*, child.fullName, child.birthDate, child.school,
                   (SELECT g.fullName FROM guardian g WHERE g.familyId = child.familyId ORDER BY g.id LIMIT 1) AS guardianName,
                   (SELECT g.phone FROM guardian g WHERE g.familyId = child.familyId ORDER BY g.id LIMIT 1) AS guardianPhone
            FROM classes_enrolment e JOIN child ON child.id = e.childId
            WHERE e.classId = ? AND e.status IN ('enrolled', 'waitlisted')
            ORDER BY e.status, CASE e.status WHEN 'enrolled' THEN child.fullName END COLLATE NOCASE, e.id
            """, arguments: [id])
        var csv = CSVWriter(header: ["Họ và tên", "Ngày sinh", "Trường", "Trạng thái", "Thứ tự chờ", "Miễn học phí",
                                     "Đăng ký lúc", "Được nhận lúc", "Phụ huynh", "Điện thoại"])
        var position = 0
        for row in rows {
            let enrolment = try Enrolment(row: row)
            if enrolment.status == .waitlisted { position += 1 }
            csv.append([row["fullName"], LocalDate(iso: row["birthDate"])?.display ?? "", row["school"],
                        enrolment.status == .enrolled ? "đã nhận" : "danh sách chờ", enrolment.status == .waitlisted ? String(position) : "",
                        waiver(enrolment.waiver), LocalTime.display(enrolment.requestedAt), enrolment.enrolledAt.map(LocalTime.display) ?? "",
                        row["guardianName"] ?? "", row["guardianPhone"] ?? ""])
        }
        return AdminFile(filename: "lop-\(id)-danh-sach.csv", contentType: "text/csv; charset=utf-8", body: csv.bytes)
    }

    static func register(_ id: Int64, _ site: Site, _ db: Database) throws -> AdminFile {
        let talentClass = try ClassSeats.talentClass(id, site: site, db)
        let grid = try ClassRegisterGrid(talentClass, db)
        var csv = CSVWriter(header: ["Họ và tên"] + grid.sessions.map(\.day.display) + ["Có mặt", "Muộn", "Vắng"])
        for child in grid.children {
            let words = child.marks.map { mark -> String in
                switch mark {
                case .present?: "có mặt"
                case .late?: "muộn"
                case .absent?: "vắng"
                case nil: ""
                }
            }
            csv.append([child.name] + words + [Attendance.Mark.present, .late, .absent].map { mark in String(child.marks.filter { $0 == mark }.count) })
        }
        return AdminFile(filename: "lop-\(id)-diem-danh.csv", contentType: "text/csv; charset=utf-8", body: csv.bytes)
    }

    private static func waiver(_ waiver: Enrolment.Waiver) -> String {
        switch waiver {
        case .none: ""
        case .requested: "xin miễn"
        case .confirmed: "đã duyệt"
        case .refused: "không duyệt"
        }
    }
}
