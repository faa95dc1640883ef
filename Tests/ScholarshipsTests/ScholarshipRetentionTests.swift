import Foundation
import KioskTesting
import Scholarships
import Testing

/// A round's applications are kept for its retention months after it closes, then anonymised by
/// the service's daily task, with a moved clock.
@Suite struct ScholarshipRetentionTests {
    @Test func twelveMonthsAfterTheRoundClosesWhoAppliedIsForgottenAndTheAuditSaysOnlyHowMany() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        let family = try await FlowDriver.demoFamily(kiosk, opening: "scholarships")
        try await family.tap("Nguyễn Văn An")
        family.tick("circumstances", option: "Khuyết tật")
        try await family.tap("Tiếp tục")
        family.fill("note", "Con bị khiếm thính từ nhỏ.")
        try await family.tap("Tiếp tục")
        family.tick("consent")
        try await family.tap("Tiếp tục")
        try await family.tap("Con đồng ý")
        let task = try #require(ScholarshipsModule().backgroundTasks.first { $0.name == "scholarships/retention" })
        func kept(_ at: TestKiosk) async throws -> [String] {
            try await at.services.database.read { db in
                try String.fetchAll(db, sql: "SELECT COALESCE(childId, 'none') || ' ' || note || ' ' || circumstances FROM scholarships_application")
            }
        }
        // The round closes on 21/01/2027: on 20/01/2028 the application is still whole; on the 22nd it is not.
        let before = try await kiosk.restarted(modules: [ScholarshipsModule()], now: TestKiosk.defaultNow.addingTimeInterval(424 * 86400))
        try await task.run(ModuleTaskContext(database: before.services.database, clock: before.services.clock))
        #expect(try await kept(before).first?.contains("khiếm thính") == true)
        let after = try await kiosk.restarted(modules: [ScholarshipsModule()], now: TestKiosk.defaultNow.addingTimeInterval(426 * 86400))
        try await task.run(ModuleTaskContext(database: after.services.database, clock: after.services.clock))
        #expect(try await kept(after) == [#"none  ["Khuyết tật"]"#], "the circumstance stays for the reports, nothing of the child")
        let audit = try await after.services.database.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM auditEntry WHERE action = 'scholarships.retention'")
        }
        #expect(audit == ["1 applications anonymised"])
        let status = try await FlowDriver.demoFamily(after, opening: "scholarships", "status")
        #expect(status.texts.contains(status.text(.key("scholarships.status.none"))))
    }
}
