import Foundation
import KioskCore

/// What a round keeps once its retention has passed (`retentionMonths` after it closes, 12 by
/// default): only the round, the decision and the circumstances ticked, for the reports. Who
/// applied, their words, school and grade, the documents, their photos and the reason of the
/// decision are gone.
/// Runs daily in the service, and as `kiosk scholarships retention`; audited without the data.
enum Retention {
    static let task = ModuleTask(name: "scholarships/retention", every: .seconds(86_400)) { context in
        let today = context.clock.today, now = context.clock.now
        let attachments = context.database.attachments
        let forgotten = try await context.database.write { db -> [(site: Int64, round: Int64, count: Int)] in
            try ScholarshipRound.fetchAll(db).filter { $0.forgottenOn <= today }.compactMap { round in
                let kept = try Int64.fetchAll(db, sql: "SELECT id FROM scholarships_application WHERE roundId = ? AND childId IS NOT NULL",
                                              arguments: [round.id!])
                try DocumentPhotos.delete(ofApplications: kept, attachments: attachments, db)
                try db.execute(sql: """
                    UPDATE scholarships_application SET childId = NULL, note = '', school = '', grade = '', documentsReceived = '[]',
                      decisionReason = NULL WHERE roundId = ? AND childId IS NOT NULL
                    """, arguments: [round.id!])
                return db.changesCount > 0 ? (round.siteId, round.id!, db.changesCount) : nil
            }
        }
        for round in forgotten {
            try await context.database.audit("scholarships.retention", target: "round#\(round.round)", actor: "service", siteID: round.site,
                                             detail: "\(round.count) applications anonymised", at: now)
        }
    }
}
