import Foundation
import KioskCore

/// At the kiosk: the upcoming events with seats left; choose one, tick the children (siblings in
/// one step; a lone child who may go is ticked already), get one ticket per child. A child already registered gets the same ticket again.
/// "My tickets" lists the family's places, each of which can be cancelled to free the seat.
struct EventFlow: KioskFlow {
    /// The state's key for the event the family chose.
    private static let chosenEvent = "event"
    /// The checklist of the children going.
    private static let children = "children"

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let siteID = context.site.id!
        let now = context.clock.now
        let events = try await context.database.read { db in
            try Event.filter(Event.Columns.siteId == siteID && Event.Columns.cancelledAt == nil && Event.Columns.endsAt > DatabaseTimestamp(now))
                .order(Event.Columns.startsAt).fetchAll(db)
                .filter { $0.isOpenForRegistration(at: now) }
                .map { ($0, try EventSeats.seatsLeft($0, db)) }
        }
        guard !events.isEmpty else {
            return .message(.key("events.title"), .key("events.none"), actions: [mine, .home])
        }
        return KioskScreen(title: .key("events.title"), intro: [.key("events.intro")], content: .choices(events.map { event, left in
            Choice(event.title,
                   detail: left > 0 ? .key("events.choice", event.whenAndWhere, String(left), String(event.minAge), String(event.maxAge))
                                    : .key("events.choiceFull", event.whenAndWhere),
                   action: "event", id: event.id!, disabled: left == 0)
        }), actions: [mine, .home])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        switch (action.name, action.id) {
        case ("event", let eventID?): return try await chooseChildren(eventID: eventID, &context)
        case ("register", _): return try await register(action.fields, &context)
        case ("mine", _): return try await myTickets(&context)
        case ("cancel", let registrationID?): return try await cancel(registrationID, &context)
        default: return try await start(&context)
        }
    }

    // MARK: Steps

    private func chooseChildren(eventID: Int64, _ context: inout FlowContext, error: KioskError? = nil) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let site = context.site
        let (event, children) = try await context.database.read { db in
            (try EventSeats.event(eventID, site: site, db),
             try FamilyDirectory.children(ofFamily: familyID, db))
        }
        context.state[Self.chosenEvent] = eventID
        let eligible = children.filter { event.admits(birthDate: $0.birthDate) && $0.mayRegister }
        let others = children.filter { !eligible.contains($0) }
        guard !eligible.isEmpty else {
            return .message(event.title, .key("events.noEligible", String(event.minAge), String(event.maxAge)), actions: [back, .home])
        }
        // Ticked already: the only child who may go (the family chose the event for them), or the
        // child whose card was scanned.
        let scanned = context.scannedChildID
        let ticked = eligible.filter { eligible.count == 1 || $0.id == scanned }.map { String($0.id!) }
        let options = eligible.map { child in
            FieldOption(id: child.id!, .joined([.literal(vi: child.fullName), .key("events.childAge", String(child.age(on: event.day)))]))
        }
        var form = FormSpec(fields: [
            FormField(Self.children, .key("events.children"), .checklist(options), values: ticked, required: false),
        ], submit: ScreenAction(.key("events.register"), .submit(name: "register", value: ""), style: .primary))
        if let error { form = form.showing(error) }
        let intro: [LocalizedText] = [.literal(vi: event.whenAndWhere), .key("events.pickChildren")]
            + others.map { LocalizedText.key("events.notEligible", $0.fullName) }
        return KioskScreen(title: event.title, intro: intro, content: .form(form), actions: [back, .home])
    }

    private func register(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        guard let eventID = context.state[Self.chosenEvent, as: Int64.self] else { return try await start(&context) }
        let chosen = fields.ids(Self.children)
        guard !chosen.isEmpty else {
            return try await chooseChildren(eventID: eventID, &context, error: KioskError(.invalidInput, "events.pickOne"))
        }
        let site = context.site, tickets = context.tickets, now = context.clock.now
        do {
            let issued = try await context.database.write { db -> ([(String, String)], Event) in
                let event = try EventSeats.event(eventID, site: site, db)
                let children = try chosen.map { try AppDatabase.childForRegistration($0, familyID: familyID, db) }
                let issued = try EventSeats.register(children, at: event, walkIn: false, now: now, site: site, tickets: tickets, db)
                return (issued.map { ($0.child.fullName, $0.token.description) }, event)
            }
            let event = issued.1
            return KioskScreen(title: .key("events.done"), intro: [event.title, .literal(vi: event.whenAndWhere)],
                               content: .tickets(issued.0.map { TicketCard(token: $0.1, holder: $0.0, title: event.title,
                                                                           detail: .literal(vi: event.whenAndWhere)) }),
                               actions: [ScreenAction(.key("action.print"), .print, style: .primary), .home])
        } catch let error as KioskError {
            return try await chooseChildren(eventID: eventID, &context, error: error)
        }
    }

    private func myTickets(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let now = context.clock.now
        let choices = try await context.database.read { db in
            let names = Dictionary(uniqueKeysWithValues: try FamilyDirectory.children(ofFamily: familyID, db).map { ($0.id!, $0.fullName) })
            let registrations = try Registration.filter(names.keys.contains(Registration.Columns.childId)
                                                        && Registration.Columns.status == Registration.Status.active.rawValue).fetchAll(db)
            let events = Dictionary(uniqueKeysWithValues: try Event.fetchAll(db, keys: Set(registrations.map(\.eventId))).map { ($0.id!, $0) })
            let coming = registrations.compactMap { registration in
                events[registration.eventId].map { (registration, $0, names[registration.childId] ?? "") }
            }.filter { $0.1.endsAt > now }
            return VietnameseFolding.sortedByName(coming, \.2).sorted { $0.1.startsAt < $1.1.startsAt }.map { registration, event, name in
                Choice(.literal(vi: "\(name) — \(event.titleVi)", en: "\(name) — \(event.titleEn.isEmpty ? event.titleVi : event.titleEn)"),
                       detail: .key("events.cancelChoice", LocalTime.display(event.startsAt)), action: "cancel", id: registration.id!)
            }
        }
        guard !choices.isEmpty else { return .message(.key("events.mine"), .key("events.mineNone"), actions: [back, .home]) }
        return KioskScreen(title: .key("events.mine"), intro: [.key("events.mineIntro")], content: .choices(choices), actions: [back, .home])
    }

    private func cancel(_ registrationID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let now = context.clock.now, tickets = context.tickets
        try await context.database.write { db in
            try EventSeats.cancel(registrationID, familyID: familyID, now: now, tickets: tickets, db)
        }
        return .message(.key("events.mine"), .key("events.cancelled"), style: .success, actions: [back, .home])
    }

    private var mine: ScreenAction { ScreenAction(.key("events.mine"), .submit(name: "mine", value: "")) }
    private var back: ScreenAction { ScreenAction(.key("events.back"), .submit(name: "list", value: "")) }
}
