import Foundation
import KioskCore

/// A site's library settings: the days it is closed (due dates skip them) and when overdue books
/// block new loans. Children's libraries here charge no fines.
struct LibrarySettings: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord, KioskRecord {
    static let databaseTableName = "library_settings"

    var siteId: Int64
    /// Weekdays the library is closed, Sunday 1 … Saturday 7, comma-separated (`2` for Mondays).
    var closedWeekdays: String
    /// Holidays, one `dd/mm/yyyy` a line.
    var holidays: String
    /// How many overdue books at home block new loans.
    var blockFromOverdue: Int
    /// How many days late a book must be before it counts as overdue for the block.
    var graceDays: Int
    /// How long who borrowed a returned book is kept (the loan itself still counts in the reports).
    var historyDays: Int
    /// How many open days a returned copy waits on the hold shelf for its reader.
    var holdDays: Int = 3

    /// The settings of a site, or the defaults: open every day, one overdue book blocks.
    static func of(siteID: Int64, _ db: Database) throws -> LibrarySettings {
        try LibrarySettings.fetchOne(db, key: siteID)
            ?? LibrarySettings(siteId: siteID, closedWeekdays: "", holidays: "", blockFromOverdue: 1, graceDays: 0, historyDays: 30)
    }

    var closedDays: Set<Int> { Set(closedWeekdays.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }) }

    var holidayDates: Set<LocalDate> { Set(holidays.split(whereSeparator: \.isNewline).compactMap { LocalDate(display: String($0).trimmingCharacters(in: .whitespaces)) }) }

    /// The due date for a loan of `days` from `today`: the first open day on or after `today + days`.
    func dueDate(from today: LocalDate, days: Int) -> LocalDate {
        let closed = closedDays, holidays = holidayDates
        var due = today.adding(days: days)
        // A library open at least one day a week finds an open day within a fortnight and the holidays.
        for _ in 0..<(14 + holidays.count) where closed.contains(due.weekday) || holidays.contains(due) {
            due = due.adding(days: 1)
        }
        return due
    }
}
