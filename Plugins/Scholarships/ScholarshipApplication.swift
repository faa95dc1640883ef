import Foundation
import KioskCore

/// A child's application to a round: what the family declared, the documents the desk received,
/// and the decision. One per child and round.
struct ScholarshipApplication: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "scholarships_application"

    /// What the family is told at the kiosk, and nothing more.
    enum Status: String, Sendable {
        case received, documentsMissing, underReview, awarded, notAwarded
    }

    enum Decision: String, Codable, Sendable, DatabaseValueConvertible {
        case awarded, notAwarded
    }

    var id: Int64?
    var roundId: Int64
    /// The child; nil once the round's retention has passed (what the reports count stays).
    var childId: Int64?
    var appliedAt: Date
    /// The circumstances ticked, as the round named them.
    var circumstances: [String]
    /// The family's own words, short.
    var note: String
    var school: String
    var grade: String
    /// The documents the desk received and checked, as the round names them.
    var documentsReceived: [String] = []
    var decision: Decision?
    /// Who decided, when and why.
    var decidedBy: String?
    var decidedAt: Date?
    var decisionReason: String?

    enum Columns {
        static let roundId = Column(CodingKeys.roundId)
        static let childId = Column(CodingKeys.childId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The documents of the round not received yet.
    func missing(of round: ScholarshipRound) -> [String] {
        round.documentList.filter { !documentsReceived.contains($0) }
    }

    /// Where the application stands: decided, or what the desk has received.
    func status(in round: ScholarshipRound) -> Status {
        switch decision {
        case .awarded: return .awarded
        case .notAwarded: return .notAwarded
        case nil: break
        }
        if documentsReceived.isEmpty { return .received }
        return missing(of: round).isEmpty ? .underReview : .documentsMissing
    }
}
