import Foundation

/// Instants as people in Vietnam read and type them: `HH:mm`, `dd/MM/yyyy HH:mm`, and the
/// `yyyy-MM-ddTHH:mm` of an HTML `datetime-local` field, all in Vietnam's time (UTC+7).
public enum LocalTime {
    /// `08:05`.
    public static func clock(_ date: Date) -> String {
        // Minutes since midnight in Vietnam, by arithmetic: verdicts at the gate print a time each.
        let local = date.timeIntervalSince1970 + Double(KioskClock.utcOffset)
        let minutes = Int((local / 60).rounded(.down))
        return clock(minuteOfDay: (minutes % 1440 + 1440) % 1440)
    }

    /// `17:30` for 1,050 minutes after midnight.
    public static func clock(minuteOfDay minute: Int) -> String {
        (minute / 60).zeroPadded(2) + ":" + (minute % 60).zeroPadded(2)
    }

    /// `22/11/2026 08:05`.
    public static func display(_ date: Date) -> String {
        "\(LocalDate(date).display) \(clock(date))"
    }

    /// `2026-11-22T08:05`, the value of a `datetime-local` field.
    public static func field(_ date: Date) -> String {
        "\(LocalDate(date).iso)T\(clock(date))"
    }

    /// Parses a `datetime-local` value (seconds optional); nil when it is not one.
    public static func parse(field text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])), let minute = minuteOfDay(parts[1]) else { return nil }
        return day.at(minutes: minute)
    }

    /// Minutes after midnight of an `HH:mm` time (seconds optional); nil when it is not one.
    public static func minuteOfDay(_ text: some StringProtocol) -> Int? {
        let time = text.split(separator: ":").map { Int($0) }
        guard time.count >= 2, let hour = time[0], let minute = time[1], (0..<24).contains(hour), (0..<60).contains(minute) else {
            return nil
        }
        return hour * 60 + minute
    }
}
