import Foundation
import KioskCore

/// The lending desk at a staff station: the librarian scans a reader's member card, then books,
/// lent with the same rules as at the kiosk. A block of the rules (overdue books at home, the
/// limit, the age band) can be overridden with a reason, kept with the loan and in the audit log.
enum LendingDesk {
    static func activity(_ site: Site) -> StationActivity {
        StationActivity(moduleID: LibraryLendingModule.id, key: "lend:\(site.id!)", label: "Thư viện · quầy cho mượn")
    }

    /// How long a scanned card stays the desk's reader.
    static let readerLifetime: TimeInterval = 30 * 60

    /// A member card scanned at the desk: its child is the reader the next books are lent to.
    static func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        guard let activity = scan.activity, LibraryDesk.siteID(of: activity, "lend") == scan.site.id else { return nil }
        guard let childID = scan.ticket.childId, let child = try FamilyDirectory.child(childID, db) else {
            return .refused("library.lend.childCard")
        }
        try db.execute(sql: "INSERT OR REPLACE INTO library_desk_reader (siteId, staffUsername, childId, scannedAt) VALUES (?, ?, ?, ?)",
                       arguments: [scan.site.id!, scan.staffUsername, childID, DatabaseTimestamp(scan.at)])
        let today = LocalDate(scan.at)
        let open = try Loan.filter(Loan.Columns.childId == childID && Loan.Columns.returnedAt == nil).fetchAll(db)
        return ScanVerdict(.accepted, .key("library.lend.reader"), name: child.fullName,
                           detail: .key("library.lend.atHome", String(open.count), String(open.filter { $0.daysLate(on: today) > 0 }.count)))
    }

    /// A book scanned at the desk: lent to the desk's reader, or refused with the reason, offering an override of a block.
    static func judge(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict? {
        guard LibraryDesk.siteID(of: scan.activity, "lend") == scan.site.id else { return nil }
        guard let childID = try Int64.fetchOne(db, sql: """
                SELECT childId FROM library_desk_reader WHERE siteId = ? AND staffUsername = ? AND scannedAt >= ?
                """, arguments: [scan.site.id!, scan.staffUsername, DatabaseTimestamp(scan.at.addingTimeInterval(-readerLifetime))]),
              let child = try FamilyDirectory.child(childID, db) else {
            return .refused("library.lend.cardFirst")
        }
        switch try Lending.checkout(scan.code, to: child, site: scan.site, at: scan.at, db) {
        case .success(let lent):
            return ScanVerdict(.accepted, .key("library.lend.lent"), name: lent.title, detail: .key("library.lend.due", lent.dueOn.display, child.fullName))
        case .failure(let refusal) where refusal.isBlock:
            let copyID = try BookCopy.find(barcode: scan.code, siteID: scan.site.id!, db)?.id ?? 0
            return ScanVerdict(.refused, refusal.deskMessage, name: child.fullName,
                               offer: StationOffer(label: .key("library.lend.override"), key: "override:\(copyID):\(childID)",
                                                   reason: .key("library.lend.why")))
        case .failure(let refusal):
            return ScanVerdict(.refused, refusal.deskMessage, name: child.fullName)
        }
    }

    /// Lends despite a block, with the librarian's reason (the offer was sealed for this site and desk).
    static func override(_ key: String, _ context: StationActionContext, _ db: Database) throws -> ScanVerdict {
        let parts = key.split(separator: ":")
        guard parts.count == 3, parts[0] == "override", let copyID = Int64(parts[1]), let childID = Int64(parts[2]),
              LibraryDesk.siteID(of: context.activity, "lend") == context.site.id,
              let copy = try BookCopy.fetchOne(db, key: copyID), copy.siteId == context.site.id,
              let child = try FamilyDirectory.child(childID, db) else { return .refused("scan.actionRefused") }
        guard let reason = context.reason, !reason.isEmpty else { return .refused("library.lend.reasonMissing") }
        let override = Lending.Override(librarian: context.staffUsername, reason: reason)
        switch try Lending.checkout(copy.barcode, to: child, site: context.site, at: context.at, override: override, db) {
        case .success(let lent):
            return ScanVerdict(.warning, .key("library.lend.lentOverride"), name: lent.title,
                               detail: .key("library.lend.due", lent.dueOn.display, child.fullName))
        case .failure(let refusal):
            return ScanVerdict(.refused, refusal.deskMessage, name: child.fullName)
        }
    }
}
