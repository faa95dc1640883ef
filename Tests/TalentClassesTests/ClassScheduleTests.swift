import Foundation
import KioskCore
@testable import TalentClasses
import Testing

@Suite struct ClassScheduleTests {
    @Test(arguments: [("T2, T4, CN", [2, 4, 1]), ("2 4 6", [2, 4, 6]), ("thứ 3; Thứ 5", [3, 5]), ("cn", [1])])
    func weekdaysAreReadAsAdministratorsTypeThem(typed: String, weekdays: [Int]) {
        #expect(ClassSchedule.parse(weekdays: typed).map(Set.init) == Set(weekdays))
    }

    @Test(arguments: ["T9", "Monday", "", "T2, T2x"])
    func unknownWeekdaysAreRefused(typed: String) {
        #expect(ClassSchedule.parse(weekdays: typed) == nil)
    }

    @Test func overlappingHoursOnASharedWeekdayClash() throws {
        let first = try #require(LocalDate(iso: "2026-11-01")), last = try #require(LocalDate(iso: "2026-12-31"))
        let swim = ClassSchedule(weekdays: [7, 1], startMinute: 8 * 60, endMinute: 9 * 60 + 30, firstDay: first, lastDay: last, skipDays: [])
        let dance = ClassSchedule(weekdays: [1], startMinute: 9 * 60, endMinute: 10 * 60, firstDay: first, lastDay: last, skipDays: [])
        let afterwards = ClassSchedule(weekdays: [1], startMinute: 9 * 60 + 30, endMinute: 10 * 60, firstDay: first, lastDay: last, skipDays: [])
        let nextYear = ClassSchedule(weekdays: [1], startMinute: 8 * 60, endMinute: 9 * 60, firstDay: try #require(LocalDate(iso: "2027-01-03")),
                                     lastDay: try #require(LocalDate(iso: "2027-02-28")), skipDays: [])
        #expect(swim.clashes(with: dance))
        #expect(dance.clashes(with: swim))
        #expect(!swim.clashes(with: afterwards))
        #expect(!swim.clashes(with: nextYear))
        #expect(swim.weekly == "T7, CN · 08:00–09:30")
        let localizer = Localizer(tables: [:])
        #expect(localizer.string(swim.weeklyText, .vi) == "T7, CN · 08:00–09:30")
        #expect(localizer.string(swim.weeklyText, .en) == "Sat, Sun · 08:00–09:30")
    }
}
