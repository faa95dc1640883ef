import Foundation
import KioskTesting
import TalentClasses
import Testing

@Suite struct ClassMigrationTests {
    @Test func erasingAGuardianFindsTheMarksTheyCollectedByAnIndex() async throws {
        // The foreign key's ON DELETE SET NULL looks up `collectedBy = ?` for each guardian erased:
        // with years of attendance marks that must not read the whole table.
        let kiosk = try await TestKiosk.make(modules: [TalentClassesModule()])
        defer { kiosk.remove() }
        let plan = try await kiosk.services.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT rowid FROM classes_attendance WHERE collectedBy = ?", arguments: [1])
                .map { $0["detail"] as String }.joined(separator: " | ")
        }
        #expect(plan.contains("USING COVERING INDEX classes_attendance_on_collectedBy") || plan.contains("USING INDEX classes_attendance_on_collectedBy"),
                "\(plan)")
    }
}
