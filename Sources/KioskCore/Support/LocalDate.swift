import Foundation

/// A calendar date in Vietnam (no time), stored as `yyyy-MM-dd` and shown as `dd/MM/yyyy`.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (31/02 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of an instant in Vietnam.
    public init(_ instant: Date) {
        let localSeconds = instant.timeIntervalSince1970 + Double(KioskClock.utcOffset)
        self.init(daysSince1970: Int((localSeconds / 86_400).rounded(.down)))
    }

    /// The date `days` days after 1 January 1970 (before it when negative), by the civil-from-days
    /// algorithm of Howard Hinnant: no calendar object, no time-zone database.
    public init(daysSince1970 days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        self.day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        self.month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1 January 1970 to this date (negative before it).
    public var daysSince1970: Int { Self.daysSince1970(year: year, month: month, day: day) }

    /// Days from 1 January 1970 to a date given by its parts (days-from-civil, the inverse of `init(daysSince1970:)`).
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Parses `yyyy-MM-dd`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses `dd/MM/yyyy`, the shown and typed form (`d/M/yyyy` too).
    public init?(display text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `yyyy-MM-dd`, the stored form.
    public var iso: String { "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))" }

    /// `dd/MM/yyyy`, the form shown in Vietnam.
    public var display: String { "\(day.zeroPadded(2))/\(month.zeroPadded(2))/\(year.zeroPadded(4))" }

    public var description: String { iso }

    /// Whole years of age on `date` for someone born on this date.
    public func age(on date: LocalDate) -> Int {
        var age = date.year - year
        if (date.month, date.day) < (month, day) { age -= 1 }
        return age
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSince1970: daysSince1970 + days)
    }

    /// The day of the week as in Vietnamese: 2 (thứ Hai, Monday) … 7 (thứ Bảy), 1 for Chủ nhật (Sunday),
    /// which are also Foundation's weekday numbers.
    public var weekday: Int {
        // 1 January 1970 was a Thursday (5).
        ((daysSince1970 + 4) % 7 + 7) % 7 + 1
    }

    /// The instant `minutes` after midnight on this date, in Vietnam.
    public func at(minutes: Int) -> Date {
        start.addingTimeInterval(Double(minutes) * 60)
    }

    /// Midnight at the start of the date, in Vietnam.
    public var start: Date {
        Date(timeIntervalSince1970: Double(daysSince1970 * 86_400 - KioskClock.utcOffset))
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
