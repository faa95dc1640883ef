import Foundation
import KioskCore

/// A copy lent to a child: open until it is returned. A copy is on one open loan at most (a unique
/// index on the open loans, so two kiosks scanning one copy at the same moment lend it once).
struct Loan: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "library_loan"

    var id: Int64?
    var copyId: Int64
    /// The reader; nil once the loan's history is kept no longer (it still counts in the reports).
    var childId: Int64?
    /// The reader's age and the book's category when it was lent, for the reports.
    var readerAge: Int
    var category: String
    var loanedAt: Date
    var dueOn: LocalDate
    var returnedAt: Date?
    var renewals: Int = 0
    /// The librarian who lent it despite a block, and why; nil for an ordinary loan.
    var overriddenBy: String?
    var overrideReason: String?

    enum Columns {
        static let copyId = Column(CodingKeys.copyId)
        static let childId = Column(CodingKeys.childId)
        static let dueOn = Column(CodingKeys.dueOn)
        static let returnedAt = Column(CodingKeys.returnedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The days a loan is late on `today` (0 when it is not).
    func daysLate(on today: LocalDate) -> Int {
        max(0, today.daysSince1970 - dueOn.daysSince1970)
    }
}
