import Foundation
import GRDB
import KioskCore
import KioskTesting
import Testing

/// Instants are stored as the text GRDB writes for a `Date`, but converted by arithmetic: GRDB's own
/// conversion (DateFormatter, Calendar) is the reference.
@Suite struct DatabaseTimestampTests {
    /// Instants before and after 1970, with milliseconds and odd microseconds.
    static let instants: [Double] = {
        let edges: [Double] = [0, 0.001, -0.001, 1_795_395_900.25, 1_795_395_900.123_456, -34_559_999.5, 4_102_444_799.999]
        return edges + (0..<2000).map { 1_000_000_000 + Double($0) * 987_654.321_987 }
    }()

    @Test func theTextIsTheTextGRDBWrites() {
        for seconds in Self.instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(DatabaseTimestamp(date).databaseValue == date.databaseValue, "\(seconds)")
        }
    }

    @Test func theTextReadsBackToTheSameMillisecondAndTheSameText() throws {
        for seconds in Self.instants {
            let stored = DatabaseTimestamp(Date(timeIntervalSince1970: seconds))
            let read = try #require(DatabaseTimestamp.fromDatabaseValue(stored.databaseValue))
            #expect(read.text == stored.text)
            #expect(abs(read.date.timeIntervalSince1970 - seconds) < 0.001)
            let grdb = try #require(Date.fromDatabaseValue(stored.databaseValue))
            #expect(abs(read.date.timeIntervalSince(grdb)) < 0.000_001)
        }
    }

    @Test func otherFormsAreLeftToGRDBAndNonDatesAreRefused() {
        let noon = Date(timeIntervalSince1970: 1_795_435_200)  // 2026-11-23 12:00 UTC
        #expect(DatabaseTimestamp.fromDatabaseValue("2026-11-23 12:00".databaseValue)?.date == noon)
        #expect(DatabaseTimestamp.fromDatabaseValue("2026-11-23T12:00:00".databaseValue)?.date == noon)
        #expect(DatabaseTimestamp.fromDatabaseValue("2026-11-23".databaseValue)?.date == noon.addingTimeInterval(-12 * 3600))
        #expect(DatabaseTimestamp.fromDatabaseValue(1_795_435_200.databaseValue)?.date == noon)
        #expect(DatabaseTimestamp.fromDatabaseValue("23/11/2026".databaseValue) == nil)
        #expect(DatabaseTimestamp.fromDatabaseValue("hôm nay".databaseValue) == nil)
        #expect(DatabaseTimestamp.fromDatabaseValue(.null) == nil)
    }

    @Test func recordsWriteAndReadTheirDatesThroughIt() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let at = Date(timeIntervalSince1970: 1_795_395_900.25)
        let entry = AuditEntry(at: at, siteId: kiosk.site.id, actor: "admin", action: "test.timestamp", target: "")
        let (stored, read, written) = try await kiosk.services.database.write { db in
            try entry.insert(db)
            let stored = try String.fetchOne(db, sql: "SELECT at FROM auditEntry WHERE action = 'test.timestamp'")
            let read = try AuditEntry.filter(Column("action") == "test.timestamp").fetchOne(db)
            // A row written by GRDB's own conversion reads the same.
            try db.execute(sql: "UPDATE auditEntry SET at = ? WHERE action = 'test.timestamp'", arguments: [at])
            let written = try AuditEntry.filter(Column("action") == "test.timestamp").fetchOne(db)
            return (stored, read, written)
        }
        #expect(stored == "2026-11-23 01:05:00.250")
        #expect(read?.at == at)
        #expect(written?.at == at)
        guard case .custom = AuditEntry.databaseDateEncodingStrategy(for: "at"),
              case .custom = AuditEntry.databaseDateDecodingStrategy(for: "at") else {
            Issue.record("records do not convert dates through DatabaseTimestamp")
            return
        }
    }
}
