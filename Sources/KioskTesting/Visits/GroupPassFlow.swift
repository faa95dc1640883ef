import Foundation
import KioskCore

/// A school group's teacher scans the group's passes (`VISIT-0042`) one after another at the
/// kiosk, without identifying: each pass of this site checks its group in, and the screen lists
/// every pass taken so far. A pass scanned on the home screen opens this flow with it.
struct GroupPassFlow: KioskFlow {
    var requiresFamily: Bool { false }

    /// A pass's code: `VISIT-` and four digits.
    static let pattern = CodePattern(name: "group", flow: "group") { code in
        code.hasPrefix("VISIT-") && code.count == 10 && code.dropFirst(6).allSatisfy(\.isASCII) && code.dropFirst(6).allSatisfy(\.isNumber)
    }

    /// The state's key for the passes taken so far.
    private static let taken = "taken"

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen([])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        var items = context.state[Self.taken, as: [ScannedItem].self] ?? []
        guard let code = action.scannedCode else { return screen(items) }
        let siteID = context.site.id!, now = context.clock.now
        let school = try await context.database.write { db -> String? in
            guard Self.pattern.matches(code),
                  let school = try String.fetchOne(db, sql: "SELECT school FROM visits_groupPass WHERE code = ? AND siteId = ?",
                                                   arguments: [code, siteID]) else { return nil }
            try db.execute(sql: "UPDATE visits_groupPass SET checkedInAt = ? WHERE code = ? AND checkedInAt IS NULL",
                           arguments: [DatabaseTimestamp(now), code])
            return school
        }
        let item = school.map { ScannedItem(.literal(vi: $0), detail: .literal(vi: "Đã vào", en: "Checked in"), style: .success) }
            ?? ScannedItem(.literal(vi: code), detail: .literal(vi: "Không phải thẻ nhóm của nhà", en: "Not a group pass of this site"),
                           style: .error)
        items = ScanList.adding(item, to: items)
        context.state[Self.taken] = items
        return screen(items)
    }

    private func screen(_ items: [ScannedItem]) -> KioskScreen {
        KioskScreen(title: .literal(vi: "Đoàn tham quan", en: "Group visit"),
                    content: .scans(ScanList(prompt: .literal(vi: "Quét thẻ của đoàn", en: "Scan the group's passes"), items: items)),
                    actions: [ScreenAction(.literal(vi: "Xong", en: "Done"), .home, style: .primary)])
    }
}
