import Foundation

/// The time source of the service. Production uses the system clock; tests fix the time.
public struct KioskClock: Sendable {
    private let current: @Sendable () -> Date

    /// A clock reading `now` on every call.
    public init(_ now: @escaping @Sendable () -> Date) {
        self.current = now
    }

    /// The system clock.
    public static let system = KioskClock { Date() }

    /// A clock stopped at `date`.
    public static func fixed(_ date: Date) -> KioskClock { KioskClock { date } }

    /// The current instant.
    public var now: Date { current() }

    /// Vietnam's time zone (UTC+7, no daylight saving).
    public static let timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// A Gregorian calendar in Vietnam's time zone.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// Today's date in Vietnam.
    public var today: LocalDate { LocalDate(now) }
}
