import Foundation

/// Instants as people in Vietnam read and type them: `HH:mm`, `dd/MM/yyyy HH:mm`, and the
/// `yyyy-MM-ddTHH:mm` of an HTML `datetime-local` field, all in Asia/Ho_Chi_Minh.
public enum LocalTime {
    /// `08:05`.
    public static func clock(_ date: Date) -> String {
        let parts = KioskClock.calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
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
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":").map { Int($0) }
        guard time.count >= 2, let hour = time[0], let minute = time[1], (0..<24).contains(hour), (0..<60).contains(minute) else {
            return nil
        }
        return KioskClock.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }
}
