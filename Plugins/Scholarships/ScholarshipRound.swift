import Foundation
import KioskCore

/// A round of scholarships at a site: who may apply and when, the circumstances a family can
/// declare, the documents to bring, and how many awards of how much within the budget.
struct ScholarshipRound: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "scholarships_round"

    var id: Int64?
    var siteId: Int64
    var titleVi: String
    var titleEn: String
    var opensOn: LocalDate
    var closesOn: LocalDate
    /// The ages a child may apply at, on the day the round closes.
    var minAge: Int
    var maxAge: Int
    /// One a line: the circumstances a family can tick (a poor household certificate, orphan, …).
    var criteria: String
    /// One a line: the documents to bring to the desk.
    var documents: String
    /// One a line, `criterion | highest score | weight`: what each reviewer scores.
    var rubric: String
    /// How many awards, each of `award` VND, within `budget` VND.
    var quota: Int
    var budget: Int
    var award: Int
    /// How many months the applications are kept after the round closes.
    var retentionMonths: Int

    enum Columns {
        static let siteId = Column(CodingKeys.siteId)
        static let opensOn = Column(CodingKeys.opensOn)
        static let closesOn = Column(CodingKeys.closesOn)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var title: LocalizedText { .literal(vi: titleVi, en: titleEn.isEmpty ? titleVi : titleEn) }

    var criteriaList: [String] { Self.lines(criteria) }
    var rubricCriteria: [RubricCriterion] { Self.lines(rubric).compactMap(RubricCriterion.init(line:)) }
    var documentList: [String] { Self.lines(documents) }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The first day the round's applications are no longer kept: `retentionMonths` after it closes.
    var forgottenOn: LocalDate {
        let months = closesOn.year * 12 + closesOn.month - 1 + retentionMonths
        let (year, month) = (months / 12, months % 12 + 1)
        return (1...closesOn.day).reversed().lazy.compactMap { LocalDate(year: year, month: month, day: $0) }.first!.adding(days: 1)
    }

    /// Whether the round takes applications on `today`.
    func isOpen(on today: LocalDate) -> Bool { opensOn <= today && today <= closesOn }

    /// Whether a child born on `birthDate` may apply.
    func admits(birthDate: LocalDate) -> Bool { (minAge...maxAge).contains(birthDate.age(on: closesOn)) }

    /// The site's rounds open on `today`.
    static func open(siteID: Int64, on today: LocalDate, _ db: Database) throws -> [ScholarshipRound] {
        try ScholarshipRound.filter(Columns.siteId == siteID && Columns.opensOn <= today && Columns.closesOn >= today)
            .order(Columns.closesOn).fetchAll(db)
    }
}
