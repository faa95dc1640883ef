import Foundation

/// The values of a submitted admin form, read as typed values. Each reader throws a localized
/// `KioskError` naming its field, so the form comes back with the message beside that field.
///
/// ```swift
/// let form = AdminValues(values)
/// let capacity = try form.integer("capacity", 1...500)
/// let opens = try form.dateTime("opensAt")
/// ```
public struct AdminValues: Sendable {
    public let values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// Trimmed text, bounded, without control characters; with `lines` (a multi-line field), line
    /// breaks are kept as `\n`.
    public func text(_ name: String, maxLength: Int = 120, required: Bool = true, lines: Bool = false) throws -> String {
        try TextInput.clean(values[name], field: name, maxLength: maxLength, required: required, lines: lines)
    }

    /// A whole number within `range`.
    public func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let value = Int((values[name] ?? "").trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw KioskError(.invalidInput, "error.field.range", String(range.lowerBound), String(range.upperBound), field: name)
        }
        return value
    }

    /// An instant from a `datetime-local` field.
    public func dateTime(_ name: String) throws -> Date {
        guard let date = LocalTime.parse(field: values[name] ?? "") else { throw KioskError(.invalidInput, "error.date.invalid", field: name) }
        return date
    }

    /// A date from a `date` field (`yyyy-MM-dd`).
    public func date(_ name: String) throws -> LocalDate {
        guard let date = LocalDate(iso: (values[name] ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw KioskError(.invalidInput, "error.date.invalid", field: name)
        }
        return date
    }

    /// Minutes after midnight from a `time` field (`HH:mm`).
    public func time(_ name: String) throws -> Int {
        guard let minute = LocalTime.minuteOfDay(values[name] ?? "") else {
            throw KioskError(.invalidInput, "error.time.invalid", field: name)
        }
        return minute
    }

    /// Whether a checkbox was ticked.
    public func isTicked(_ name: String) -> Bool { values[name] == "yes" }
}
