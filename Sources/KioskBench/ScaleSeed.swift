import EventCheckIn
import Foundation
import KioskCore
import KioskWeb
import TalentClasses

/// Seeds the demo site with `families` families and five years of their classes and events, written
/// straight to the database in a few transactions with the columns, search index rows and tickets the
/// service writes. At 100,000 families: about 165,000 children, 2,300 past classes with 380,000
/// attendance marks, 300 past events and 650,000 tickets. The last `spared` families are in neither
/// today's class nor today's event, so that erasing them leaves those as they were.
enum ScaleSeed {
    struct Seeded: Sendable {
        let families: ScaleFamilies
        let classes: ScaleClasses
        let events: ScaleEvents
        let tickets: Int
        let seconds: Double

        /// The seed's shape on one line.
        var summary: String {
            "\(families.families.count) families, \(families.children.count) children, \(families.guardians) guardians, "
                + "\(classes.classes) classes (\(classes.sessions) sessions, \(classes.marks) marks), "
                + "\(events.events) events (\(events.registrations) registrations), \(tickets) tickets"
        }
    }

    static func seed(state: URL, assets: String, families count: Int, spared: Int) async throws -> Seeded {
        let clock = ContinuousClock()
        let started = clock.now
        let configuration = KioskConfiguration(stateDirectory: state, assetsDirectory: URL(fileURLWithPath: assets))
        let services = try await KioskServices(configuration: configuration, modules: [EventCheckInModule(), TalentClassesModule()])
        try await DemoData.seedIfEmpty(services)
        let site = try await services.database.site(code: DemoData.siteCode)
        let now = services.clock.now
        let tickets = services.tickets
        let database = services.database
        // Only for the seed's connection: the ticket ids are random, so their index is written all over.
        _ = try await database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -131072") }
        let families = try await database.write { db in try ScaleFamilies.insert(count, site: site, now: now, tickets: tickets, db) }
        let todayAmong = families.families[max(0, count - spared)].firstChild
        let classes = try await database.write { db in
            try ScaleClasses.insert(Int((2290 * Double(count) / 100_000).rounded()), todayCount: 25, todayAmong: todayAmong, families: families,
                                    site: site, now: now, tickets: tickets, db)
        }
        let eventCount = max(2, Int((300 * Double(count) / 100_000).rounded()))
        let events = try await database.write { db in
            try ScaleEvents.insert(eventCount, perEvent: families.children.count * 19 / 10 / eventCount, todayCount: 300, todayAmong: todayAmong,
                                   families: families, site: site, now: now, tickets: tickets, db)
        }
        let ticketCount = try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket") ?? 0 }
        // As in EventGateSeed: a kiosk box in use keeps its WAL small, so the server starts on a checkpointed file.
        _ = try await database.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        let elapsed = (clock.now - started).components
        return Seeded(families: families, classes: classes, events: events, tickets: ticketCount,
                      seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}
