import Foundation
import GRDB

/// An instant as the database stores it: `yyyy-MM-dd HH:mm:ss.SSS` in UTC, the text GRDB writes for a
/// `Date`, so rows written either way compare and sort alike.
///
/// GRDB converts dates with Foundation's `DateFormatter` and `Calendar`, which load ICU (megabytes of
/// resident code and data) and cost microseconds on every scan. This type converts by arithmetic.
/// Records get it through ``KioskRecord``; raw SQL passes `DatabaseTimestamp(date)` as an argument and
/// reads with `row.timestamp(_:)` or `row.optionalTimestamp(_:)`.
public struct DatabaseTimestamp: Sendable, Hashable, DatabaseValueConvertible {
    /// The instant.
    public let date: Date

    public init(_ date: Date) {
        self.date = date
    }

    /// `2026-11-23 01:05:00.250`.
    public var text: String {
        // Rounded to the nearest millisecond, as GRDB's DateFormatter does.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let dayMilliseconds = Int(milliseconds - days * 86_400_000)
        let date = LocalDate(daysSince1970: Int(days))
        let second = dayMilliseconds / 1000
        return "\(date.iso) \((second / 3600).zeroPadded(2)):\((second / 60 % 60).zeroPadded(2)):\((second % 60).zeroPadded(2))"
            + ".\((dayMilliseconds % 1000).zeroPadded(3))"
    }

    public var databaseValue: DatabaseValue { text.databaseValue }

    /// Reads `yyyy-MM-dd HH:mm[:ss[.SSS]]` (a `T` may stand for the space) by arithmetic; any other
    /// form GRDB understands is left to GRDB.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> DatabaseTimestamp? {
        if case .string(var text) = dbValue.storage, let date = text.withUTF8(parse) {
            return DatabaseTimestamp(date)
        }
        return Date.fromDatabaseValue(dbValue).map(DatabaseTimestamp.init)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 16 || bytes.count == 19 || bytes.count == 23,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), hour < 24, minute < 60,
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var second = 0
        var millisecond = 0
        if bytes.count >= 19 {
            guard bytes[16] == UInt8(ascii: ":"), let value = number(bytes, 17, 2), value < 60 else { return nil }
            second = value
        }
        if bytes.count == 23 {
            guard bytes[19] == UInt8(ascii: "."), let value = number(bytes, 20, 3) else { return nil }
            millisecond = value
        }
        let days = LocalDate.daysSince1970(year: year, month: month, day: day)
        let milliseconds = Int64(((days * 24 + hour) * 60 + minute) * 60 + second) * 1000 + Int64(millisecond)
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<start + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension Row {
    /// The instant in `column`, written as a ``DatabaseTimestamp``; throws when it is NULL or no date.
    public func timestamp(_ column: String) throws -> Date {
        try decode(DatabaseTimestamp.self, forColumn: column).date
    }

    /// The instant in `column`, or nil when it is NULL.
    public func optionalTimestamp(_ column: String) throws -> Date? {
        try decode(DatabaseTimestamp?.self, forColumn: column)?.date
    }
}
