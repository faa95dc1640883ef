import Foundation
import KioskCore

/// A reservation of a title whose copies are all out: the returned copy goes to the first hold in
/// the queue (`placedAt`, then `id`), which waits on the hold shelf until `readyUntil`.
struct Hold: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "library_hold"

    enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        /// In the queue for the next copy returned.
        case waiting
        /// A copy is on the hold shelf for the reader.
        case ready
        case collected, expired, cancelled
    }

    var id: Int64?
    var siteId: Int64
    var titleId: Int64
    var childId: Int64
    var placedAt: Date
    var status: Status
    /// The copy on the hold shelf, once one is.
    var copyId: Int64?
    /// The last day the copy waits on the hold shelf.
    var readyUntil: LocalDate?
    /// When the hold was collected, expired or cancelled; kept as long as a loan's history.
    var finishedAt: Date?

    enum Columns {
        static let titleId = Column(CodingKeys.titleId)
        static let childId = Column(CodingKeys.childId)
        static let copyId = Column(CodingKeys.copyId)
        static let status = Column(CodingKeys.status)
        static let placedAt = Column(CodingKeys.placedAt)
        static let readyUntil = Column(CodingKeys.readyUntil)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The title's holds still waiting for a copy, first in the queue first.
    static func queue(titleID: Int64) -> QueryInterfaceRequest<Hold> {
        Hold.filter(Columns.titleId == titleID && Columns.status == Status.waiting.rawValue).order(Columns.placedAt, Column("id"))
    }
}
