import Foundation
import GRDB
import KioskCore
import KioskTesting
import Testing

@Suite struct EraseCheckpointTests {
    @Test func anErasureSucceedsWhileAnotherConnectionCheckpoints() async throws {
        // Given a database whose WAL another connection copies all the time, as the WALCheckpointer does
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let database = kiosk.services.database
        let checkpointer = try DatabaseQueue(path: kiosk.databasePath, configuration: AppDatabase.configuration())
        let stop = StopFlag()
        // A thread of its own: a loop like this on the test's task pool would starve the other tests.
        let copying = Thread {
            while !stop.isSet {
                _ = try? checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
        }
        copying.start()
        defer { stop.set() }
        // When thirty families are erased meanwhile (each with writes that leave the WAL to copy)
        for n in 0..<30 {
            let guardian = try GuardianInput(fields: ["guardianName": "Phụ Huynh \(n)", "phone": "09876500\(String(format: "%02d", n))", "relationship": "mother"])
            let child = try ChildInput(fullName: "Con \(n)", birthDate: LocalDate(iso: "2016-03-04"), school: "TH", grade: "4",
                                       today: kiosk.services.clock.today)
            let ids = try await database.registerFamily(site: kiosk.site, guardian: guardian, child: child,
                                                        consent: ConsentInput(guardianAgreed: true, childAgreed: true, kiosk: "k"),
                                                        tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
            // Then every erasure that committed says so (none answers with SQLITE_BUSY)
            try await database.eraseFamily(familyID: ids.familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                           actor: "test", at: TestKiosk.defaultNow)
        }
        let left = try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM family")! }
        #expect(left == 1)  // the demo family
    }
}

/// A flag one task sets and another reads.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
