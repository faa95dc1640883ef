import Foundation
import KioskCore

/// Returning books at the kiosk, no card needed: each book scanned is taken back, and a late one
/// says so. A book scanned on the home screen opens this flow.
struct ReturnFlow: KioskFlow {
    var requiresFamily: Bool { false }

    private static let items = "items"

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen([])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        var items = context.state[Self.items, as: [ScannedItem].self] ?? []
        guard let code = action.scannedCode else { return screen(items) }
        let site = context.site, now = context.clock.now
        let returned = try await context.database.write { db in try Lending.checkin(code, site: site, at: now, db) }
        let item: ScannedItem
        switch returned {
        case .some(let book):
            // At the kiosk the reader it waits for is named as a friend would: given name and initials.
            if let reader = book.heldFor {
                item = ScannedItem(.literal(vi: book.title), detail: .key("library.return.holdShelf", Self.shortName(reader.fullName)), style: .info)
            } else if book.daysLate > 0 {
                item = ScannedItem(.literal(vi: book.title), detail: .key("library.return.late", String(book.daysLate)), style: .success)
            } else {
                item = ScannedItem(.literal(vi: book.title), detail: .key("library.return.thanks"), style: .success)
            }
        case nil: item = ScannedItem(.literal(vi: code), detail: .key("library.return.notOnLoan"), style: .error)
        }
        items = ScanList.adding(item, to: items)
        context.state[Self.items] = items
        return screen(items)
    }

    /// "Nguyễn Văn An" as "An (N. V.)": enough for the librarian's shelf, not a stranger's full name.
    static func shortName(_ fullName: String) -> String {
        var words = fullName.split(separator: " ")
        guard let given = words.popLast() else { return "" }
        let initials = words.compactMap { $0.first.map { "\($0)." } }
        return initials.isEmpty ? String(given) : "\(given) (\(initials.joined(separator: " ")))"
    }

    private func screen(_ items: [ScannedItem]) -> KioskScreen {
        KioskScreen(title: .key("library.return.title"), content: .scans(ScanList(prompt: .key("library.return.scanBook"), items: items)),
                    actions: [ScreenAction(.key("library.checkout.done"), .home, style: .primary)])
    }
}
