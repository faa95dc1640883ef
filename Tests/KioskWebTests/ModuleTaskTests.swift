import Foundation
import HummingbirdTesting
import KioskCore
import KioskTesting
import Synchronization
import Testing

/// A module's background tasks run beside the live server, again after one fails, and stop with it.
@Suite struct ModuleTaskTests {
    @Test func theRetentionTaskClearsOldNotesWhileTheServerRuns() async throws {
        let modules: [any KioskModule] = [VisitsModule(retentionInterval: .milliseconds(50))]
        let kiosk = try await TestKiosk.make(modules: modules)
        defer { kiosk.remove() }
        let now = TestKiosk.defaultNow
        let childID = try #require(try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM child") })
        try await kiosk.services.database.write { db in
            for (note, days) in [("cũ", 400.0), ("mới", 10.0)] {
                try db.execute(sql: "INSERT INTO visits_visit (childId, note, checkedInAt) VALUES (?, ?, ?)",
                               arguments: [childID, note, DatabaseTimestamp(now.addingTimeInterval(-days * 86400))])
            }
        }
        let notes = { @Sendable in try await kiosk.services.database.read { db in try String.fetchAll(db, sql: "SELECT note FROM visits_visit ORDER BY id") } }
        try await kiosk.application().test(.live) { _ in
            for _ in 0..<100 where try await notes() != ["", "mới"] { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(try await notes() == ["", "mới"])
    }

    @Test func aFailedRunIsTriedAgainAndTheTaskStopsWithTheServer() async throws {
        struct Ticker: KioskModule {
            let id: ModuleID = "ticker"
            let title = LocalizedText.literal(vi: "x")
            let icon = "x"
            let runs: Counter
            var backgroundTasks: [ModuleTask] {
                [ModuleTask(name: "ticker/tick", every: .milliseconds(20)) { [runs] _ in
                    if runs.add() == 1 { throw KioskError(.unavailable, "error.internal") }
                }]
            }
        }
        let runs = Counter()
        let kiosk = try await TestKiosk.make(modules: [VisitsModule(), Ticker(runs: runs)])
        defer { kiosk.remove() }
        try await kiosk.application().test(.live) { _ in
            for _ in 0..<100 where runs.value < 3 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(runs.value >= 3)
        let stopped = runs.value
        try await Task.sleep(for: .milliseconds(200))
        #expect(runs.value == stopped)
    }
}

/// A count shared with a task.
final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    /// Adds one and returns the new count.
    func add() -> Int { count.withLock { $0 += 1; return $0 } }
}
