import Foundation
import KioskCore

/// A class's files for the office, as CSV that Excel opens with Vietnamese intact: the enrolled
/// children by name, then the waitlist in order, with the guardian to call; and the attendance register.
enum ClassExports {
    static func enrolments(_ id: Int64, _ context: AdminReadContext, _ db: Database) throws -> AdminFile {
        _ = try ClassSeats.talentClass(id, site: context.site, db)
        let roll = try ClassRoll(classID: id, db)
        var csv = CSVWriter(header: ["Họ và tên", "Ngày sinh", "Trường", "Trạng thái", "Thứ tự chờ", "Miễn học phí",
                                     "Đăng ký lúc", "Được nhận lúc", "Phụ huynh", "Điện thoại"])
        for (index, place) in (roll.enrolled + roll.waiting).enumerated() {
            let enrolment = place.enrolment
            csv.append([place.child.fullName, place.child.birthDate.display, place.child.school,
                        enrolment.status == .enrolled ? "đã nhận" : "danh sách chờ",
                        enrolment.status == .waitlisted ? String(index - roll.enrolled.count + 1) : "",
                        waiver(enrolment.waiver), LocalTime.display(enrolment.requestedAt), enrolment.enrolledAt.map(LocalTime.display) ?? "",
                        place.guardian?.fullName ?? "", place.guardian?.phone ?? ""])
        }
        return AdminFile(filename: "lop-\(id)-danh-sach.csv", contentType: "text/csv; charset=utf-8", body: csv.bytes)
    }

    static func register(_ id: Int64, _ context: AdminReadContext, _ db: Database) throws -> AdminFile {
        let talentClass = try ClassSeats.talentClass(id, site: context.site, db)
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
