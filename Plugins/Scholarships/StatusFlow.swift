import Foundation
import KioskCore

/// Where the family's applications stand, after identifying: received, documents missing (which),
/// under review, awarded, not awarded. Nothing else of an application is shown again at the kiosk.
struct StatusFlow: KioskFlow {
    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let siteID = context.site.id!
        let lines = try await context.database.read { db -> [Choice] in
            let children = try FamilyDirectory.children(ofFamily: familyID, db)
            let names = Dictionary(uniqueKeysWithValues: children.map { ($0.id!, $0.fullName) })
            return try ScholarshipApplication.filter(names.keys.contains(ScholarshipApplication.Columns.childId))
                .order(Column("appliedAt")).fetchAll(db).compactMap { application in
                    guard let round = try ScholarshipRound.fetchOne(db, key: application.roundId), round.siteId == siteID else { return nil }
                    let status = application.status(in: round)
                    let detail: LocalizedText = status == .documentsMissing
                        ? .key("scholarships.status.missing", application.missing(of: round).joined(separator: ", "))
                        : .key("scholarships.status.\(status.rawValue)")
                    return Choice(.literal(vi: "\(application.childId.flatMap { names[$0] } ?? "") · \(round.titleVi)"), detail: detail,
                                  action: "application", id: application.id!, disabled: true)
                }
        }
        guard !lines.isEmpty else {
            return .message(.key("scholarships.status.title"), .key("scholarships.status.none"),
                            actions: [ScreenAction(.key("scholarships.apply.title"), .flow(ScholarshipsModule.id, "start")), .home])
        }
        return KioskScreen(title: .key("scholarships.status.title"), content: .choices(lines), actions: [.home])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        try await start(&context)
    }
}
