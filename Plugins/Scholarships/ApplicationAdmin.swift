import Foundation
import KioskCore

/// The applications of a site, for its reviewers and administrators only (every read audited):
/// the list with each one's status and missing documents, and each application's page, where the
/// desk ticks the documents brought and checked; its form is the decision (`Decisions`), and its
/// export the letter to the guardian.
enum ApplicationAdmin {
    private static let statuses: [ScholarshipApplication.Status] = [.received, .documentsMissing, .underReview, .awarded, .notAwarded]
    static let statusOptions = statuses.map { FieldOption($0.rawValue, .key("scholarships.status.\($0.rawValue)")) }

    private static let decisionOptions = [ScholarshipApplication.Decision.awarded, .notAwarded].map {
        FieldOption($0.rawValue, .key("scholarships.status.\($0.rawValue)"))
    }

    static let applications = AdminResource(
        name: "applications", title: .key("scholarships.admin.applications"),
        fields: [AdminField("decision", .key("scholarships.admin.decision"), .select(decisionOptions)),
                 AdminField("reason", .key("scholarships.admin.reason"), .multiline(maxLength: 500))],
        listColumns: [AdminColumn("child", .key("scholarships.admin.child")), AdminColumn("round", .key("scholarships.admin.round")),
                      AdminColumn("status", .key("scholarships.admin.status")), AdminColumn("missing", .key("scholarships.admin.missing")),
                      AdminColumn("applied", .key("scholarships.admin.applied")), AdminColumn("decidedBy", .key("scholarships.admin.decidedBy")),
                      AdminColumn("reason", .key("scholarships.admin.reason"))],
        filters: [AdminFilter("status", .key("scholarships.admin.status"), options: statusOptions)],
        roles: [ScholarshipsModule.reviewer.role], sensitive: true,
        list: { query, context, db in
            let rows = try applications(of: context.site, db).filter { query.filter("status") == nil || $0.status.rawValue == query.filter("status") }
            return query.page(rows.map { row in
                AdminRow(id: row.application.id!, values: [
                    "child": row.child, "round": row.round.titleVi, "status": row.status.rawValue,
                    "missing": String(row.application.missing(of: row.round).count), "applied": LocalTime.display(row.application.appliedAt),
                    "decidedBy": row.application.decidedBy.map { "\($0) · \(row.application.decidedAt.map(LocalTime.display) ?? "")" } ?? "",
                    "reason": row.application.decisionReason ?? "",
                ])
            })
        },
        load: { id, context, db in
            guard let (application, _, _) = try find(id, site: context.site, db) else { return nil }
            return ["decision": application.decision?.rawValue ?? "", "reason": application.decisionReason ?? ""]
        },
        save: { id, values, context, db in
            guard let id else { throw KioskError(.notFound, "error.notFound") }
            guard let decision = ScholarshipApplication.Decision(rawValue: values["decision"] ?? "") else {
                throw KioskError(.invalidInput, "error.field.required", field: "decision")
            }
            try Decisions.decide(id, decision, reason: try AdminValues(values).text("reason", maxLength: 500, lines: true), context, db)
            return id
        },
        creates: false, exports: [AdminExport(name: "letter", label: .key("scholarships.admin.letter"), make: Decisions.letter)],
        page: { id, _, context, db in
            guard let (application, round, child) = try find(id, site: context.site, db) else { return nil }
            return AdminPage(title: .literal(vi: "\(child) · \(round.titleVi)"), intro: summary(application, round),
                             sections: [AdminSection(
                                title: .key("scholarships.admin.documents"),
                                columns: [.key("scholarships.admin.document"), .key("scholarships.admin.received")],
                                rows: round.documentList.enumerated().map { index, document in
                                    let received = application.documentsReceived.contains(document)
                                    return AdminTableRow(cells: [document, received ? "✓" : ""], actions: [
                                        AdminAction(.key(received ? "scholarships.admin.unmark" : "scholarships.admin.mark"), key: "document:\(index)",
                                                    style: received ? .secondary : .primary),
                                    ])
                                })])
        },
        perform: { id, key, context, db in
            guard let (found, round, _) = try find(id, site: context.site, db), key.hasPrefix("document:"),
                  let index = Int(key.dropFirst(9)), round.documentList.indices.contains(index) else {
                throw KioskError(.notFound, "error.notFound")
            }
            var application = found
            let document = round.documentList[index]
            if let at = application.documentsReceived.firstIndex(of: document) {
                application.documentsReceived.remove(at: at)
            } else {
                application.documentsReceived.append(document)
            }
            try application.update(db)
        },
        opensTickets: ScholarshipsModule.receipt)

    /// What a page shows of an application: its status, what the family declared, and the decision.
    static func summary(_ application: ScholarshipApplication, _ round: ScholarshipRound) -> [LocalizedText] {
        [.key("scholarships.status.\(application.status(in: round).rawValue)"),
         .literal(vi: application.circumstances.joined(separator: " · ")),
         .literal(vi: "\(application.school) · \(application.grade)"), .literal(vi: application.note)]
            + (application.decidedBy.map { by in
                [.literal(vi: "\(by) · \(application.decidedAt.map(LocalTime.display) ?? "") · \(application.decisionReason ?? "")")]
            } ?? [])
    }

    struct Listed {
        let application: ScholarshipApplication
        let round: ScholarshipRound
        let child: String
        var status: ScholarshipApplication.Status { application.status(in: round) }
    }

    /// The site's applications, the newest round first.
    static func applications(of site: Site, _ db: Database) throws -> [Listed] {
        let rounds = try ScholarshipRound.filter(ScholarshipRound.Columns.siteId == site.id!).order(ScholarshipRound.Columns.opensOn.desc).fetchAll(db)
        let applications = try ScholarshipApplication.filter(rounds.map { $0.id! }.contains(ScholarshipApplication.Columns.roundId))
            .order(Column("appliedAt")).fetchAll(db)
        let children = try FamilyDirectory.children(applications.compactMap(\.childId), db)
        let byID = Dictionary(uniqueKeysWithValues: rounds.map { ($0.id!, $0) })
        return applications.compactMap { application in
            byID[application.roundId].map { round in
                Listed(application: application, round: round, child: application.childId.flatMap { children[$0]?.fullName } ?? "")
            }
        }
    }

    /// An application of the site, with its round and the child's name.
    static func find(_ id: Int64, site: Site, _ db: Database) throws -> (ScholarshipApplication, ScholarshipRound, String)? {
        guard let application = try ScholarshipApplication.fetchOne(db, key: id),
              let round = try ScholarshipRound.fetchOne(db, key: application.roundId), round.siteId == site.id else { return nil }
        return (application, round, try application.childId.flatMap { try FamilyDirectory.child($0, db)?.fullName } ?? "")
    }
}
