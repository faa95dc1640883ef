import Foundation
import KioskCore

/// Applying at the kiosk, after the family identified: a child and an open round they may apply
/// to, the circumstances as ticks, a few words, school and grade; then the guardian's consent on a
/// screen of its own (never ticked in advance) and, from age 7, the child's own; then the receipt
/// with its QR code and the documents to bring. Nothing is saved before the last consent. A child
/// who applied to the round already gets the same receipt again.
struct ApplyFlow: KioskFlow {
    private enum State {
        static let round = "round", child = "child", circumstances = "circumstances", note = "note", school = "school", grade = "grade"
    }

    /// The longest note a family may write.
    static let noteLength = 500

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let siteID = context.site.id!, today = context.clock.today
        let options = try await context.database.read { db -> [(ScholarshipRound, Child)] in
            let children = try FamilyDirectory.children(ofFamily: familyID, db).filter(\.mayRegister)
            return try ScholarshipRound.open(siteID: siteID, on: today, db).flatMap { round in
                children.filter { round.admits(birthDate: $0.birthDate) }.map { (round, $0) }
            }
        }
        let status = ScreenAction(.key("scholarships.status.title"), .flow(ScholarshipsModule.id, "status"))
        guard !options.isEmpty else { return .message(.key("scholarships.title"), .key("scholarships.apply.noneOpen"), actions: [status, .home]) }
        return KioskScreen(title: .key("scholarships.apply.title"), intro: [.key("scholarships.apply.pick")],
                           content: .choices(options.map { round, child in
                               Choice(.literal(vi: child.fullName), detail: round.title, action: "pick", value: "\(round.id!)-\(child.id!)")
                           }), actions: [status, .home])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        switch action.name {
        case "pick": return try await pick(action.value, &context)
        case "circumstances": return try await circumstances(action.fields, &context)
        case "details": return try await details(action.fields, &context)
        case "consent": return try await guardianConsent(action.fields, &context)
        case "childConsent": return try await childConsent(action.value == "yes", &context)
        default: return try await start(&context)
        }
    }

    /// The round and the child chosen: the receipt again if the child applied already, else the ticks.
    private func pick(_ value: String, _ context: inout FlowContext) async throws -> KioskScreen {
        let ids = value.split(separator: "-").compactMap { Int64($0) }
        guard ids.count == 2 else { return try await start(&context) }
        let (round, child) = try await roundAndChild(ids[0], ids[1], context)
        if let receipt = try await existingReceipt(round, child, context) { return receipt }
        context.state[State.round] = ids[0]
        context.state[State.child] = ids[1]
        return circumstancesScreen(round, child, form: circumstancesForm(round))
    }

    private func circumstances(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        let (round, child) = try await chosen(context)
        let ticked = fields.list("circumstances").filter(round.criteriaList.contains)
        context.state[State.circumstances] = ticked
        return detailsScreen(detailsForm(child: child), child)
    }

    private func details(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        let (_, child) = try await chosen(context)
        do {
            context.state[State.note] = try TextInput.clean(fields["note"], field: "note", maxLength: Self.noteLength, required: false, lines: true)
            context.state[State.school] = try TextInput.clean(fields["school"], field: "school", maxLength: 120)
            context.state[State.grade] = try TextInput.clean(fields["grade"], field: "grade", maxLength: 10)
        } catch let error as KioskError {
            return detailsScreen(detailsForm(child: child).showing(error, values: fields), child)
        }
        return consentScreen(consentForm())
    }

    private func guardianConsent(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        guard fields.isTicked("consent") else {
            return consentScreen(consentForm().showing(KioskError(.invalidInput, "scholarships.consent.needed", field: "consent"), values: fields))
        }
        let (_, child) = try await chosen(context)
        guard child.age(on: context.clock.today) >= ConsentInput.childAskedFromAge else { return try await save(childAgreed: false, &context) }
        return KioskScreen(title: .key("scholarships.childConsent.title", child.fullName.split(separator: " ").last.map(String.init) ?? ""),
                           intro: [.key("scholarships.childConsent.text")],
                           content: .choices([Choice(.key("scholarships.childConsent.yes"), action: "childConsent", value: "yes"),
                                              Choice(.key("scholarships.childConsent.no"), action: "childConsent", value: "no")]),
                           actions: [.home])
    }

    private func childConsent(_ agreed: Bool, _ context: inout FlowContext) async throws -> KioskScreen {
        guard agreed else {
            context.state.removeAll()
            return .message(.key("scholarships.title"), .key("scholarships.childConsent.declined"))
        }
        return try await save(childAgreed: true, &context)
    }

    /// Saves the application, the consents and the receipt in one transaction.
    private func save(childAgreed: Bool, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        guard let roundID = context.state[State.round, as: Int64.self], let childID = context.state[State.child, as: Int64.self],
              let school = context.state[State.school, as: String.self] else { return try await start(&context) }
        let application = ScholarshipApplication(roundId: roundID, childId: childID, appliedAt: context.clock.now,
                                                 circumstances: context.state[State.circumstances, as: [String].self] ?? [],
                                                 note: context.state[State.note, as: String.self] ?? "", school: school,
                                                 grade: context.state[State.grade, as: String.self] ?? "")
        let site = context.site, tickets = context.tickets, kiosk = context.consentKiosk, now = context.clock.now, today = context.clock.today
        let saved = try await context.database.write { db -> (ScholarshipRound, Child, String) in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            guard let round = try ScholarshipRound.fetchOne(db, key: roundID), round.siteId == site.id, round.isOpen(on: today),
                  round.admits(birthDate: child.birthDate) else { throw KioskError(.conflict, "scholarships.apply.closed") }
            if let token = try Self.receipt(round, child, tickets: tickets, site: site, db) { return (round, child, token) }
            var application = application
            try application.insert(db)
            try AppDatabase.recordConsent(ScholarshipsModule.consent, childID: childID, familyID: familyID, givenBy: .guardian, kiosk: kiosk, at: now, db)
            if childAgreed {
                try AppDatabase.recordConsent(ScholarshipsModule.consent, childID: childID, familyID: familyID, givenBy: .child, kiosk: kiosk, at: now, db)
            }
            let token = try tickets.issue(ScholarshipsModule.receipt, site: site, subjectID: application.id!, childId: childID, db)
            return (round, child, token.description)
        }
        context.state.removeAll()
        return receiptScreen(saved.0, saved.1, token: saved.2)
    }

    // MARK: Reading back

    private func roundAndChild(_ roundID: Int64, _ childID: Int64, _ context: FlowContext) async throws -> (ScholarshipRound, Child) {
        let familyID = try context.requireFamily()
        let siteID = context.site.id!
        return try await context.database.read { db in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            guard let round = try ScholarshipRound.fetchOne(db, key: roundID), round.siteId == siteID else {
                throw KioskError(.notFound, "scholarships.apply.closed")
            }
            return (round, child)
        }
    }

    private func chosen(_ context: FlowContext) async throws -> (ScholarshipRound, Child) {
        guard let roundID = context.state[State.round, as: Int64.self], let childID = context.state[State.child, as: Int64.self] else {
            throw KioskError(.invalidInput, "scholarships.apply.again")
        }
        return try await roundAndChild(roundID, childID, context)
    }

    private func existingReceipt(_ round: ScholarshipRound, _ child: Child, _ context: FlowContext) async throws -> KioskScreen? {
        let site = context.site, tickets = context.tickets
        guard let token = try await context.database.read({ db in try Self.receipt(round, child, tickets: tickets, site: site, db) }) else { return nil }
        return receiptScreen(round, child, token: token)
    }

    /// The receipt of the child's application to the round, if there is one.
    private static func receipt(_ round: ScholarshipRound, _ child: Child, tickets: TicketIssuer, site: Site, _ db: Database) throws -> String? {
        guard let application = try ScholarshipApplication.filter(ScholarshipApplication.Columns.roundId == round.id!
                                                                   && ScholarshipApplication.Columns.childId == child.id!).fetchOne(db) else { return nil }
        return try tickets.existing(ScholarshipsModule.receipt, subjectID: application.id!, site: site, db)?.description
    }

    // MARK: Screens

    private func receiptScreen(_ round: ScholarshipRound, _ child: Child, token: String) -> KioskScreen {
        KioskScreen(title: .key("scholarships.receipt"),
                    intro: [.key("scholarships.receipt.bring")] + round.documentList.map { .literal(vi: "• \($0)") },
                    content: .tickets([TicketCard(token: token, holder: child.fullName, title: round.title, detail: .key("scholarships.receipt.detail"))]),
                    actions: [ScreenAction(.key("scholarships.receipt.print"), .print, style: .primary), .home])
    }

    private func circumstancesScreen(_ round: ScholarshipRound, _ child: Child, form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("scholarships.apply.for", child.fullName), intro: [round.title, .key("scholarships.apply.circumstances")],
                    content: .form(form), actions: [.home])
    }

    private func circumstancesForm(_ round: ScholarshipRound) -> FormSpec {
        FormSpec(fields: [FormField("circumstances", .key("scholarships.field.circumstances"),
                                    .checklist(round.criteriaList.map { FieldOption($0, .literal(vi: $0)) }), required: false)],
                 submit: ScreenAction(.key("scholarships.next"), .submit(name: "circumstances", value: ""), style: .primary))
    }

    private func detailsScreen(_ form: FormSpec, _ child: Child) -> KioskScreen {
        KioskScreen(title: .key("scholarships.apply.for", child.fullName), content: .form(form), actions: [.home])
    }

    private func detailsForm(child: Child) -> FormSpec {
        FormSpec(fields: [
            FormField("note", .key("scholarships.field.note"), .multiline(maxLength: Self.noteLength), required: false),
            FormField("school", .key("scholarships.field.school"), .text(maxLength: 120), value: child.school),
            FormField("grade", .key("scholarships.field.grade"), .text(maxLength: 10), value: child.grade),
        ], submit: ScreenAction(.key("scholarships.next"), .submit(name: "details", value: ""), style: .primary))
    }

    private func consentScreen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("scholarships.consent.title"), intro: [.key("scholarships.consent.v1")], content: .form(form), actions: [.home])
    }

    private func consentForm() -> FormSpec {
        FormSpec(fields: [FormField("consent", .key("scholarships.consent.field"), .checkbox(.key("scholarships.consent.agree")), required: false)],
                 submit: ScreenAction(.key("scholarships.next"), .submit(name: "consent", value: ""), style: .primary))
    }
}
