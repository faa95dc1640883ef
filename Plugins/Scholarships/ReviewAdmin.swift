import Foundation
import KioskCore

/// The reviewer's pages: the applications whose documents are all in, each scored on its round's
/// rubric alone. A reviewer sees the others' scores only once they submitted their own (or recused:
/// a reviewer who knows the family says so, with a reason, and is left out of the average).
enum ReviewAdmin {
    static let reviews = AdminResource(
        name: "reviews", title: .key("scholarships.admin.reviews"),
        fields: [AdminField("recuse", .key("scholarships.review.recuse"), .text(maxLength: 200), required: false)],
        listColumns: [AdminColumn("child", .key("scholarships.admin.child")), AdminColumn("round", .key("scholarships.admin.round")),
                      AdminColumn("mine", .key("scholarships.review.mine")), AdminColumn("average", .key("scholarships.review.average"))],
        roles: [ScholarshipsModule.reviewer.role], sensitive: true,
        list: { query, context, db in
            let reviewer = context.staff.account.username
            return query.page(try ApplicationAdmin.applications(of: context.site, db).filter { $0.application.missing(of: $0.round).isEmpty }.map { row in
                let mine = try Review.filter(Review.Columns.applicationId == row.application.id! && Review.Columns.reviewer == reviewer).fetchOne(db)
                let average = try Review.average(of: row.application.id!, rubric: row.round.rubricCriteria, db)
                return AdminRow(id: row.application.id!, values: [
                    "child": row.child, "round": row.round.titleVi,
                    "mine": mine.map { $0.recusedReason == nil ? score(RubricCriterion.weighted($0.scores, on: row.round.rubricCriteria)) : "—" } ?? "",
                    // The others' scores only for one who has had their say.
                    "average": mine == nil ? "" : average.value.map { "\(score($0)) (\(average.count))" } ?? "",
                ])
            })
        },
        load: { id, context, db in
            guard try ApplicationAdmin.find(id, site: context.site, db) != nil else { return nil }
            guard let mine = try Review.filter(Review.Columns.applicationId == id && Review.Columns.reviewer == context.staff.account.username)
                .fetchOne(db) else { return [:] }
            var values = ["recuse": mine.recusedReason ?? ""]
            for (index, value) in mine.scores.enumerated() { values["score\(index)"] = String(value) }
            return values
        },
        save: { id, values, context, db in
            guard let id, let (application, round, _) = try ApplicationAdmin.find(id, site: context.site, db),
                  application.missing(of: round).isEmpty else { throw KioskError(.notFound, "scholarships.review.notReady") }
            let form = AdminValues(values)
            let recuse = try form.text("recuse", maxLength: 200, required: false)
            let scores = recuse.isEmpty ? try round.rubricCriteria.enumerated().map { index, criterion in
                try form.integer("score\(index)", 0...criterion.maxScore)
            } : []
            var review = try Review.filter(Review.Columns.applicationId == id && Review.Columns.reviewer == context.staffUsername).fetchOne(db)
                ?? Review(applicationId: id, reviewer: context.staffUsername, scores: [], submittedAt: context.at)
            review.scores = scores
            review.recusedReason = recuse.isEmpty ? nil : recuse
            review.submittedAt = context.at
            try review.save(db)
            return id
        },
        creates: false,
        page: { id, _, context, db in
            guard let (application, round, child) = try ApplicationAdmin.find(id, site: context.site, db) else { return nil }
            let reviewer = context.staff.account.username
            let all = try Review.filter(Review.Columns.applicationId == id).order(Column("submittedAt")).fetchAll(db)
            let hasHadSay = all.contains { $0.reviewer == reviewer }
            let shown = hasHadSay ? all : all.filter { $0.reviewer == reviewer }
            return AdminPage(title: .literal(vi: "\(child) · \(round.titleVi)"), intro: ApplicationAdmin.summary(application, round)
                                + (hasHadSay ? [] : [.key("scholarships.review.blind")]),
                             sections: [AdminSection(
                                title: .key("scholarships.admin.reviews"),
                                columns: [.key("scholarships.review.reviewer")] + round.rubricCriteria.map { .literal(vi: $0.label) }
                                    + [.key("scholarships.review.weighted")],
                                rows: shown.map { review in
                                    AdminTableRow(cells: [review.reviewer] + (review.recusedReason.map { reason in
                                        round.rubricCriteria.map { _ in "" } + ["— \(reason)"]
                                    } ?? review.scores.map(String.init) + [score(RubricCriterion.weighted(review.scores, on: round.rubricCriteria))]))
                                },
                                empty: .key("scholarships.review.none"))])
        },
        recordFields: { id, context, db in
            guard let (_, round, _) = try ApplicationAdmin.find(id, site: context.site, db) else { return [] }
            return round.rubricCriteria.enumerated().map { index, criterion in
                AdminField("score\(index)", .key("scholarships.review.score", criterion.label, String(criterion.maxScore)),
                           .integer(0...criterion.maxScore), required: false)
            }
        })

    /// A score out of 100, to one decimal.
    static func score(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// The committee's ranking, for administrators: every application of the site by its weighted
/// average, with the number of reviews counted and the documents missing; its CSV is the list's.
enum RankingAdmin {
    static let ranking = AdminResource(
        name: "ranking", title: .key("scholarships.admin.ranking"), fields: [],
        listColumns: [AdminColumn("rank", .key("scholarships.ranking.rank")), AdminColumn("child", .key("scholarships.admin.child")),
                      AdminColumn("round", .key("scholarships.admin.round")), AdminColumn("average", .key("scholarships.review.average")),
                      AdminColumn("reviews", .key("scholarships.ranking.reviews")), AdminColumn("missing", .key("scholarships.admin.missing")),
                      AdminColumn("status", .key("scholarships.admin.status"))],
        filters: [AdminFilter("status", .key("scholarships.admin.status"), options: ApplicationAdmin.statusOptions)],
        sensitive: true,
        list: { query, context, db in
            let ranked = try ApplicationAdmin.applications(of: context.site, db).map { row in
                (row, try Review.average(of: row.application.id!, rubric: row.round.rubricCriteria, db))
            }.sorted { ($0.1.value ?? -1, $1.0.application.appliedAt) > ($1.1.value ?? -1, $0.0.application.appliedAt) }
            return query.page(ranked.enumerated().map { index, entry in
                let (row, average) = entry
                return AdminRow(id: row.application.id!, values: [
                    "rank": String(index + 1), "child": row.child, "round": row.round.titleVi,
                    "average": average.value.map(ReviewAdmin.score) ?? "", "reviews": String(average.count),
                    "missing": String(row.application.missing(of: row.round).count), "status": row.status.rawValue,
                ])
            })
        },
        load: { _, _, _ in nil }, save: nil)
}
