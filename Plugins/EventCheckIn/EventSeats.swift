import Foundation
import KioskCore

/// Places at events: registering children within the capacity, cancelling, counting. Every method
/// runs inside the caller's write transaction, which SQLite serializes, so concurrent requests for
/// the last seats get exactly the seats left.
enum EventSeats {
    /// The event, if it belongs to the site.
    static func event(_ id: Int64, site: Site, _ db: Database) throws -> Event {
        guard let event = try Event.fetchOne(db, key: id), event.siteId == site.id else {
            throw KioskError(.notFound, "events.notFound")
        }
        return event
    }

    /// Live registrations of an event.
    static func registeredCount(_ eventID: Int64, _ db: Database) throws -> Int {
        try Registration.filter(Registration.Columns.eventId == eventID && Registration.Columns.status == Registration.Status.active.rawValue)
            .fetchCount(db)
    }

    /// Seats still free.
    static func seatsLeft(_ event: Event, _ db: Database) throws -> Int {
        max(0, event.capacity - (try registeredCount(event.id!, db)))
    }

    /// The child's live registration for the event, if any.
    static func activeRegistration(event eventID: Int64, child childID: Int64, _ db: Database) throws -> Registration? {
        try Registration.filter(Registration.Columns.eventId == eventID && Registration.Columns.childId == childID
                                && Registration.Columns.status == Registration.Status.active.rawValue).fetchOne(db)
    }

    /// Registers children and returns one ticket per child. A child already registered keeps the
    /// ticket they have; new places are refused together when fewer seats are left than asked for.
    static func register(_ children: [Child], at event: Event, walkIn: Bool, now: Date, site: Site, tickets: TicketIssuer,
                         _ db: Database) throws -> [(child: Child, token: TicketToken)] {
        guard event.cancelledAt == nil, now < event.endsAt else { throw KioskError(.unavailable, "events.closed") }
        if !walkIn, !event.isOpenForRegistration(at: now) { throw KioskError(.unavailable, "events.closed") }
        var result: [(Child, TicketToken)] = []
        var newcomers: [Child] = []
        for child in children {
            guard child.mayRegister else { throw KioskError(.forbidden, "error.consent.withdrawn") }
            guard event.admits(birthDate: child.birthDate) else {
                throw KioskError(.invalidInput, "events.age", child.fullName, String(event.minAge), String(event.maxAge))
            }
            if let existing = try activeRegistration(event: event.id!, child: child.id!, db),
               let token = try tickets.existing(EventCheckInModule.ticketKind, subjectID: existing.id!, site: site, db) {
                result.append((child, token))
            } else {
                newcomers.append(child)
            }
        }
        let left = try seatsLeft(event, db)
        guard newcomers.count <= left else { throw KioskError(.conflict, "events.full", String(left)) }
        for child in newcomers {
            var registration = Registration(eventId: event.id!, childId: child.id!, status: .active, registeredAt: now,
                                            inside: false, walkIn: walkIn)
            try registration.insert(db)
            let token = try tickets.issue(EventCheckInModule.ticketKind, site: site, subjectID: registration.id!, childId: child.id, db)
            result.append((child, token))
        }
        return result
    }

    /// Cancels a family's registration: the seat is free again and the ticket scans as cancelled.
    static func cancel(_ registrationID: Int64, familyID: Int64, now: Date, tickets: TicketIssuer, _ db: Database) throws {
        guard var registration = try Registration.fetchOne(db, key: registrationID), registration.status == .active,
              let child = try FamilyDirectory.child(registration.childId, db), child.familyId == familyID else {
            throw KioskError(.notFound, "events.notFound")
        }
        registration.status = .cancelled
        registration.cancelledAt = now
        try registration.update(db)
        try tickets.revoke(EventCheckInModule.ticketKind, subjectID: registrationID, db)
    }
}
