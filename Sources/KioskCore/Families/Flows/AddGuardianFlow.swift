/// Adds another adult to the identified family (a second parent, a grandparent who collects the
/// children), who gets a guardian card of their own. Saved in one step, then the family's cards.
struct AddGuardianFlow: KioskFlow {
    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen(form())
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        guard action.name == "guardian" else { return try await FamilyCardsFlow().start(&context) }
        do {
            let guardian = try GuardianInput(fields: action.fields)
            _ = try await context.database.addGuardian(familyID: try context.requireFamily(), site: context.site, guardian: guardian,
                                                       kiosk: context.kiosk, tickets: context.tickets, at: context.clock.now)
            var cards = try await FamilyCardsFlow().start(&context)
            cards.title = .key("guardian.added", guardian.fullName)
            return cards
        } catch let error as KioskError where error.kind == .invalidInput || error.kind == .conflict {
            return screen(form().showing(error, values: action.fields))
        }
    }

    private func screen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("guardian.title"), intro: [.key("guardian.intro")], content: .form(form),
                    actions: [ScreenAction(.key("action.back"), .flow(.core, CoreFlows.family)), .home])
    }

    private func form() -> FormSpec {
        FormSpec(fields: GuardianInput.formFields,
                 submit: ScreenAction(.key("guardian.submit"), .submit(name: "guardian", value: ""), style: .primary))
    }
}
