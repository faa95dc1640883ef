import Foundation
import KioskCore

/// "My books" at the kiosk: the family's loans with their due dates, each renewed with a tap where
/// the rules allow.
struct MyBooksFlow: KioskFlow {
    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        try await screen(&context, notice: nil)
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        guard action.name == "renew", let loanID = action.id else { return try await start(&context) }
        let familyID = try context.requireFamily()
        let site = context.site, now = context.clock.now
        let renewed = try await context.database.write { db in try Lending.renew(loanID, familyID: familyID, site: site, at: now, db) }
        switch renewed {
        case .success(let due): return try await screen(&context, notice: Message(.key("library.mine.renewed", due.display), style: .success))
        case .failure(let refusal): return try await screen(&context, notice: Message(refusal.message, style: .error))
        }
    }

    private func screen(_ context: inout FlowContext, notice: Message?) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let siteID = context.site.id!, today = context.clock.today
        let choices = try await context.database.read { db -> [Choice] in
            let children = try FamilyDirectory.children(ofFamily: familyID, db)
            let names = Dictionary(uniqueKeysWithValues: children.map { ($0.id!, $0.fullName) })
            let loans = try Loan.filter(names.keys.contains(Loan.Columns.childId) && Loan.Columns.returnedAt == nil).order(Loan.Columns.dueOn).fetchAll(db)
            return try loans.compactMap { loan in
                guard let copy = try BookCopy.fetchOne(db, key: loan.copyId), copy.siteId == siteID,
                      let title = try BookTitle.fetchOne(db, key: copy.titleId) else { return nil }
                let late = loan.daysLate(on: today)
                return Choice(.literal(vi: "\(title.title) · \(names[loan.childId ?? 0] ?? "")"),
                              detail: late > 0 ? .key("library.mine.late", loan.dueOn.display, String(late)) : .key("library.mine.due", loan.dueOn.display),
                              action: "renew", id: loan.id!)
            }
        }
        guard !choices.isEmpty else {
            return .message(.key("library.mine.title"), .key("library.mine.none"), actions: [checkout, .home])
        }
        let intro: [LocalizedText] = [notice?.text ?? .key("library.mine.intro")]
        return KioskScreen(title: .key("library.mine.title"), intro: intro, content: .choices(choices), actions: [checkout, .home])
    }

    private var checkout: ScreenAction { ScreenAction(.key("library.checkout.title"), .flow(LibraryLendingModule.id, "start")) }
}
