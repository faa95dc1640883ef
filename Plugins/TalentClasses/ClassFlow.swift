import Foundation
import KioskCore

/// At the kiosk: pick a child, see the classes of the open periods that fit the child's age (seats
/// left, fee, clashes with the child's other classes marked), enrol or join the waitlist, and leave
/// with the enrolment ticket. "My classes" shows each place again, to print or withdraw.
struct ClassFlow: KioskFlow {
    /// The keys of what the flow keeps between its screens: the child and the class chosen.
    private enum State {
        static let child = "child", talentClass = "class"
    }

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let children = try await context.database.read { db in
            try FamilyDirectory.children(ofFamily: familyID, db).filter(\.mayRegister)
        }
        if children.count == 1 { return try await classes(childID: children[0].id!, &context) }
        let today = context.clock.today
        return KioskScreen(title: .key("classes.title"), intro: [.key("classes.pickChild")], content: .choices(children.map {
            Choice(.literal(vi: $0.fullName), detail: .key("classes.childAge", String($0.age(on: today))), action: "child", id: $0.id!)
        }), actions: [mine, pickup, .home])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        switch (action.name, action.id) {
        case ("child", let childID?): return try await classes(childID: childID, &context)
        case ("class", let classID?): return try await chosen(classID: classID, &context)
        case ("enrol", _): return try await enrol(action.fields, &context)
        case ("mine", _): return try await myClasses(&context)
        case ("enrolment", let enrolmentID?): return try await show(enrolmentID: enrolmentID, &context)
        case ("withdraw", let enrolmentID?): return try await confirmWithdrawal(enrolmentID: enrolmentID, &context)
        case ("withdrawConfirmed", let enrolmentID?): return try await withdraw(enrolmentID: enrolmentID, &context)
        default: return try await start(&context)
        }
    }

    // MARK: Choosing a class

    private func classes(childID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let site = context.site, today = context.clock.today
        let (child, offers) = try await context.database.read { db in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            return (child, try ClassOffer.offers(for: child, site: site, today: today, db))
        }
        context.state[State.child] = childID
        guard !offers.isEmpty else {
            return .message(.key("classes.title"), .key("classes.none", child.fullName), actions: [mine, .home])
        }
        return KioskScreen(title: .key("classes.forChild", child.fullName), intro: [.key("classes.intro")],
                           content: .choices(offers.map { Choice($0.talentClass.title, detail: $0.summary, action: "class",
                                                                 id: $0.talentClass.id!) }),
                           actions: [mine, pickup, .home])
    }

    private func chosen(classID: Int64, _ context: inout FlowContext, error: KioskError? = nil) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        guard let childID = context.state[State.child, as: Int64.self] else { return try await start(&context) }
        let site = context.site, today = context.clock.today
        let (child, offer, existing) = try await context.database.read { db in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            let talentClass = try ClassSeats.talentClass(classID, site: site, db)
            return (child, try ClassOffer(talentClass, child: child, today: today, db),
                    try ClassSeats.liveEnrolment(class: classID, child: childID, db))
        }
        if let existing { return try await show(enrolmentID: existing.id!, &context) }
        context.state[State.talentClass] = classID
        let talentClass = offer.talentClass
        var fields: [FormField] = []
        if talentClass.feeVND > 0, talentClass.waiverOffered {
            fields.append(FormField("hardship", .key("classes.hardship.label"), .checkbox(.key("classes.hardship.ask")), required: false))
        }
        let submit = offer.seatsLeft > 0 ? "classes.enrol" : "classes.joinWaitlist"
        var form = FormSpec(fields: fields, submit: ScreenAction(.key(submit), .submit(name: "enrol", value: ""), style: .primary))
        if let error { form = form.showing(error) }
        return KioskScreen(title: talentClass.title, intro: [.literal(vi: child.fullName)] + offer.details, content: .form(form),
                           actions: [back(childID), .home])
    }

    private func enrol(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        guard let childID = context.state[State.child, as: Int64.self],
              let classID = context.state[State.talentClass, as: Int64.self] else { return try await start(&context) }
        let seats = SeatContext(context), hardship = fields.isTicked("hardship")
        do {
            let enrolment = try await context.database.write { db in
                let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
                let talentClass = try ClassSeats.talentClass(classID, site: seats.site, db)
                return try ClassSeats.enrol(child, in: talentClass, hardship: hardship, context: seats, db)
            }
            return try await show(enrolmentID: enrolment.id!, &context)
        } catch let error as KioskError where error.kind != .notFound {
            return try await chosen(classID: classID, &context, error: error)
        }
    }

    // MARK: The family's places

    private func myClasses(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let choices = try await context.database.read { db in
            try ClassPlace.all(familyID: familyID, db).map { place in
                Choice(.literal(vi: "\(place.childName) — \(place.talentClass.titleVi)",
                                en: "\(place.childName) — \(place.talentClass.titleEn.isEmpty ? place.talentClass.titleVi : place.talentClass.titleEn)"),
                       detail: place.state, action: "enrolment", id: place.enrolment.id!)
            }
        }
        guard !choices.isEmpty else { return .message(.key("classes.mine"), .key("classes.mineNone"), actions: [back(nil), .home]) }
        return KioskScreen(title: .key("classes.mine"), intro: [.key("classes.mineIntro")], content: .choices(choices),
                           actions: [pickup, back(nil), .home])
    }

    /// One place: the ticket of an enrolled child, or the waitlist position; with a withdraw button.
    private func show(enrolmentID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let site = context.site, tickets = context.tickets
        let (place, token) = try await context.database.read { db in
            let place = try ClassPlace(try ClassSeats.familyEnrolment(enrolmentID, familyID: familyID, db), db)
            return (place, try tickets.existing(TalentClassesModule.ticketKind, subjectID: enrolmentID, site: site, db))
        }
        let withdraw = ScreenAction(.key("classes.withdraw"), .submit(name: "withdraw", value: String(enrolmentID)), style: .danger)
        let talentClass = place.talentClass
        guard place.enrolment.status == .enrolled, let token else {
            return KioskScreen(title: talentClass.title, intro: [.literal(vi: place.childName)],
                               content: .message(Message(place.state, style: .success)), actions: [withdraw, mine, .home])
        }
        let card = TicketCard(token: token.description, holder: place.childName, title: talentClass.title,
                              detail: .joined([talentClass.schedule.weeklyText, .literal(vi: talentClass.room)]))
        return KioskScreen(title: .key("classes.enrolled", place.childName), intro: [place.state], content: .tickets([card]),
                           actions: [ScreenAction(.key("action.print"), .print, style: .primary), withdraw, mine, .home])
    }

    private func confirmWithdrawal(enrolmentID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let place = try await context.database.read { db in
            try ClassPlace(try ClassSeats.familyEnrolment(enrolmentID, familyID: familyID, db), db)
        }
        return KioskScreen(title: .key("classes.withdrawTitle"), content: .confirm(Confirmation(lines: [
            (.key("classes.child"), place.childName), (.key("classes.class"), place.talentClass.titleVi),
        ], confirm: ScreenAction(.key("classes.withdrawConfirm"), .submit(name: "withdrawConfirmed", value: String(enrolmentID)), style: .danger))),
        actions: [mine, .home])
    }

    private func withdraw(enrolmentID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let seats = SeatContext(context)
        try await context.database.write { db in
            try ClassSeats.withdraw(try ClassSeats.familyEnrolment(enrolmentID, familyID: familyID, db), context: seats, db)
        }
        return .message(.key("classes.mine"), .key("classes.withdrawn"), style: .success, actions: [mine, .home])
    }

    private var mine: ScreenAction { ScreenAction(.key("classes.mine"), .submit(name: "mine", value: "")) }
    private var pickup: ScreenAction { ScreenAction(.key("classes.pickup.title"), .flow(TalentClassesModule.id, "pickup")) }
    private func back(_ childID: Int64?) -> ScreenAction {
        ScreenAction(.key("action.back"), childID.map { .submit(name: "child", value: String($0)) } ?? .submit(name: "start", value: ""))
    }
}
