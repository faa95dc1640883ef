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
        case .some((let title, 0)): item = ScannedItem(.literal(vi: title), detail: .key("library.return.thanks"), style: .success)
        case .some((let title, let late)): item = ScannedItem(.literal(vi: title), detail: .key("library.return.late", String(late)), style: .success)
        case nil: item = ScannedItem(.literal(vi: code), detail: .key("library.return.notOnLoan"), style: .error)
        }
        items.insert(item, at: 0)
        context.state[Self.items] = items
        return screen(items)
    }

    private func screen(_ items: [ScannedItem]) -> KioskScreen {
        KioskScreen(title: .key("library.return.title"), content: .scans(ScanList(prompt: .key("library.return.scanBook"), items: items)),
                    actions: [ScreenAction(.key("library.checkout.done"), .home, style: .primary)])
    }
}
