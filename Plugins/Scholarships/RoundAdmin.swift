import Foundation
import KioskCore

/// A site's scholarship rounds, set by its administrators: the dates, the ages, the circumstances
/// and documents (one a line), the quota, the budget and each award, and how long the data lives.
enum RoundAdmin {
    static let rounds = AdminResource(
        name: "rounds", title: .key("scholarships.admin.rounds"),
        fields: [
            AdminField("titleVi", .key("scholarships.field.titleVi"), .text(maxLength: 120)),
            AdminField("titleEn", .key("scholarships.field.titleEn"), .text(maxLength: 120), required: false),
            AdminField("opensOn", .key("scholarships.field.opensOn"), .date),
            AdminField("closesOn", .key("scholarships.field.closesOn"), .date),
            AdminField("minAge", .key("scholarships.field.minAge"), .integer(0...18)),
            AdminField("maxAge", .key("scholarships.field.maxAge"), .integer(0...18)),
            AdminField("criteria", .key("scholarships.field.criteria"), .multiline(maxLength: 2000)),
            AdminField("documents", .key("scholarships.field.documents"), .multiline(maxLength: 2000)),
            AdminField("rubric", .key("scholarships.field.rubric"), .multiline(maxLength: 2000)),
            AdminField("quota", .key("scholarships.field.quota"), .integer(1...1000)),
            AdminField("budget", .key("scholarships.field.budget"), .integer(0...2_000_000_000)),
            AdminField("award", .key("scholarships.field.award"), .integer(0...2_000_000_000)),
            AdminField("retentionMonths", .key("scholarships.field.retentionMonths"), .integer(1...120)),
        ],
        listColumns: ["titleVi", "opensOn", "closesOn", "quota", AdminColumn("applications", .key("scholarships.admin.applications"))],
        list: { query, context, db in
            let rounds = ScholarshipRound.filter(ScholarshipRound.Columns.siteId == context.site.id!)
            return AdminList(rows: try query.page(rounds.order(ScholarshipRound.Columns.opensOn.desc)).fetchAll(db).map { round in
                AdminRow(id: round.id!, values: [
                    "titleVi": round.titleVi, "opensOn": round.opensOn.display, "closesOn": round.closesOn.display, "quota": String(round.quota),
                    "applications": String(try ScholarshipApplication.filter(ScholarshipApplication.Columns.roundId == round.id!).fetchCount(db)),
                ])
            }, total: try rounds.fetchCount(db))
        },
        load: { id, context, db in
            guard let round = try ScholarshipRound.fetchOne(db, key: id), round.siteId == context.site.id else { return nil }
            return ["titleVi": round.titleVi, "titleEn": round.titleEn, "opensOn": round.opensOn.iso, "closesOn": round.closesOn.iso,
                    "minAge": String(round.minAge), "maxAge": String(round.maxAge), "criteria": round.criteria, "documents": round.documents, "rubric": round.rubric,
                    "quota": String(round.quota), "budget": String(round.budget), "award": String(round.award),
                    "retentionMonths": String(round.retentionMonths)]
        },
        save: { id, values, context, db in
            let form = AdminValues(values)
            var round = ScholarshipRound(
                id: id, siteId: context.site.id!, titleVi: try form.text("titleVi"), titleEn: try form.text("titleEn", required: false),
                opensOn: try form.date("opensOn"), closesOn: try form.date("closesOn"),
                minAge: try form.integer("minAge", 0...18), maxAge: try form.integer("maxAge", 0...18),
                criteria: try form.text("criteria", maxLength: 2000, lines: true), documents: try form.text("documents", maxLength: 2000, lines: true),
                rubric: try form.text("rubric", maxLength: 2000, lines: true),
                quota: try form.integer("quota", 1...1000), budget: try form.integer("budget", 0...2_000_000_000),
                award: try form.integer("award", 0...2_000_000_000), retentionMonths: try form.integer("retentionMonths", 1...120))
            guard round.opensOn <= round.closesOn else { throw KioskError(.invalidInput, "scholarships.field.datesOrder", field: "closesOn") }
            guard ScholarshipRound.lines(round.rubric).allSatisfy({ RubricCriterion(line: $0) != nil }) else {
                throw KioskError(.invalidInput, "scholarships.field.rubricInvalid", field: "rubric")
            }
            guard round.minAge <= round.maxAge else { throw KioskError(.invalidInput, "scholarships.field.agesOrder", field: "maxAge") }
            guard round.award * round.quota <= round.budget || round.award == 0 else {
                throw KioskError(.invalidInput, "scholarships.field.overBudget", field: "budget")
            }
            if let id {
                guard try ScholarshipRound.fetchOne(db, key: id)?.siteId == context.site.id else { throw KioskError(.notFound, "error.notFound") }
                try round.update(db)
            } else {
                try round.insert(db)
            }
            return round.id!
        })
}
