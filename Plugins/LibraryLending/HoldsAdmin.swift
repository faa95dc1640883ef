import Foundation
import KioskCore

/// The hold shelf and the queues, for the librarian: which copy waits for whom and until when,
/// and who waits for a title; sensitive like the loans (what a child reads is theirs).
enum HoldsAdmin {
    private static let statusOptions = [Hold.Status.ready, .waiting].map { FieldOption($0.rawValue, .key("library.hold.\($0.rawValue)")) }

    static let holds = AdminResource(
        name: "holds", title: .key("library.admin.holds"), fields: [],
        listColumns: [AdminColumn("child", .key("library.admin.child")), AdminColumn("title", .key("library.field.title")),
                      AdminColumn("status", .key("library.field.status")), AdminColumn("copy", .key("library.field.barcode")),
                      AdminColumn("until", .key("library.hold.until")), AdminColumn("placed", .key("library.hold.placedAt"))],
        filters: [AdminFilter("status", .key("library.field.status"), options: statusOptions)],
        roles: [LibraryLendingModule.librarian.role], sensitive: true,
        list: { query, context, db in
            let statuses = query.filter("status").map { [$0] } ?? statusOptions.map(\.value)
            let holds = Hold.filter(Column("siteId") == context.site.id! && statuses.contains(Hold.Columns.status))
            let shown = try query.page(holds.order(Hold.Columns.status.desc, Hold.Columns.placedAt, Column("id"))).fetchAll(db)
            let children = try FamilyDirectory.children(shown.map(\.childId), db)
            let titles = Dictionary(uniqueKeysWithValues: try BookTitle.fetchAll(db, keys: Set(shown.map(\.titleId))).map { ($0.id!, $0.title) })
            let copies = Dictionary(uniqueKeysWithValues: try BookCopy.fetchAll(db, keys: Set(shown.compactMap(\.copyId))).map { ($0.id!, $0.barcode) })
            return AdminList(rows: shown.map { hold in
                AdminRow(id: hold.id!, values: [
                    "child": children[hold.childId]?.fullName ?? "", "title": titles[hold.titleId] ?? "",
                    "status": hold.status.rawValue, "copy": hold.copyId.flatMap { copies[$0] } ?? "",
                    "until": hold.readyUntil?.display ?? "", "placed": LocalTime.display(hold.placedAt),
                ])
            }, total: try holds.fetchCount(db))
        },
        load: { _, _, _ in nil }, save: nil)
}
