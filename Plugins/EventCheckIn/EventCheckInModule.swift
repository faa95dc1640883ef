import Foundation
import KioskCore

/// Event check-in: families register children for an event at the kiosk and get one QR ticket per
/// child; at the gate staff scan tickets (or member cards) and let children in, with a live count.
public struct EventCheckInModule: KioskModule {
    public static let id: ModuleID = "events"
    public static let ticketKind = TicketKind(code: "EV", moduleID: id, title: .key("events.ticket"))

    public var id: ModuleID { Self.id }
    public let title = LocalizedText.key("events.title")
    public let icon = "🎉"

    public init() {}

    public func registerMigrations(in migrator: inout ModuleMigrator) {
        EventMigrations.register(in: &migrator)
    }

    public var flows: [String: any KioskFlow] { ["start": EventFlow()] }

    public var ticketKinds: [TicketKind] { [Self.ticketKind] }

    public func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        try EventGate.judge(scan, db)
    }

    /// Today's events: one gate each (a cancelled one stays, so its tickets scan as cancelled).
    public func stationActivities(_ site: Site, on date: LocalDate, _ db: Database) throws -> [StationActivity] {
        let start = date.start
        return try Event.filter(Event.Columns.siteId == site.id && Event.Columns.startsAt >= DatabaseTimestamp(start)
                                && Event.Columns.startsAt < DatabaseTimestamp(start.addingTimeInterval(86400)))
            .order(Event.Columns.startsAt).fetchAll(db).map(gate(of:))
    }

    /// The gate of one of today's events, found by the event's id (asked on every scan at a gate).
    public func stationActivity(_ key: String, site: Site, on date: LocalDate, _ db: Database) throws -> StationActivity? {
        guard let eventID = EventGate.eventID(ofKey: key), let event = try Event.find(db, id: eventID),
              event.siteId == site.id, event.day == date else { return nil }
        return gate(of: event)
    }

    private func gate(of event: Event) -> StationActivity {
        StationActivity(moduleID: id, key: event.activityKey,
                        label: "\(event.titleVi) · \(LocalTime.clock(event.startsAt))\(event.cancelledAt == nil ? "" : " ✕")")
    }

    public func stationCounters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] {
        guard let eventID = EventGate.eventID(of: activity), let event = try Event.fetchOne(db, key: eventID) else { return [] }
        let registered = try EventSeats.registeredCount(eventID, db)
        let checkedIn = try Registration.filter(Registration.Columns.eventId == eventID && Registration.Columns.checkedInAt != nil
                                                && Registration.Columns.status == Registration.Status.active.rawValue).fetchCount(db)
        return [
            StationCounter(label: .key("events.count.checkedIn"), value: String(checkedIn)),
            StationCounter(label: .key("events.count.registered"), value: String(registered)),
            StationCounter(label: .key("events.count.capacity"), value: String(event.capacity)),
        ]
    }

    /// Registered children of the station's event by name (a lost ticket).
    public func stationSearch(_ activity: StationActivity, query: String, _ db: Database) throws -> [StationSearchResult] {
        guard let eventID = EventGate.eventID(of: activity), let query = NameQuery(query) else { return [] }
        // The event's registrations first: the search costs what the day's event holds, not the years of names.
        let registrations = try Row.fetchAll(db, sql: """
            SELECT id, childId, checkedInAt FROM events_registration WHERE eventId = ? AND status = 'active'
            """, arguments: [eventID])
        return try query.children(of: registrations, child: { $0["childId"] }, limit: 20, db).map { registration, child in
            let checkedIn = try registration.optionalTimestamp("checkedInAt")
            let birth = child.birthDate.display
            return StationSearchResult(name: child.fullName, detail: checkedIn.map { "\(birth) · ✓ \(LocalTime.clock($0))" } ?? birth,
                                       action: StationOffer(label: .key("events.gate.checkIn"), key: "checkin:\(registration["id"] as Int64)"))
        }
    }

    /// `checkin:<registration>` lets a child in by hand; `walkin:<child>` registers and lets in.
    public func performStationAction(_ key: String, _ context: StationActionContext, _ db: Database) throws -> ScanVerdict {
        guard let eventID = EventGate.eventID(of: context.activity) else { throw KioskError(.notFound, "events.notFound") }
        let event = try EventSeats.event(eventID, site: context.site, db)
        let parts = key.split(separator: ":")
        guard parts.count == 2, let subject = Int64(parts[1]) else { throw KioskError(.invalidInput, "error.request") }
        switch parts[0] {
        case "checkin":
            guard let registration = try Registration.fetchOne(db, key: subject), registration.eventId == eventID,
                  let child = try FamilyDirectory.child(registration.childId, db) else { throw KioskError(.notFound, "events.notFound") }
            return try EventGate.admit(registration, event: event, childName: child.fullName, at: context.at, staff: context.staffUsername, db)
        case "walkin":
            guard let child = try FamilyDirectory.child(subject, db), child.siteId == context.site.id else {
                throw KioskError(.notFound, "error.family.notFound")
            }
            do {
                _ = try EventSeats.register([child], at: event, walkIn: true, now: context.at, site: context.site, tickets: context.tickets, db)
            } catch let error as KioskError {
                return ScanVerdict(.refused, error.message, name: child.fullName)
            }
            let registration = try EventSeats.activeRegistration(event: eventID, child: child.id!, db)!
            return try EventGate.admit(registration, event: event, childName: child.fullName, at: context.at, staff: context.staffUsername, db)
        default:
            throw KioskError(.invalidInput, "error.request")
        }
    }

    public var adminResources: [AdminResource] { [EventAdmin.resource] }

    public func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        let events = try Event.filter(Event.Columns.siteId == site.id! && Event.Columns.cancelledAt == nil).fetchAll(db)
            .filter { (from...to).contains($0.day) }
        let ids = events.compactMap(\.id)
        let registrations = try Registration.filter(ids.contains(Registration.Columns.eventId)
                                                    && Registration.Columns.status == Registration.Status.active.rawValue).fetchAll(db)
        return [
            ReportFigure(name: "events_held", label: .key("events.report.held"), value: events.count),
            ReportFigure(name: "children_registered", label: .key("events.report.registered"), value: registrations.count),
            ReportFigure(name: "event_attendance", label: .key("events.report.attended"), value: registrations.filter { $0.checkedInAt != nil }.count),
            ReportFigure(name: "walk_ins", label: .key("events.report.walkIns"), value: registrations.filter(\.walkIn).count),
        ]
    }

    public func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.titleVi, e.startsAt, r.status, r.registeredAt, r.checkedInAt FROM events_registration r
            JOIN events_event e ON e.id = r.eventId WHERE r.childId = ? ORDER BY r.id
            """, arguments: [childID])
        return [ExportSection(title: "registrations", rows: try rows.map { row in
            ["event": row["titleVi"], "startsAt": LocalTime.display(try row.timestamp("startsAt")), "status": row["status"],
             "registeredAt": LocalTime.display(try row.timestamp("registeredAt")),
             "checkedInAt": (try row.optionalTimestamp("checkedInAt")).map(LocalTime.display) ?? ""]
        })]
    }

    public func seedDemo(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        try EventDemo.seed(site, context, db)
    }
}
