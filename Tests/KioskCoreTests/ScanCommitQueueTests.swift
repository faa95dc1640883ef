import Foundation
import GRDB
@testable import KioskCore
import KioskTesting
import Testing

@Suite struct ScanCommitQueueTests {
    struct Refused: Error {}

    @Test func concurrentScansGetTheirOwnVerdictAndAFailingOneRollsBackAlone() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let writer = kiosk.services.database.writer
        try await writer.write { db in try db.execute(sql: "CREATE TABLE probe (n INTEGER NOT NULL)") }
        let queue = ScanCommitQueue(writer: writer)

        let outcomes = await withTaskGroup(of: (Int, String?).self) { group in
            for n in 0..<40 {
                group.addTask {
                    let verdict = try? await queue.submit { db in
                        try db.execute(sql: "INSERT INTO probe (n) VALUES (?)", arguments: [n])
                        if n % 3 == 0 { throw Refused() }
                        return ScanVerdict(.accepted, .literal(vi: "\(n)"), name: "\(n)")
                    }
                    return (n, verdict?.name)
                }
            }
            return await group.reduce(into: [Int: String?]()) { $0[$1.0] = $1.1 }
        }

        for n in 0..<40 {
            #expect(outcomes[n] == (n % 3 == 0 ? String?.none : "\(n)"))
        }
        // What was answered is in the file, read by a connection of its own; the failed scans left nothing.
        let stored = try await DatabaseQueue(path: kiosk.databasePath).read { db in try Int.fetchSet(db, sql: "SELECT n FROM probe") }
        #expect(stored == Set((0..<40).filter { $0 % 3 != 0 }))
    }
}
