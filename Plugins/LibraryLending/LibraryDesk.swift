import Foundation
import KioskCore

/// The librarian's desks at a staff station: the return desk, where a book scanned comes back (on
/// time, late, or onto the hold shelf), and the lending desk (`LendingDesk`).
enum LibraryDesk {
    /// The return desk of a site (`desk:<site id>`, so its counter counts that site's loans).
    static func activity(_ site: Site) -> StationActivity {
        StationActivity(moduleID: LibraryLendingModule.id, key: "desk:\(site.id!)", label: "Thư viện · quầy trả sách")
    }

    /// The desks a station of the site can be set to.
    static func activities(_ site: Site) -> [StationActivity] {
        [LendingDesk.activity(site), activity(site), StockTake.activity(site)]
    }

    /// The site a desk's key names (`desk:3`, `lend:3`), if it is one of `prefix`.
    static func siteID(of activity: StationActivity, _ prefix: String = "desk") -> Int64? {
        activity.key.hasPrefix("\(prefix):") ? Int64(activity.key.dropFirst(prefix.count + 1)) : nil
    }

    static func judge(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict? {
        guard siteID(of: scan.activity) == scan.site.id else { return nil }
        guard let book = try Lending.checkin(scan.code, site: scan.site, at: scan.at, db) else {
            return try BookCopy.find(barcode: scan.code, siteID: scan.site.id!, db) == nil
                ? .refused("library.desk.unknown") : .refused("library.desk.notOnLoan")
        }
        if let reader = book.heldFor {
            return ScanVerdict(.warning, .key("library.desk.holdShelf"), name: book.title, detail: .literal(vi: reader.fullName))
        }
        return book.daysLate == 0 ? ScanVerdict(.accepted, .key("library.desk.returned"), name: book.title)
                                  : ScanVerdict(.warning, .key("library.desk.late", String(book.daysLate)), name: book.title)
    }

    static func counters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] {
        guard let siteID = siteID(of: activity) ?? siteID(of: activity, "lend") else { return [] }
        let out = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM library_loan l CROSS JOIN library_copy c ON c.id = l.copyId WHERE c.siteId = ? AND l.returnedAt IS NULL
            """, arguments: [siteID]) ?? 0
        return [StationCounter(label: .key("library.desk.onLoan"), value: String(out))]
    }
}
