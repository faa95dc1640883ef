/// Shows the identified family's member and guardian cards, to show or print.
struct FamilyCardsFlow: KioskFlow {
    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let overview = try await context.database.familyOverview(familyID: familyID, site: context.site, tickets: context.tickets)
        var cards: [TicketCard] = overview.children.compactMap { member in
            member.card.map { TicketCard(token: $0, holder: member.person.fullName, title: TicketKind.memberCard.title,
                                         detail: .key("card.birthDate", member.person.birthDate.display)) }
        }
        cards += overview.guardians.compactMap { member in
            member.card.map { TicketCard(token: $0, holder: member.person.fullName, title: TicketKind.guardianCard.title) }
        }
        let greeting = overview.guardians.first.map { LocalizedText.key("family.greeting", $0.person.fullName) } ?? .key("family.title")
        return KioskScreen(title: greeting, intro: [.key("family.intro")], content: .tickets(cards), actions: [
            ScreenAction(.key("action.print"), .print, style: .primary),
            ScreenAction(.key("family.addChild"), .flow(.core, CoreFlows.register)),
            ScreenAction(.key("family.addGuardian"), .flow(.core, CoreFlows.guardian)),
            .home,
        ])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        try await start(&context)
    }
}

