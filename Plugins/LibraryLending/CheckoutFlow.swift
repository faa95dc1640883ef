import Foundation
import KioskCore

/// Self-checkout at the kiosk: the child whose card was scanned (or, for a family of several, the
/// child chosen) scans books one after another; each shows its title and due date at once, or why
/// not. Done shows the slip: every book and when to bring it back.
struct CheckoutFlow: KioskFlow {
    private enum State {
        static let child = "child", items = "items", lent = "lent"
    }

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let (children, chosen) = try await context.libraryReaders()
        if let chosen { return try await reader(chosen, &context) }
        return KioskScreen(title: .key("library.checkout.title"), intro: [.key("library.checkout.pickChild")],
                           content: .choices(children.map { Choice(.literal(vi: $0.fullName), action: "child", id: $0.id!) }), actions: [.home])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        if let code = action.scannedCode { return try await scanned(code, &context) }
        switch (action.name, action.id) {
        case ("child", let childID?): return try await reader(childID, &context)
        case ("done", _): return slip(&context)
        default: return try await start(&context)
        }
    }

    private func reader(_ childID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let child = try await context.database.read { db in try AppDatabase.childForRegistration(childID, familyID: familyID, db) }
        context.state[State.child] = childID
        context.state[State.items] = [ScannedItem]()
        return screen(child.fullName, [])
    }

    /// A book scanned, or another child's card of the family (the next reader).
    private func scanned(_ code: String, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        if let holder = try await context.cardHolder(code), holder.familyID == familyID, let childID = holder.childID {
            return try await reader(childID, &context)
        }
        guard let childID = context.state[State.child, as: Int64.self] else { return try await start(&context) }
        let site = context.site, now = context.clock.now
        let (child, result) = try await context.database.write { db in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            return (child, try Lending.checkout(code, to: child, site: site, at: now, db))
        }
        var items = context.state[State.items, as: [ScannedItem].self] ?? []
        switch result {
        case .success(let lent):
            items = ScanList.adding(ScannedItem(.literal(vi: lent.title), detail: .key("library.checkout.due", lent.dueOn.display), style: .success),
                                    to: items)
            context.state[State.lent] = (context.state[State.lent, as: [Lending.Lent].self] ?? []) + [lent]
        case .failure(let refusal):
            items = ScanList.adding(ScannedItem(.literal(vi: code), detail: refusal.message, style: .error), to: items)
        }
        context.state[State.items] = items
        return screen(child.fullName, items)
    }

    private func slip(_ context: inout FlowContext) -> KioskScreen {
        let lent = context.state[State.lent, as: [Lending.Lent].self] ?? []
        context.state.removeAll()
        guard !lent.isEmpty else { return .message(.key("library.checkout.title"), .key("library.checkout.nothing")) }
        return KioskScreen(title: .key("library.slip.title"), intro: [.key("library.slip.intro")],
                           content: .confirm(Confirmation(lines: lent.map { (LocalizedText.literal(vi: $0.title), $0.dueOn.display) },
                                                          confirm: ScreenAction(.key("library.slip.print"), .print, style: .primary))),
                           actions: [.home])
    }

    private func screen(_ childName: String, _ items: [ScannedItem]) -> KioskScreen {
        KioskScreen(title: .key("library.checkout.for", childName),
                    content: .scans(ScanList(prompt: .key("library.checkout.scanBook"), items: items)),
                    actions: [ScreenAction(.key("library.checkout.done"), .submit(name: "done", value: ""), style: .primary),
                              ScreenAction(.key("library.mine.title"), .flow(LibraryLendingModule.id, "mine")),
                              ScreenAction(.key("library.search.title"), .flow(LibraryLendingModule.id, "search")), .home])
    }
}
