import EventCheckIn
import Foundation
import KioskCore

/// Five years of events written as the service keeps them: registrations with their tickets (a few
/// cancelled, the ticket revoked), check-ins with their gate passes; and an event whose gate is
/// open now, with children registered and none in yet.
struct ScaleEvents: Sendable {
    var events = 0
    var registrations = 0
    var todayEvent: Int64 = 0

    private static let titles = [
        ("Tết Thiếu nhi 1/6", "Children's Day"), ("Vui Tết Trung thu", "Mid-Autumn Festival"), ("Ngày hội hè", "Summer play day"),
        ("Diễn đàn trẻ em", "Children's forum"), ("Giáng sinh an lành", "Christmas party"), ("Hội xuân", "Spring fair"),
    ]

    /// Writes `count` past events, each with `perEvent` children registered, then today's event with
    /// `todayCount` children drawn among the first `todayAmong` children.
    static func insert(_ count: Int, perEvent: Int, todayCount: Int, todayAmong: Int, families: ScaleFamilies, site: Site, now: Date,
                       tickets: TicketIssuer, _ db: Database) throws -> ScaleEvents {
        var random = ScaleRandom(seed: 2020)
        var writer = ScaleEvents()
        let today = LocalDate(now)
        for number in 0..<count {
            let starts = today.adding(days: -5 * 365 + number * 5 * 365 / count).at(minutes: 8 * 60)
            let (vi, en) = titles[number % titles.count]
            let eventID = try writer.event(vi, en, starts: starts, hours: 3, opens: -30 * 86_400, closes: -86_400, gateMinutes: 60,
                                           capacity: perEvent + 50, site, db)
            for index in random.distinct(perEvent, below: families.children.count) {
                let cancelled = random.chance(0.03)
                let checkedIn = !cancelled && random.chance(0.85) ? starts.addingTimeInterval(Double(Int.random(in: -45..<90, using: &random)) * 60) : nil
                try writer.register(families.children[index].id, eventID: eventID, at: starts.addingTimeInterval(-3 * 86_400), cancelled: cancelled,
                                    checkedIn: checkedIn, site, tickets, db)
            }
        }
        writer.todayEvent = try writer.event("Ngày hội Thiếu nhi (benchmark)", "Children's fair (benchmark)", starts: now.addingTimeInterval(-60),
                                             hours: 6, opens: -86_400, closes: 3600, gateMinutes: 600, capacity: todayCount + 100, site, db)
        for index in random.distinct(todayCount, below: todayAmong) {
            try writer.register(families.children[index].id, eventID: writer.todayEvent, at: now.addingTimeInterval(-3600), cancelled: false,
                                checkedIn: nil, site, tickets, db)
        }
        return writer
    }

    /// An event from `starts`; registration opens and closes `opens` and `closes` seconds from the start.
    private mutating func event(_ vi: String, _ en: String, starts: Date, hours: Double, opens: Double, closes: Double, gateMinutes: Int,
                                capacity: Int, _ site: Site, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO events_event (siteId, titleVi, titleEn, details, venue, startsAt, endsAt, capacity, minAge, maxAge,
              registrationOpensAt, registrationClosesAt, checkInOpensMinutes, reentry)
            VALUES (?, ?, ?, '', 'Sân chính', ?, ?, ?, 3, 15, ?, ?, ?, 0)
            """, arguments: [site.id, vi, en, DatabaseTimestamp(starts), DatabaseTimestamp(starts.addingTimeInterval(hours * 3600)), capacity,
                             DatabaseTimestamp(starts.addingTimeInterval(opens)), DatabaseTimestamp(starts.addingTimeInterval(closes)), gateMinutes])
        events += 1
        return db.lastInsertedRowID
    }

    private mutating func register(_ childID: Int64, eventID: Int64, at registered: Date, cancelled: Bool, checkedIn: Date?, _ site: Site,
                                   _ tickets: TicketIssuer, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO events_registration (eventId, childId, status, registeredAt, cancelledAt, checkedInAt, inside, walkIn)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0)
            """).execute(arguments: [eventID, childID, cancelled ? "cancelled" : "active", DatabaseTimestamp(registered),
                                     cancelled ? DatabaseTimestamp(registered.addingTimeInterval(86_400)) : nil,
                                     checkedIn.map(DatabaseTimestamp.init), checkedIn != nil])
        let registrationID = db.lastInsertedRowID
        registrations += 1
        _ = try tickets.issue(EventCheckInModule.ticketKind, site: site, subjectID: registrationID, childId: childID, db)
        if cancelled { try tickets.revoke(EventCheckInModule.ticketKind, subjectID: registrationID, db) }
        if let checkedIn {
            try db.cachedStatement(sql: "INSERT INTO events_gate_pass (registrationId, at, direction, staff) VALUES (?, ?, 'in', 'staff')")
                .execute(arguments: [registrationID, DatabaseTimestamp(checkedIn)])
        }
    }
}
