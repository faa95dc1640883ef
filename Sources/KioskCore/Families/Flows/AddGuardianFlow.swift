/// Adds another adult to the identified family (a second parent, a grandparent who collects the
/// children), who gets a guardian card of their own. A phone and a child's birth date are not
/// enough for that: an adult the family already has must scan their guardian card first, since the
/// new adult's card will collect the children. Saved in one step, then the family's cards.
struct AddGuardianFlow: KioskFlow {
    /// The state's key for "an adult of the family scanned their guardian card".
    private static let cardShown = "guardianCard"

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        context.state.removeAll()
        return proofScreen(proofForm())
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        switch action.name {
        case "card": return try await checkCard(action.fields["card"] ?? "", &context)
        case "guardian" where context.state[Self.cardShown, as: Bool.self] == true: return try await save(action.fields, &context)
        case "guardian": return proofScreen(proofForm())
        default: return try await FamilyCardsFlow().start(&context)
        }
    }

    // MARK: Steps

    private func checkCard(_ card: String, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try await context.database.identifyFamily(site: context.site, card: card, signer: context.tickets.signer,
                                                                 kinds: [.guardianCard])?.familyID
        guard let familyID, familyID == (try context.requireFamily()) else {
            return proofScreen(proofForm().showing(KioskError(.notFound, "guardian.proofRefused", field: "card")))
        }
        context.state[Self.cardShown] = true
        return screen(form())
    }

    private func save(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        do {
            let guardian = try GuardianInput(fields: fields)
            _ = try await context.database.addGuardian(familyID: try context.requireFamily(), site: context.site, guardian: guardian,
                                                       kiosk: context.kiosk, tickets: context.tickets, at: context.clock.now)
            context.state.removeAll()
            var cards = try await FamilyCardsFlow().start(&context)
            cards.title = .key("guardian.added", guardian.fullName)
            return cards
        } catch let error as KioskError where error.kind == .invalidInput || error.kind == .conflict {
            return screen(form().showing(error, values: fields))
        }
    }

    // MARK: Screens

    private func proofScreen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("guardian.title"), intro: [.key("guardian.proofIntro")], content: .form(form), actions: back)
    }

    private func proofForm() -> FormSpec {
        FormSpec(fields: [FormField("card", .key("guardian.proofCard"), .code(maxLength: 120))],
                 submit: ScreenAction(.key("guardian.proofSubmit"), .submit(name: "card", value: ""), style: .primary))
    }

    private func screen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("guardian.title"), intro: [.key("guardian.intro")], content: .form(form), actions: back)
    }

    private func form() -> FormSpec {
        FormSpec(fields: GuardianInput.formFields,
                 submit: ScreenAction(.key("guardian.submit"), .submit(name: "guardian", value: ""), style: .primary))
    }

    private var back: [ScreenAction] { [ScreenAction(.key("action.back"), .flow(.core, CoreFlows.family)), .home] }
}
