import Foundation
import KioskCore

/// Library lending (thư viện): a site's catalogue of titles and labelled copies, loan rules by
/// reader age and category, due dates that skip the days the library is closed, self-checkout at
/// the kiosk (the child's card, then the books), returns with no card, holds served in order from
/// the hold shelf, the lending and return desks and the stock-take at a staff station, and the
/// librarian's lists.
public struct LibraryLendingModule: KioskModule {
    public static let id: ModuleID = "library"

    public var id: ModuleID { Self.id }
    public let title = LocalizedText.key("library.title")
    public let icon = "📚"

    public init() {}

    /// The librarian, who sees what children read; administrators do too.
    static let librarian = ModuleRole("librarian", of: id, title: .key("library.role.librarian"))

    /// A copy's label as a scanner types it: 4 to 40 printable characters, no spaces.
    static let copyCode = CodePattern(name: "copy", flow: "return") { code in
        (4...40).contains(code.utf8.count) && code.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    public func registerMigrations(in migrator: inout ModuleMigrator) {
        LibraryMigrations.register(in: &migrator)
    }

    public var flows: [String: any KioskFlow] { ["start": CheckoutFlow(), "return": ReturnFlow(), "mine": MyBooksFlow(),
                                                 "search": CatalogueSearchFlow()] }

    public var codePatterns: [CodePattern] { [Self.copyCode] }

    public var roles: [ModuleRole] { [Self.librarian] }

    public func stationActivities(_ site: Site, on date: LocalDate, _ db: Database) throws -> [StationActivity] {
        LibraryDesk.activities(site)
    }

    public func stationActivity(_ key: String, site: Site, on date: LocalDate, _ db: Database) throws -> StationActivity? {
        LibraryDesk.activities(site).first { $0.key == key }
    }

    public func judgeCode(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict? {
        try LibraryDesk.judge(scan, db) ?? LendingDesk.judge(scan, db) ?? StockTake.judge(scan, db)
    }

    public func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        try LendingDesk.judge(scan, db)
    }

    public func performStationAction(_ key: String, _ context: StationActionContext, _ db: Database) throws -> ScanVerdict {
        try LendingDesk.override(key, context, db)
    }

    public func stationCounters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] {
        try LibraryDesk.counters(activity, db)
    }

    public var adminResources: [AdminResource] {
        [LibraryAdmin.titles, LibraryAdmin.copies, LibraryAdmin.loans, HoldsAdmin.holds, StockTakeAdmin.stockTakes,
         LibraryRulesAdmin.rules, LibraryRulesAdmin.settings]
    }

    public func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        try LibraryReport.figures(site, from: from, to: to, db)
    }

    public var backgroundTasks: [ModuleTask] { [LibraryReport.retention, Holds.expiry] }

    public func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.title, l.loanedAt, l.dueOn, l.returnedAt FROM library_loan l
            JOIN library_copy c ON c.id = l.copyId JOIN library_title t ON t.id = c.titleId WHERE l.childId = ? ORDER BY l.loanedAt
            """, arguments: [childID])
        let holds = try Row.fetchAll(db, sql: """
            SELECT t.title, h.placedAt, h.status FROM library_hold h JOIN library_title t ON t.id = h.titleId WHERE h.childId = ? ORDER BY h.placedAt
            """, arguments: [childID])
        return [ExportSection(title: "loans", rows: try rows.map { row in
            ["title": row["title"], "loanedAt": try row.optionalTimestamp("loanedAt").map(LocalTime.display) ?? "",
             "dueOn": LocalDate(iso: row["dueOn"])?.display ?? "", "returnedAt": try row.optionalTimestamp("returnedAt").map(LocalTime.display) ?? ""]
        }), ExportSection(title: "holds", rows: try holds.map { row in
            ["title": row["title"], "placedAt": try row.optionalTimestamp("placedAt").map(LocalTime.display) ?? "", "status": row["status"]]
        })]
    }

    /// The child's loans and holds go with the child (their foreign keys cascade); what they leave in
    /// the catalogue is set right first: a book still at home is written off as lost (the librarian
    /// sees it in the copies and at the stock-take), and a copy waiting on the hold shelf for the
    /// child passes to the next reader in the queue or goes back on the shelf.
    public func eraseChild(_ childID: Int64, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE library_copy SET status = 'lost' WHERE id IN (SELECT copyId FROM library_loan WHERE childId = ? AND returnedAt IS NULL)
            """, arguments: [childID])
        for hold in try Hold.filter(Hold.Columns.childId == childID && Hold.Columns.status == Hold.Status.ready.rawValue).fetchAll(db) {
            try db.execute(sql: "DELETE FROM library_hold WHERE id = ?", arguments: [hold.id!])
            if let copyID = hold.copyId, var copy = try BookCopy.fetchOne(db, key: copyID) {
                // The erasure hook is not handed the service's clock; the next reader's days start today.
                _ = try Holds.serve(&copy, on: LocalDate(Date()), db)
                try copy.update(db)
            }
        }
    }

    public func seedDemo(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        try LibraryDemo.seed(site, context, db)
    }
}
