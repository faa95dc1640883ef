import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

@Suite struct WALCheckpointerTests {
    /// The writer never checkpoints while the service runs; the background checkpointer copies the
    /// log into the database file. Read here from a copy of that file alone, without its log.
    @Test func aRegisteredFamilyReachesTheDatabaseFileWhileTheServiceRuns() async throws {
        try await withLiveKiosk { kiosk, client in
            // Right after start, the schema itself may still be only in the log.
            #expect((try? childrenInDatabaseFile(kiosk, named: "Phạm Minh Khôi")) ?? 0 == 0)
            try await registerFamily(Visitor(client))
            var found = 0
            for _ in 0..<100 where found == 0 {
                try await Task.sleep(for: .milliseconds(50))
                // A copy taken while a checkpoint writes may be torn: try again.
                found = (try? childrenInDatabaseFile(kiosk, named: "Phạm Minh Khôi")) ?? 0
            }
            #expect(found == 1)
        }
    }

    private func childrenInDatabaseFile(_ kiosk: TestKiosk, named name: String) throws -> Int {
        let copy = kiosk.directory.appendingPathComponent("copy-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) }
        }
        try FileManager.default.copyItem(atPath: kiosk.databasePath, toPath: copy.path)
        return try DatabaseQueue(path: copy.path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child WHERE fullName = ?", arguments: [name]) ?? 0
        }
    }
}
