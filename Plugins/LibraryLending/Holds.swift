import Foundation
import KioskCore

/// Reserving a title whose copies are all out, serving the queue in order as copies come back,
/// and passing a hold not collected in time to the next reader. Each runs in the caller's write
/// transaction, so concurrent returns serve the queue one copy at a time.
enum Holds {
    /// Reserves the title for the child: their place in the queue, or why not.
    static func place(titleID: Int64, for child: Child, site: Site, at now: Date, _ db: Database) throws -> Result<Int, Lending.Refusal> {
        guard let title = try BookTitle.fetchOne(db, key: titleID), title.siteId == site.id else { return .failure(.notACopy) }
        let copies = try BookCopy.filter(BookCopy.Columns.titleId == titleID).fetchAll(db)
        guard !copies.isEmpty else { return .failure(.notACopy) }
        guard !copies.contains(where: { $0.status == .shelf }) else { return .failure(.onShelf) }
        let copyIDs = copies.map { $0.id! }
        guard try Loan.filter(copyIDs.contains(Loan.Columns.copyId) && Loan.Columns.childId == child.id! && Loan.Columns.returnedAt == nil)
            .fetchCount(db) == 0 else { return .failure(.alreadyYours) }
        let rule = try LoanRule.rule(siteID: site.id!, age: child.age(on: LocalDate(now)), category: title.category, db)
        guard rule.holdsAllowed else { return .failure(.holdsNotAllowed) }
        guard child.age(on: LocalDate(now)) >= title.minAge || rule.aboveAgeBand else { return .failure(.aboveAgeBand) }
        var hold = Hold(siteId: site.id!, titleId: titleID, childId: child.id!, placedAt: now, status: .waiting)
        do {
            try hold.insert(db)
        } catch DatabaseError.SQLITE_CONSTRAINT_UNIQUE {
            return .failure(.alreadyHeld)
        }
        return .success(try Hold.queue(titleID: titleID).fetchCount(db))  // the newest hold is the last in the queue
    }

    /// Puts a copy just back on the hold shelf for the first reader waiting for its title: who it
    /// is for, or nil when nobody waits and the copy goes back on the shelf.
    static func serve(_ copy: inout BookCopy, on today: LocalDate, _ db: Database) throws -> Child? {
        guard var hold = try Hold.queue(titleID: copy.titleId).fetchOne(db) else {
            copy.status = .shelf
            return nil
        }
        let settings = try LibrarySettings.of(siteID: copy.siteId, db)
        hold.status = .ready
        hold.copyId = copy.id
        hold.readyUntil = settings.dueDate(from: today, days: settings.holdDays)
        try hold.update(db)
        copy.status = .hold
        return try FamilyDirectory.children([hold.childId], db)[hold.childId]
    }

    /// The hold a copy on the hold shelf waits for, if it is the child's: collected by lending it.
    static func collect(_ copy: BookCopy, by child: Child, at now: Date, _ db: Database) throws -> Bool {
        guard var hold = try Hold.filter(Hold.Columns.copyId == copy.id! && Hold.Columns.status == Hold.Status.ready.rawValue).fetchOne(db),
              hold.childId == child.id else { return false }
        hold.status = .collected
        hold.finishedAt = now
        try hold.update(db)
        return true
    }

    /// Whether a reader waits for the title (a loan of it is not renewed).
    static func isWanted(titleID: Int64, _ db: Database) throws -> Bool {
        try Hold.queue(titleID: titleID).fetchCount(db) > 0
    }

    /// Holds not collected by their last day pass to the next reader in the queue, or their copy
    /// goes back on the shelf. Returns how many expired.
    @discardableResult
    static func expire(on today: LocalDate, at now: Date, _ db: Database) throws -> Int {
        let late = try Hold.filter(Hold.Columns.status == Hold.Status.ready.rawValue && Hold.Columns.readyUntil < today).fetchAll(db)
        for var hold in late {
            hold.status = .expired
            hold.finishedAt = now
            try hold.update(db)
            if let copyID = hold.copyId, var copy = try BookCopy.fetchOne(db, key: copyID), copy.status == .hold {
                _ = try serve(&copy, on: today, db)
                try copy.update(db)
            }
        }
        return late.count
    }

    /// Runs the expiry every hour, and forgets finished holds as a loan's history is forgotten.
    static let expiry = ModuleTask(name: "library/holds", every: .seconds(3600)) { context in
        let now = context.clock.now, today = context.clock.today
        try await context.database.write { db in
            try expire(on: today, at: now, db)
            for siteID in try Int64.fetchAll(db, sql: "SELECT DISTINCT siteId FROM library_hold") {
                let days = try LibrarySettings.of(siteID: siteID, db).historyDays
                try Hold.filter(Column("siteId") == siteID && Column("finishedAt") < DatabaseTimestamp(now.addingTimeInterval(-Double(days) * 86400)))
                    .deleteAll(db)
            }
        }
    }
}
