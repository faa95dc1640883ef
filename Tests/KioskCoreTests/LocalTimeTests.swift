import Foundation
import KioskCore
import Testing

/// Local dates and times are computed by arithmetic at UTC+7; Foundation's calendar in
/// Asia/Ho_Chi_Minh (from the time-zone database, through ICU) is the reference they must agree with.
@Suite struct LocalTimeTests {
    static let vietnam: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        return calendar
    }()

    /// Instants from 1976 (Vietnam has kept UTC+7 since 1975) to 2100.
    static let instants = (0..<3000).map { Date(timeIntervalSince1970: 190_000_000 + Double($0) * 1_301_537.3) }

    @Test func clockReadsTheTimeInVietnam() {
        // 2026-11-23 01:05 UTC is 08:05 in Hà Nội; 17:00 UTC the day before is midnight.
        #expect(LocalTime.clock(Date(timeIntervalSince1970: 1_795_395_900)) == "08:05")
        #expect(LocalTime.clock(Date(timeIntervalSince1970: 1_795_366_800)) == "00:00")
        #expect(LocalTime.clock(Date(timeIntervalSince1970: 1_795_366_799)) == "23:59")
    }

    @Test func clockAndDateAgreeWithTheCalendarOfVietnam() {
        for date in Self.instants {
            let parts = Self.vietnam.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
            #expect(LocalTime.clock(date) == String(format: "%02d:%02d", parts.hour!, parts.minute!))
            let day = LocalDate(date)
            let expected: [Int] = [parts.year!, parts.month!, parts.day!, parts.weekday!]
            #expect([day.year, day.month, day.day, day.weekday] == expected)
            #expect(day.start == Self.vietnam.startOfDay(for: date))
        }
    }

    @Test func daysCountFromNewYear1970BothWays() {
        #expect(LocalDate(daysSince1970: 0) == LocalDate(year: 1970, month: 1, day: 1))
        #expect(LocalDate(daysSince1970: -1) == LocalDate(year: 1969, month: 12, day: 31))
        #expect(LocalDate(daysSince1970: 20_415) == LocalDate(year: 2025, month: 11, day: 23))
        for days in stride(from: -25_567, through: 84_000, by: 97) {  // 1900 … 2199
            let date = LocalDate(daysSince1970: days)
            #expect(date.daysSince1970 == days)
            #expect(date.adding(days: 1).daysSince1970 == days + 1)
            #expect(LocalDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func onlyRealDatesAreDates() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 12, day: 31)?.adding(days: 1) == LocalDate(year: 2027, month: 1, day: 1))
    }

    @Test func aFormFieldIsReadInVietnam() throws {
        let date = try #require(LocalTime.parse(field: "2026-11-23T08:05"))
        #expect(date == Date(timeIntervalSince1970: 1_795_395_900))
        #expect(LocalTime.field(date) == "2026-11-23T08:05")
        #expect(LocalTime.display(date) == "23/11/2026 08:05")
        #expect(LocalTime.parse(field: "2026-02-30T08:05") == nil)
        #expect(LocalTime.parse(field: "2026-11-23T24:00") == nil)
    }
}
