import Foundation
import KioskCore

/// "My books" at the kiosk: the family's loans with their due dates, each renewed with a tap where
/// the rules allow, and the books they reserved: their place in the queue, or ready to collect.
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
            } + holds(of: names, siteID: siteID, db)
        }
        guard !choices.isEmpty else {
            return .message(.key("library.mine.title"), .key("library.mine.none"), actions: [checkout, .home])
        }
        let intro: [LocalizedText] = [notice?.text ?? .key("library.mine.intro")]
        return KioskScreen(title: .key("library.mine.title"), intro: intro, content: .choices(choices), actions: [checkout, .home])
    }

    /// The family's open holds, shown and not pressed.
    private func holds(of names: [Int64: String], siteID: Int64, _ db: Database) throws -> [Choice] {
        let holds = try Hold.filter(names.keys.contains(Hold.Columns.childId) && Column("siteId") == siteID
                                    && [Hold.Status.waiting.rawValue, Hold.Status.ready.rawValue].contains(Hold.Columns.status))
            .order(Hold.Columns.placedAt).fetchAll(db)
        return try holds.compactMap { hold in
            guard let title = try BookTitle.fetchOne(db, key: hold.titleId) else { return nil }
            let detail: LocalizedText
            if hold.status == .ready, let until = hold.readyUntil {
                detail = .key("library.mine.holdReady", until.display)
            } else {
                let queue = try Hold.queue(titleID: hold.titleId).select(Column("id"), as: Int64.self).fetchAll(db)
                detail = .key("library.mine.holdWaiting", String((queue.firstIndex(of: hold.id!) ?? 0) + 1))
            }
            return Choice(.literal(vi: "\(title.title) · \(names[hold.childId] ?? "")"), detail: detail, action: "hold", id: hold.id!, disabled: true)
        }
    }

    private var checkout: ScreenAction { ScreenAction(.key("library.checkout.title"), .flow(LibraryLendingModule.id, "start")) }
}
