import Foundation
import KioskCore

/// The librarian's stock-takes: start one (the last one ends), scan the shelves from a station set
/// to "kiểm kê", then open it to see the copies nobody scanned and mark those not found as lost.
enum StockTakeAdmin {
    static let stockTakes = AdminResource(
        name: "stocktakes", title: .key("library.admin.stocktakes"), fields: [],
        listColumns: [AdminColumn("started", .key("library.stocktake.started")), AdminColumn("finished", .key("library.stocktake.finished")),
                      AdminColumn("seen", .key("library.stocktake.seenCount")), AdminColumn("missing", .key("library.stocktake.missingCount"))],
        roles: [LibraryLendingModule.librarian.role],
        list: { query, context, db in
            let siteID = context.site.id!
            let all = StockTake.filter(Column("siteId") == siteID)
            return AdminList(rows: try query.page(all.order(Column("id").desc)).fetchAll(db).map { stockTake in
                AdminRow(id: stockTake.id!, values: [
                    "started": LocalTime.display(stockTake.startedAt), "finished": stockTake.finishedAt.map(LocalTime.display) ?? "",
                    "seen": String(try StockTake.seenCount(stockTake.id!, db)),
                    "missing": String(try StockTake.missingCount(stockTake.id!, siteID: siteID, db)),
                ])
            }, total: try all.fetchCount(db))
        },
        load: { id, context, db in try StockTake.fetchOne(db, key: id)?.siteId == context.site.id ? [:] : nil },
        save: { id, _, context, db in
            guard id == nil else { throw KioskError(.invalidInput, "library.stocktake.notEditable") }
            // A new stock-take ends the one under way.
            try db.execute(sql: "UPDATE library_stocktake SET finishedAt = ? WHERE siteId = ? AND finishedAt IS NULL",
                           arguments: [DatabaseTimestamp(context.at), context.site.id!])
            var stockTake = StockTake(siteId: context.site.id!, startedAt: context.at)
            try stockTake.insert(db)
            return stockTake.id!
        },
        page: { id, _, context, db in
            guard let stockTake = try StockTake.fetchOne(db, key: id), stockTake.siteId == context.site.id else { return nil }
            let missing = try StockTake.missing(id, siteID: context.site.id!, db)
            return AdminPage(title: .key("library.stocktake.of", LocalTime.display(stockTake.startedAt)),
                             intro: [.key("library.stocktake.summary", String(try StockTake.seenCount(id, db)), String(missing.count))],
                             sections: [AdminSection(
                                title: .key("library.stocktake.missing"),
                                columns: [.key("library.field.barcode"), .key("library.field.title"), .key("library.field.shelf")],
                                rows: missing.map { row in
                                    AdminTableRow(cells: [row["barcode"], row["title"], row["shelf"]],
                                                  actions: [AdminAction(.key("library.stocktake.markLost"), key: "lost:\(row["id"] as Int64)", style: .danger)])
                                },
                                empty: .key("library.stocktake.allSeen"))])
        },
        perform: { id, key, context, db in
            guard try StockTake.fetchOne(db, key: id)?.siteId == context.site.id, key.hasPrefix("lost:"), let copyID = Int64(key.dropFirst(5)),
                  var copy = try BookCopy.fetchOne(db, key: copyID), copy.siteId == context.site.id else {
                throw KioskError(.notFound, "error.notFound")
            }
            try Lending.writeOff(&copy, as: .lost, at: context.at, db)
        })
}
