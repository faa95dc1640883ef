import Foundation
import KioskCore

/// A criterion of a round's rubric: what reviewers score, from 0 to `maxScore`, and its weight.
struct RubricCriterion: Sendable, Hashable {
    let label: String
    let maxScore: Int
    let weight: Int

    /// `Hoàn cảnh gia đình | 10 | 3`, or nil when the line is not one.
    init?(line: String) {
        let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, !parts[0].isEmpty, let max = Int(parts[1]), (1...100).contains(max),
              let weight = Int(parts[2]), (1...10).contains(weight) else { return nil }
        (label, maxScore, self.weight) = (parts[0], max, weight)
    }

    /// The weighted score of `scores` on `rubric`, out of 100.
    static func weighted(_ scores: [Int], on rubric: [RubricCriterion]) -> Double {
        let weights = rubric.map(\.weight).reduce(0, +)
        guard weights > 0, scores.count == rubric.count else { return 0 }
        return zip(scores, rubric).map { Double($0) / Double($1.maxScore) * Double($1.weight) }.reduce(0, +) / Double(weights) * 100
    }
}

/// A reviewer's review of an application: the scores on the round's rubric, or a recusal with its
/// reason (a reviewer who knows the family), which the average leaves out.
struct Review: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "scholarships_review"

    var id: Int64?
    var applicationId: Int64
    var reviewer: String
    var scores: [Int]
    var recusedReason: String?
    var submittedAt: Date

    enum Columns {
        static let applicationId = Column(CodingKeys.applicationId)
        static let reviewer = Column(CodingKeys.reviewer)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The submitted, not recused reviews of an application, and their weighted average out of 100.
    static func average(of applicationID: Int64, rubric: [RubricCriterion], _ db: Database) throws -> (value: Double?, count: Int) {
        let counted = try Review.filter(Columns.applicationId == applicationID && Column("recusedReason") == nil).fetchAll(db)
            .filter { $0.scores.count == rubric.count }
        guard !counted.isEmpty else { return (nil, 0) }
        return (counted.map { RubricCriterion.weighted($0.scores, on: rubric) }.reduce(0, +) / Double(counted.count), counted.count)
    }
}
