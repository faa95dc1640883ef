import Foundation
import KioskCore

/// The librarian's desk at a staff station: a book scanned comes back, on time or late.
enum LibraryDesk {
    /// The desk of a site (`desk:<site id>`, so its counter counts that site's loans).
    static func activity(_ site: Site) -> StationActivity {
        StationActivity(moduleID: LibraryLendingModule.id, key: "desk:\(site.id!)", label: "Thư viện · quầy trả sách")
    }

    static func siteID(of activity: StationActivity) -> Int64? {
        activity.key.hasPrefix("desk:") ? Int64(activity.key.dropFirst(5)) : nil
    }

    static func judge(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict? {
        guard siteID(of: scan.activity) == scan.site.id else { return nil }
        guard let (title, late) = try Lending.checkin(scan.code, site: scan.site, at: scan.at, db) else {
            return try BookCopy.find(barcode: scan.code, siteID: scan.site.id!, db) == nil
                ? .refused("library.desk.unknown") : .refused("library.desk.notOnLoan")
        }
        return late == 0 ? ScanVerdict(.accepted, .key("library.desk.returned"), name: title)
                         : ScanVerdict(.warning, .key("library.desk.late", String(late)), name: title)
    }

    static func counters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] {
        guard let siteID = siteID(of: activity) else { return [] }
        let out = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM library_loan l JOIN library_copy c ON c.id = l.copyId WHERE c.siteId = ? AND l.returnedAt IS NULL
            """, arguments: [siteID]) ?? 0
        return [StationCounter(label: .key("library.desk.onLoan"), value: String(out))]
    }
}
