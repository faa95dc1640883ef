import Foundation
import KioskCore

/// What scholarships add to a site's report over a period: applications (by the circumstances
/// declared), awards (by round, against its quota) and the amount awarded. Anonymised applications
/// still count: the round, the circumstances and the decision stay.
enum ScholarshipReport {
    static func figures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        let start = from.start, end = to.adding(days: 1).start
        let rounds = try ScholarshipRound.filter(ScholarshipRound.Columns.siteId == site.id!).fetchAll(db)
        let all = try ScholarshipApplication.filter(rounds.map { $0.id! }.contains(ScholarshipApplication.Columns.roundId)).fetchAll(db)
        let applied = all.filter { start <= $0.appliedAt && $0.appliedAt < end }
        let awarded = all.filter { $0.decision == .awarded && ($0.decidedAt.map { start <= $0 && $0 < end } ?? false) }
        let awardOf = Dictionary(uniqueKeysWithValues: rounds.map { ($0.id!, $0) })
        let criteria = Array(Set(applied.flatMap(\.circumstances))).sorted()
        return [
            ReportFigure(name: "applications", label: .key("scholarships.report.applications"), value: applied.count,
                         parts: criteria.map { criterion in
                             ReportFigure(name: criterion, label: .literal(vi: criterion), value: applied.filter { $0.circumstances.contains(criterion) }.count)
                         }),
            ReportFigure(name: "awards", label: .key("scholarships.report.awards"), value: awarded.count,
                         parts: rounds.filter { round in awarded.contains { $0.roundId == round.id } }.map { round in
                             ReportFigure(name: String(round.id!), label: .key("scholarships.report.ofQuota", round.titleVi, String(round.quota)),
                                          value: awarded.filter { $0.roundId == round.id }.count)
                         }),
            ReportFigure(name: "amount_vnd", label: .key("scholarships.report.amount"),
                         value: awarded.map { awardOf[$0.roundId]?.award ?? 0 }.reduce(0, +)),
        ]
    }
}
