import Foundation
import KioskCore

/// Lending and returning a copy, with the site's rules, each in the caller's write transaction.
enum Lending {
    /// Why a copy is not lent, in words a nine-year-old understands (`library.refused.<reason>`).
    enum Refusal: String, Error, Sendable {
        case notACopy, notForLoan, alreadyYours, onLoan, heldForOther, limitReached, overdueAtHome, aboveAgeBand, noMoreRenewals
        /// Renewals and holds: another reader waits for the book; a copy is on the shelf; the rules
        /// allow no hold; the child holds it already.
        case wanted, onShelf, holdsNotAllowed, alreadyHeld

        /// Whether a librarian at the desk may lend despite it: a block of the rules, not a copy
        /// that is elsewhere.
        var isBlock: Bool { [.limitReached, .overdueAtHome, .aboveAgeBand].contains(self) }

        var message: LocalizedText { .key("library.refused.\(rawValue)") }

        /// The same in a few words, for the verdict that fills a staff station's screen.
        var deskMessage: LocalizedText { .key("library.desk.refused.\(rawValue)") }
    }

    /// A loan made: the copy's title and the day to bring it back.
    struct Lent: Sendable, Hashable, Codable {
        let title: String
        let dueOn: LocalDate
    }

    /// A librarian who lends despite a block of the rules, and why.
    struct Override: Sendable, Hashable {
        let librarian: String
        let reason: String
    }

    /// Lends the copy labelled `barcode` to `child`, or says why not. A copy on the hold shelf is
    /// lent only to the reader it waits for. With `override`, the rules' blocks do not apply.
    static func checkout(_ barcode: String, to child: Child, site: Site, at now: Date, override: Override? = nil,
                         _ db: Database) throws -> Result<Lent, Refusal> {
        guard let copy = try BookCopy.find(barcode: barcode, siteID: site.id!, db), let title = try BookTitle.fetchOne(db, key: copy.titleId) else {
            return .failure(.notACopy)
        }
        if let open = try Loan.filter(Loan.Columns.copyId == copy.id! && Loan.Columns.returnedAt == nil).fetchOne(db) {
            return .failure(open.childId == child.id ? .alreadyYours : .onLoan)
        }
        let today = LocalDate(now)
        let age = child.age(on: today)
        let rule = try LoanRule.rule(siteID: site.id!, age: age, category: title.category, db)
        let settings = try LibrarySettings.of(siteID: site.id!, db)
        if override == nil, let block = try block(child, age: age, title: title, rule: rule, settings: settings, on: today, db) {
            return .failure(block)
        }
        switch copy.status {
        case .shelf: break
        case .hold: guard try Holds.collect(copy, by: child, at: now, db) else { return .failure(.heldForOther) }
        case .loan, .lost, .damaged, .withdrawn: return .failure(.notForLoan)
        }
        var loan = Loan(copyId: copy.id!, childId: child.id!, readerAge: age, category: title.category, loanedAt: now,
                        dueOn: settings.dueDate(from: today, days: rule.loanDays),
                        overriddenBy: override?.librarian, overrideReason: override?.reason)
        do {
            try loan.insert(db)
        } catch DatabaseError.SQLITE_CONSTRAINT_UNIQUE {
            return .failure(.onLoan)  // another kiosk lent it a moment ago
        }
        var lent = copy
        lent.status = .loan
        try lent.update(db)
        return .success(Lent(title: title.title, dueOn: loan.dueOn))
    }

    /// What of the rules stops the child borrowing the title today, if anything: overdue books at
    /// home, the loans at once, the age band.
    static func block(_ child: Child, age: Int, title: BookTitle, rule: LoanRule, settings: LibrarySettings, on today: LocalDate,
                      _ db: Database) throws -> Refusal? {
        let open = try Loan.filter(Loan.Columns.childId == child.id! && Loan.Columns.returnedAt == nil).fetchAll(db)
        let overdue = open.filter { $0.daysLate(on: today) > settings.graceDays }
        if overdue.count >= max(1, settings.blockFromOverdue) { return .overdueAtHome }
        if open.count >= rule.maxLoans { return .limitReached }
        if age < title.minAge && !rule.aboveAgeBand { return .aboveAgeBand }
        return nil
    }

    /// Gives an open loan of the family's child a new due date, if the rules allow another renewal
    /// the book is not late, and no reader waits for its title.
    static func renew(_ loanID: Int64, familyID: Int64, site: Site, at now: Date, _ db: Database) throws -> Result<LocalDate, Refusal> {
        guard var loan = try Loan.fetchOne(db, key: loanID), loan.returnedAt == nil, let childID = loan.childId,
              let copy = try BookCopy.fetchOne(db, key: loan.copyId), copy.siteId == site.id else { return .failure(.notACopy) }
        let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
        let today = LocalDate(now)
        let rule = try LoanRule.rule(siteID: site.id!, age: child.age(on: today), category: loan.category, db)
        guard loan.daysLate(on: today) == 0 else { return .failure(.overdueAtHome) }
        guard loan.renewals < rule.renewals else { return .failure(.noMoreRenewals) }
        guard try !Holds.isWanted(titleID: copy.titleId, db) else { return .failure(.wanted) }
        loan.renewals += 1
        loan.dueOn = try LibrarySettings.of(siteID: site.id!, db).dueDate(from: today, days: rule.loanDays)
        try loan.update(db)
        return .success(loan.dueOn)
    }

    /// A copy brought back: its title, how many days late, and the reader it now waits for on the
    /// hold shelf, if one waits.
    struct Returned: Sendable {
        let title: String
        let daysLate: Int
        let heldFor: Child?
    }

    /// Takes back the copy labelled `barcode`, or nil when it was on no loan.
    static func checkin(_ barcode: String, site: Site, at now: Date, _ db: Database) throws -> Returned? {
        guard var copy = try BookCopy.find(barcode: barcode, siteID: site.id!, db),
              var loan = try Loan.filter(Loan.Columns.copyId == copy.id! && Loan.Columns.returnedAt == nil).fetchOne(db),
              let title = try BookTitle.fetchOne(db, key: copy.titleId) else { return nil }
        loan.returnedAt = now
        try loan.update(db)
        let heldFor = try Holds.serve(&copy, on: LocalDate(now), db)
        try copy.update(db)
        return Returned(title: title.title, daysLate: loan.daysLate(on: LocalDate(now)), heldFor: heldFor)
    }

    /// Marks a copy lost, damaged or withdrawn: an open loan of it ends (the reader is not blocked
    /// by a book the library wrote off) and a hold it waited for goes back to the queue, in its place.
    static func writeOff(_ copy: inout BookCopy, as status: BookCopy.Status, at now: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE library_loan SET returnedAt = ? WHERE copyId = ? AND returnedAt IS NULL",
                       arguments: [DatabaseTimestamp(now), copy.id!])
        try db.execute(sql: "UPDATE library_hold SET status = 'waiting', copyId = NULL, readyUntil = NULL WHERE copyId = ? AND status = 'ready'",
                       arguments: [copy.id!])
        copy.status = status
        try copy.update(db)
    }
}
