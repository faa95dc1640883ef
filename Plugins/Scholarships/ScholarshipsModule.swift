import Foundation
import KioskCore

/// Scholarships (học bổng) for children in hard circumstances: a site's rounds, each with the
/// circumstances a family can declare, the documents to bring, a quota and a budget; families apply
/// at the kiosk after identifying, give the consent this data needs on screens of its own, and
/// leave with a receipt; the desk ticks the documents brought; the status is looked up at the kiosk.
/// Applications are seen only by the site's reviewers and administrators, every read audited.
public struct ScholarshipsModule: KioskModule {
    public static let id: ModuleID = "scholarships"
    /// The receipt of an application, with its QR code.
    public static let receipt = TicketKind(code: "SR", moduleID: id, title: .key("scholarships.receipt"))
    /// The guardian's (and from age 7 the child's) consent to the processing of the application's data.
    public static let consent = ConsentPurpose("scholarships.sensitiveData", text: "scholarships.consent.v1")
    /// Reviewers read and score the applications of their site; nobody else but administrators sees them.
    static let reviewer = ModuleRole("reviewer", of: id, title: .key("scholarships.role.reviewer"))

    public var id: ModuleID { Self.id }
    public let title = LocalizedText.key("scholarships.title")
    public let icon = "🎓"

    public init() {}

    public func registerMigrations(in migrator: inout ModuleMigrator) {
        ScholarshipMigrations.register(in: &migrator)
    }

    public var flows: [String: any KioskFlow] { ["start": ApplyFlow(), "status": StatusFlow()] }

    public var ticketKinds: [TicketKind] { [Self.receipt] }

    public var roles: [ModuleRole] { [Self.reviewer] }

    public var adminResources: [AdminResource] {
        [RoundAdmin.rounds, ApplicationAdmin.applications, DocumentPhotos.photos, ReviewAdmin.reviews, RankingAdmin.ranking]
    }

    /// A receipt scanned at a staff station says only that it is a receipt: what it holds is for reviewers.
    public func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        guard scan.ticket.kind == Self.receipt.code else { return nil }
        return ScanVerdict(.accepted, .key("scholarships.receipt"), detail: .key("scholarships.station.seeAdmin"))
    }

    public var backgroundTasks: [ModuleTask] { [Retention.task] }

    public func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        try ScholarshipReport.figures(site, from: from, to: to, db)
    }

    public func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.titleVi, a.appliedAt, a.circumstances, a.note, a.school, a.grade, a.documentsReceived, a.decision
            FROM scholarships_application a JOIN scholarships_round r ON r.id = a.roundId WHERE a.childId = ? ORDER BY a.appliedAt
            """, arguments: [childID])
        return [ExportSection(title: "applications", rows: try rows.map { row in
            ["round": row["titleVi"], "appliedAt": try row.optionalTimestamp("appliedAt").map(LocalTime.display) ?? "",
             "circumstances": row["circumstances"], "note": row["note"], "school": row["school"], "grade": row["grade"],
             "documentsReceived": row["documentsReceived"], "decision": (row["decision"] as String?) ?? ""]
        })]
    }

    public func seedDemo(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        try ScholarshipDemo.seed(site, context, db)
    }
}
