import KioskCore

/// A talent class (lớp năng khiếu) of a period: music, dance, drawing, chess, swimming, robotics …
/// Its sessions are generated from the schedule: weekdays and times between two dates, less holidays.
struct TalentClass: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "classes_class"

    /// The subjects a class may teach, as locale key suffixes (`classes.category.music`).
    static let categories = ["music", "dance", "drawing", "singing", "martialArts", "chess", "swimming", "robotics", "other"]

    var id: Int64?
    var siteId: Int64
    var periodId: Int64
    var titleVi: String
    var titleEn: String
    var category: String
    var teacher: String
    var room: String
    var minAge: Int
    var maxAge: Int
    var capacity: Int
    /// The fee for the period in VND; 0 is free.
    var feeVND: Int
    /// Whether a family in hardship may ask for the fee to be waived.
    var waiverOffered: Bool
    var schedule: ClassSchedule
    /// Minutes after the start from which a child is marked late.
    var lateAfterMinutes: Int

    enum Columns {
        static let siteId = Column(CodingKeys.siteId)
        static let periodId = Column(CodingKeys.periodId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The title in both languages.
    var title: LocalizedText { .literal(vi: titleVi, en: titleEn.isEmpty ? titleVi : titleEn) }

    /// What families and staff read about the class: schedule, teacher and room, fee.
    var facts: [LocalizedText] {
        [
            .joined([.key("classes.scheduleLabel"), .joined([schedule.weeklyText, .literal(vi: schedule.span)], separator: ", ")], separator: ": "),
            .key("classes.teacherRoom", teacher, room),
            .joined([.key("classes.feeLabel"), fee], separator: ": "),
        ]
    }

    /// Whether a child born on `birthDate` has the right age on the class's first day.
    func admits(birthDate: LocalDate) -> Bool {
        (minAge...maxAge).contains(birthDate.age(on: schedule.firstDay))
    }

    /// `600.000 đ`, or free.
    var fee: LocalizedText {
        guard feeVND > 0 else { return .key("classes.free") }
        let grouped = String(feeVND).reversed().enumerated().reduce(into: "") { text, pair in
            if pair.offset > 0, pair.offset % 3 == 0 { text.append(".") }
            text.append(pair.element)
        }
        return .literal(vi: "\(String(grouped.reversed())) đ")
    }
}
