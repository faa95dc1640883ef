import Foundation
import KioskCore

/// A stock-take: every copy on the shelves scanned from a station set to it; the copies the
/// records place on the shelves and nobody scanned are the ones to look for (or mark lost).
struct StockTake: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "library_stocktake"

    var id: Int64?
    var siteId: Int64
    var startedAt: Date
    /// Nil while copies are being scanned.
    var finishedAt: Date?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    static func activity(_ site: Site) -> StationActivity {
        StationActivity(moduleID: LibraryLendingModule.id, key: "stocktake:\(site.id!)", label: "Thư viện · kiểm kê")
    }

    /// The site's stock-take under way, if one is.
    static func open(siteID: Int64, _ db: Database) throws -> StockTake? {
        try StockTake.filter(Column("siteId") == siteID && Column("finishedAt") == nil).order(Column("id").desc).fetchOne(db)
    }

    /// A copy scanned during the stock-take (the station starts one if none is under way).
    static func judge(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict? {
        guard LibraryDesk.siteID(of: scan.activity, "stocktake") == scan.site.id else { return nil }
        guard let copy = try BookCopy.find(barcode: scan.code, siteID: scan.site.id!, db),
              let title = try BookTitle.fetchOne(db, key: copy.titleId) else { return .refused("library.desk.unknown") }
        var stockTake = try open(siteID: scan.site.id!, db) ?? StockTake(siteId: scan.site.id!, startedAt: scan.at)
        if stockTake.id == nil { try stockTake.insert(db) }
        try db.execute(sql: "INSERT OR IGNORE INTO library_stocktake_seen (stockTakeId, copyId, seenAt) VALUES (?, ?, ?)",
                       arguments: [stockTake.id!, copy.id!, DatabaseTimestamp(scan.at)])
        let seen = try seenCount(stockTake.id!, db)
        switch copy.status {
        case .loan: return ScanVerdict(.warning, .key("library.stocktake.onLoan"), name: title.title,
                                       detail: .key("library.stocktake.onLoanHint", String(seen)))
        case .lost, .withdrawn: return ScanVerdict(.warning, .key("library.stocktake.wasLost"), name: title.title,
                                                   detail: .key("library.stocktake.wasLostHint", String(seen)))
        case .shelf, .hold, .damaged: return ScanVerdict(.accepted, .key("library.stocktake.ok"), name: title.title,
                                                         detail: .key("library.stocktake.seen", String(seen)))
        }
    }

    static func seenCount(_ id: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM library_stocktake_seen WHERE stockTakeId = ?", arguments: [id]) ?? 0
    }

    /// How many of the copies the records place in the library the stock-take did not see.
    static func missingCount(_ id: Int64, siteID: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM library_copy WHERE siteId = ? AND status IN ('shelf', 'hold', 'damaged')
              AND id NOT IN (SELECT copyId FROM library_stocktake_seen WHERE stockTakeId = ?)
            """, arguments: [siteID, id]) ?? 0
    }

    /// The copies the records place in the library (on the shelf, on the hold shelf, damaged) that the stock-take did not see.
    static func missing(_ id: Int64, siteID: Int64, _ db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: """
            SELECT c.id, c.barcode, c.shelf, t.title FROM library_copy c JOIN library_title t ON t.id = c.titleId
            WHERE c.siteId = ? AND c.status IN ('shelf', 'hold', 'damaged')
              AND c.id NOT IN (SELECT copyId FROM library_stocktake_seen WHERE stockTakeId = ?)
            ORDER BY c.shelf, c.barcode
            """, arguments: [siteID, id])
    }
}
