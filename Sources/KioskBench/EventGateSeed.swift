import EventCheckIn
import Foundation
import KioskCore
import KioskWeb

/// Seeds the demo site with an event whose gate is open now and `count` registered children with
/// their tickets, written straight to the database in one transaction (the kiosk would take hours).
enum EventGateSeed {
    struct Seeded {
        let eventID: Int64
        let tokensFile: String
    }

    static func seed(state: URL, assets: String, count: Int) async throws -> Seeded {
        let configuration = KioskConfiguration(stateDirectory: state, assetsDirectory: URL(fileURLWithPath: assets))
        let services = try await KioskServices(configuration: configuration, modules: [EventCheckInModule()])
        try await DemoData.seedIfEmpty(services)
        let site = try await services.database.site(code: DemoData.siteCode)
        let now = Date()
        let instant = { @Sendable (offset: Double) in DatabaseTimestamp(now.addingTimeInterval(offset)) }
        let created = instant(0)
        let tickets = services.tickets
        let (eventID, tokens) = try await services.database.write { db -> (Int64, [String]) in
            try db.execute(sql: """
                INSERT INTO events_event (siteId, titleVi, titleEn, details, venue, startsAt, endsAt, capacity, minAge, maxAge,
                  registrationOpensAt, registrationClosesAt, checkInOpensMinutes, reentry)
                VALUES (?, 'Tết Thiếu nhi (benchmark)', 'Children''s Day (benchmark)', '', 'Cổng chính', ?, ?, ?, 3, 18, ?, ?, 600, 0)
                """, arguments: [site.id, instant(-60), instant(6 * 3600), count + 10, instant(-86400), instant(3600)])
            let eventID = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO family (siteId, createdAt) VALUES (?, ?)", arguments: [site.id, created])
            let familyID = db.lastInsertedRowID
            var tokens: [String] = []
            tokens.reserveCapacity(count)
            for index in 0..<count {
                try db.execute(sql: """
                    INSERT INTO child (familyId, siteId, fullName, birthDate, school, grade, createdAt)
                    VALUES (?, ?, ?, '2015-06-01', 'TH', '5', ?)
                    """, arguments: [familyID, site.id, "Bé \(index)", created])
                let childID = db.lastInsertedRowID
                try db.execute(sql: """
                    INSERT INTO events_registration (eventId, childId, status, registeredAt, inside, walkIn) VALUES (?, ?, 'active', ?, 0, 0)
                    """, arguments: [eventID, childID, created])
                let token = try tickets.issue(EventCheckInModule.ticketKind, site: site, subjectID: db.lastInsertedRowID, childId: childID, db)
                tokens.append(token.description)
            }
            return (eventID, tokens)
        }
        // One big transaction leaves a big WAL that the server would replay at start; a kiosk box in
        // use keeps it small (SQLite checkpoints every 1,000 pages), so measure the start like that.
        _ = try await services.database.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        let file = state.appendingPathComponent("tokens.txt").path
        try tokens.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return Seeded(eventID: eventID, tokensFile: file)
    }

    /// A file with `count` tokens of `file` after the first `skipping`: the tokens a gate run scanned
    /// (wrk calls the script's `request` once to check it before the run, so the first token is never
    /// sent), or those that no run has scanned yet.
    static func tokens(_ file: String, skipping: Int, count: Int = .max, name: String) throws -> String {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst(skipping).prefix(count)
        let path = file + "." + name
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Children checked in, read from the file after the server was killed.
    static func checkedIn(state: URL, eventID: Int64) throws -> Int {
        let queue = try DatabaseQueue(path: state.appendingPathComponent("kiosk.sqlite").path)
        return try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events_registration WHERE eventId = ? AND checkedInAt IS NOT NULL",
                             arguments: [eventID]) ?? 0
        }
    }
}
