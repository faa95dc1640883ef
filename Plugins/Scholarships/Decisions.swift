import Foundation
import KioskCore

/// Deciding an application: an award only while the round's quota and budget allow one more (the
/// count is read in the decision's own write transaction, so two administrators awarding at the
/// same moment cannot both take the last place), and only once every document was received; every
/// decision records who, when and why.
enum Decisions {
    static func decide(_ applicationID: Int64, _ decision: ScholarshipApplication.Decision, reason: String,
                       _ context: AdminActionContext, _ db: Database) throws {
        guard var application = try ScholarshipApplication.fetchOne(db, key: applicationID),
              let round = try ScholarshipRound.fetchOne(db, key: application.roundId), round.siteId == context.site.id else {
            throw KioskError(.notFound, "error.notFound")
        }
        if decision == .awarded, application.decision != .awarded {
            guard application.missing(of: round).isEmpty else {
                throw KioskError(.conflict, "scholarships.decision.documentsMissing", field: "decision")
            }
            let awarded = try ScholarshipApplication.filter(ScholarshipApplication.Columns.roundId == round.id!
                                                            && Column("decision") == ScholarshipApplication.Decision.awarded.rawValue).fetchCount(db)
            guard awarded < round.quota else {
                throw KioskError(.conflict, "scholarships.decision.quotaFull", String(round.quota), field: "decision")
            }
            guard (awarded + 1) * round.award <= round.budget else {
                throw KioskError(.conflict, "scholarships.decision.overBudget", String(round.budget), field: "decision")
            }
        }
        application.decision = decision
        application.decidedBy = context.staffUsername
        application.decidedAt = context.at
        application.decisionReason = reason
        try application.update(db)
    }

    /// The decision letter to the guardian, printable: the child, the round, the decision and the amount.
    static func letter(_ applicationID: Int64, _ context: AdminReadContext, _ db: Database) throws -> AdminFile {
        guard let application = try ScholarshipApplication.fetchOne(db, key: applicationID), let decision = application.decision,
              let round = try ScholarshipRound.fetchOne(db, key: application.roundId), round.siteId == context.site.id,
              let child = try application.childId.flatMap({ try FamilyDirectory.child($0, db) }) else { throw KioskError(.notFound, "scholarships.decision.none") }
        let guardian = try FamilyDirectory.firstGuardians(ofFamilies: [child.familyId], db)[child.familyId]?.fullName ?? ""
        let body = decision == .awarded
            ? "Hội đồng xét học bổng trân trọng thông báo: em <b>\(HTML.escape(child.fullName))</b> được nhận "
              + "«\(HTML.escape(round.titleVi))», trị giá <b>\(vnd(round.award)) đồng</b>."
            : "Hội đồng xét học bổng cảm ơn gia đình đã gửi hồ sơ. Đợt \(HTML.escape(round.titleVi)) có \(round.quota) suất, "
              + "và em <b>\(HTML.escape(child.fullName))</b> chưa được nhận học bổng đợt này."
        let html = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>\(HTML.escape(round.titleVi))</title>
            <link rel="stylesheet" href="/assets/css/kiosk.css"></head><body class="admin"><main class="letter">
            <p>\(HTML.escape(context.site.name)), ngày \(application.decidedAt.map { LocalDate($0).display } ?? context.today.display)</p>
            <h1>Thông báo kết quả xét học bổng</h1>
            <p>Kính gửi phụ huynh \(HTML.escape(guardian)),</p><p>\(body)</p>
            <p>Trân trọng,<br>Hội đồng xét học bổng</p></main></body></html>
            """
        return AdminFile(filename: "thong-bao-hoc-bong-\(applicationID).html", contentType: "text/html; charset=utf-8", body: Array(html.utf8), inline: true)
    }

    /// An amount as Vietnamese write it, thousands parted by dots: `2.000.000`.
    static func vnd(_ amount: Int) -> String {
        let digits = Array(String(amount))
        return digits.enumerated().map { index, digit in
            (index > 0 && (digits.count - index) % 3 == 0 ? "." : "") + String(digit)
        }.joined()
    }
}
