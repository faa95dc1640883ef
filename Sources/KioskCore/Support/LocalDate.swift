import Foundation

/// A calendar date in Vietnam (no time), stored as `yyyy-MM-dd` and shown as `dd/MM/yyyy`.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (31/02 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = KioskClock.calendar.date(from: components),
              KioskClock.calendar.component(.day, from: date) == day else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of an instant in Vietnam.
    public init(_ instant: Date) {
        let parts = KioskClock.calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Parses `yyyy-MM-dd`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `yyyy-MM-dd`, the stored form.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// `dd/MM/yyyy`, the form shown in Vietnam.
    public var display: String { String(format: "%02d/%02d/%04d", day, month, year) }

    public var description: String { iso }

    /// Whole years of age on `date` for someone born on this date.
    public func age(on date: LocalDate) -> Int {
        var age = date.year - year
        if (date.month, date.day) < (month, day) { age -= 1 }
        return age
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(KioskClock.calendar.date(byAdding: .day, value: days, to: start)!)
    }

    /// The day of the week as in Vietnamese: 2 (thứ Hai, Monday) … 7 (thứ Bảy), 1 for Chủ nhật (Sunday),
    /// which are also Foundation's weekday numbers.
    public var weekday: Int { KioskClock.calendar.component(.weekday, from: start) }

    /// The instant `minutes` after midnight on this date, in Vietnam.
    public func at(minutes: Int) -> Date {
        start.addingTimeInterval(Double(minutes) * 60)
    }

    /// Midnight at the start of the date, in Vietnam.
    public var start: Date {
        KioskClock.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap(LocalDate.init(iso:))
    }
}
