import Foundation
import KioskCore

/// When a class meets: weekdays and times between two dates, less the holidays skipped. Stored in
/// the class's row; its sessions are generated from it.
struct ClassSchedule: Codable, Sendable, Hashable {
    /// Weekdays as Vietnamese count them: 2 (thứ Hai) … 7 (thứ Bảy), 1 for Chủ nhật.
    var weekdays: [Int]
    /// Minutes after midnight.
    var startMinute: Int
    var endMinute: Int
    var firstDay: LocalDate
    var lastDay: LocalDate
    /// Holidays on which the class does not meet.
    var skipDays: [LocalDate]

    /// The longest span a schedule may cover, so that a typing error cannot create thousands of sessions.
    static let maxDays = 366

    /// The days the class meets.
    var days: [LocalDate] {
        var result: [LocalDate] = []
        var day = firstDay
        while day <= lastDay, result.count <= Self.maxDays {
            if weekdays.contains(day.weekday), !skipDays.contains(day) { result.append(day) }
            day = day.adding(days: 1)
        }
        return result
    }

    /// Whether the two schedules have a time in common: a shared weekday, overlapping hours and dates.
    func clashes(with other: ClassSchedule) -> Bool {
        !Set(weekdays).isDisjoint(with: other.weekdays) && startMinute < other.endMinute && other.startMinute < endMinute
            && firstDay <= other.lastDay && other.firstDay <= lastDay
    }

    /// `T2, T4 · 17:30–19:00`.
    var weekly: String { "\(Self.format(weekdays: weekdays)) · \(hours)" }

    /// `T2, T4 · 17:30–19:00` for Vietnamese, `Mon, Wed · 17:30–19:00` for English.
    var weeklyText: LocalizedText {
        let english = Self.mondayFirst(weekdays).map { Self.englishDays[$0 - 1] }.joined(separator: ", ")
        return .literal(vi: weekly, en: "\(english) · \(hours)")
    }

    private var hours: String { "\(LocalTime.clock(minuteOfDay: startMinute))–\(LocalTime.clock(minuteOfDay: endMinute))" }
    private static let englishDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `07/09/2026 – 20/12/2026`.
    var span: String { "\(firstDay.display) – \(lastDay.display)" }

    /// `T2, T4, CN`, Monday first.
    static func format(weekdays: [Int]) -> String {
        mondayFirst(weekdays).map { $0 == 1 ? "CN" : "T\($0)" }.joined(separator: ", ")
    }

    /// Reads weekdays as administrators type them: `T2, T4, CN`, `2 4 6`, `thứ 3, thứ 5`.
    static func parse(weekdays text: String) -> [Int]? {
        let tokens = VietnameseFolding.fold(text).split(whereSeparator: { ",;/ ".contains($0) })
            .map { $0.replacingOccurrences(of: "thu", with: "").replacingOccurrences(of: "t", with: "") }
            .filter { !$0.isEmpty }
        var days: [Int] = []
        for token in tokens {
            switch token {
            case "cn", "8": days.append(1)
            case "2", "3", "4", "5", "6", "7": days.append(Int(token)!)
            default: return nil
            }
        }
        let unique = Array(Set(days)).sorted()
        return unique.isEmpty ? nil : unique
    }

    /// Reads holiday dates typed as `dd/MM/yyyy` or `yyyy-MM-dd`, separated by commas or lines.
    static func parse(days text: String) -> [LocalDate]? {
        var days: [LocalDate] = []
        for token in text.split(whereSeparator: { ",; \n\r\t".contains($0) }) {
            let parts = token.split(separator: "/")
            let day = parts.count == 3 ? Int(parts[0]).flatMap { d in Int(parts[1]).flatMap { m in Int(parts[2]).flatMap { LocalDate(year: $0, month: m, day: d) } } }
                                       : LocalDate(iso: String(token))
            guard let day else { return nil }
            days.append(day)
        }
        return Array(Set(days)).sorted()
    }

    /// Weekdays in the order of a Vietnamese week: thứ Hai (2) first, Chủ nhật (1) last.
    private static func mondayFirst(_ weekdays: [Int]) -> [Int] {
        weekdays.sorted { ($0 + 5) % 7 < ($1 + 5) % 7 }
    }
}
