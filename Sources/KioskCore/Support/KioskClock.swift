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

    /// Vietnam's offset from UTC in seconds: UTC+7 all year, without daylight saving, since 1975.
    /// Local dates and times are computed from it by arithmetic, so the box needs no time-zone database.
    public static let utcOffset = 7 * 3600

    /// Today's date in Vietnam.
    public var today: LocalDate { LocalDate(now) }
}
