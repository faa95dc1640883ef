import Foundation
import KioskCore

/// The gate: judges event tickets and member cards at a station set to an event, records each
/// entry (and exit, where re-entry is allowed) inside the scan's durable transaction.
enum EventGate {
    static func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        let isEventTicket = scan.ticket.kind == EventCheckInModule.ticketKind.code
        let stationEventID = scan.activity.flatMap(eventID(of:))
        if isEventTicket {
            guard let registration = try Registration.find(db, id: scan.ticket.subjectID),
                  let event = try Event.find(db, id: registration.eventId),
                  let name = try Child.fullName(db, id: registration.childId) else { return .refused("scan.forged") }
            guard let stationEventID else {
                return ScanVerdict(.warning, .key("events.gate.chooseEvent"), name: name, detail: event.title)
            }
            guard stationEventID == event.id else {
                return ScanVerdict(.refused, .key("events.gate.otherEvent"), name: name,
                                   detail: .key("events.gate.ticketFor", event.titleVi, LocalTime.display(event.startsAt)))
            }
            return try admit(registration, event: event, childName: name, at: scan.at, staff: scan.staffUsername, db)
        }
        // A member card at an event gate: the child's registration for that event, if any.
        guard scan.ticket.kind == TicketKind.memberCard.code, let stationEventID, let childID = scan.ticket.childId,
              let child = try FamilyDirectory.child(childID, db), let event = try Event.fetchOne(db, key: stationEventID) else { return nil }
        if let registration = try EventSeats.activeRegistration(event: stationEventID, child: childID, db) {
            return try admit(registration, event: event, childName: child.fullName, at: scan.at, staff: scan.staffUsername, db)
        }
        let left = try EventSeats.seatsLeft(event, db)
        let canWalkIn = left > 0 && event.cancelledAt == nil && event.admits(birthDate: child.birthDate) && child.mayRegister
        return ScanVerdict(.refused, .key("events.gate.notRegistered"), name: child.fullName,
                           detail: canWalkIn ? .key("events.gate.seatsLeft", String(left)) : nil,
                           offer: canWalkIn ? StationOffer(label: .key("events.gate.walkIn"), key: "walkin:\(childID)") : nil)
    }

    /// Lets a registered child in (or out, on a re-entry event), or says why not.
    static func admit(_ registration: Registration, event: Event, childName: String, at now: Date, staff: String,
                      _ db: Database) throws -> ScanVerdict {
        guard event.cancelledAt == nil else { return ScanVerdict(.refused, .key("events.gate.eventCancelled"), name: childName) }
        guard registration.status == .active else { return ScanVerdict(.refused, .key("scan.revoked"), name: childName) }
        guard LocalDate(now) == event.day else {
            return ScanVerdict(.refused, .key("events.gate.notToday"), name: childName, detail: .literal(vi: event.day.display))
        }
        guard now >= event.checkInOpensAt else {
            return ScanVerdict(.refused, .key("events.gate.tooEarly"), name: childName,
                               detail: .key("events.gate.opensAt", LocalTime.clock(event.checkInOpensAt)))
        }
        guard now < event.endsAt else { return ScanVerdict(.refused, .key("events.gate.over"), name: childName) }
        var registration = registration
        if let first = registration.checkedInAt {
            guard event.reentry else {
                return ScanVerdict(.warning, .key("events.gate.already"), name: childName,
                                   detail: .key("events.gate.cameAt", LocalTime.clock(first)))
            }
            registration.inside.toggle()
            try record(registration, at: now, staff: staff, db)
            return registration.inside
                ? ScanVerdict(.accepted, .key("events.gate.welcomeBack"), name: childName)
                : ScanVerdict(.warning, .key("events.gate.exit"), name: childName, detail: .key("events.gate.cameAt", LocalTime.clock(first)))
        }
        registration.checkedInAt = now
        registration.inside = true
        try record(registration, at: now, staff: staff, db)
        return ScanVerdict(.accepted, .key("events.gate.welcome"), name: childName)
    }

    /// Writes a pass through the gate: the registration's state and the pass itself, with statements
    /// prepared once (every accepted scan at a crowded gate runs them).
    private static func record(_ registration: Registration, at now: Date, staff: String, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE \(Registration.databaseTableName) SET checkedInAt = ?, inside = ? WHERE id = ?")
            .execute(arguments: [registration.checkedInAt.map(DatabaseTimestamp.init), registration.inside, registration.id])
        try db.cachedStatement(sql: "INSERT INTO \(GatePass.databaseTableName) (registrationId, at, direction, staff) VALUES (?, ?, ?, ?)")
            .execute(arguments: [registration.id, DatabaseTimestamp(now), registration.inside ? "in" : "out", staff])
    }

    /// The event of a station activity of this module.
    static func eventID(of activity: StationActivity) -> Int64? {
        activity.moduleID == EventCheckInModule.id ? eventID(ofKey: activity.key) : nil
    }

    /// The event of an activity key (`event:12`).
    static func eventID(ofKey key: String) -> Int64? {
        key.hasPrefix("event:") ? Int64(key.dropFirst("event:".count)) : nil
    }
}
