import Foundation
import KioskCore

/// Lending and returning a copy, with the site's rules, each in the caller's write transaction.
enum Lending {
    /// Why a copy is not lent, in words a nine-year-old understands (`library.refused.<reason>`).
    enum Refusal: String, Error, Sendable {
        case notACopy, notForLoan, alreadyYours, onLoan, heldForOther, limitReached, overdueAtHome, aboveAgeBand, noMoreRenewals

        var message: LocalizedText { .key("library.refused.\(rawValue)") }
    }

    /// A loan made: the copy's title and the day to bring it back.
    struct Lent: Sendable, Hashable, Codable {
        let title: String
        let dueOn: LocalDate
    }

    /// Lends the copy labelled `barcode` to `child`, or says why not.
    static func checkout(_ barcode: String, to child: Child, site: Site, at now: Date, _ db: Database) throws -> Result<Lent, Refusal> {
        guard let copy = try BookCopy.find(barcode: barcode, siteID: site.id!, db), let title = try BookTitle.fetchOne(db, key: copy.titleId) else {
            return .failure(.notACopy)
        }
        if let open = try Loan.filter(Loan.Columns.copyId == copy.id! && Loan.Columns.returnedAt == nil).fetchOne(db) {
            return .failure(open.childId == child.id ? .alreadyYours : .onLoan)
        }
        switch copy.status {
        case .shelf: break
        case .hold: return .failure(.heldForOther)
        case .loan, .lost, .damaged, .withdrawn: return .failure(.notForLoan)
        }
        let today = LocalDate(now)
        let age = child.age(on: today)
        let rule = try LoanRule.rule(siteID: site.id!, age: age, category: title.category, db)
        let settings = try LibrarySettings.of(siteID: site.id!, db)
        let open = try Loan.filter(Loan.Columns.childId == child.id! && Loan.Columns.returnedAt == nil).fetchAll(db)
        let overdue = open.filter { $0.daysLate(on: today) > settings.graceDays }
        guard overdue.count < max(1, settings.blockFromOverdue) else { return .failure(.overdueAtHome) }
        guard open.count < rule.maxLoans else { return .failure(.limitReached) }
        guard age >= title.minAge || rule.aboveAgeBand else { return .failure(.aboveAgeBand) }
        var loan = Loan(copyId: copy.id!, childId: child.id!, readerAge: age, category: title.category, loanedAt: now,
                        dueOn: settings.dueDate(from: today, days: rule.loanDays))
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

    /// Gives an open loan of the family's child a new due date, if the rules allow another renewal
    /// and the book is not late.
    static func renew(_ loanID: Int64, familyID: Int64, site: Site, at now: Date, _ db: Database) throws -> Result<LocalDate, Refusal> {
        guard var loan = try Loan.fetchOne(db, key: loanID), loan.returnedAt == nil, let childID = loan.childId,
              let copy = try BookCopy.fetchOne(db, key: loan.copyId), copy.siteId == site.id else { return .failure(.notACopy) }
        let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
        let today = LocalDate(now)
        let rule = try LoanRule.rule(siteID: site.id!, age: child.age(on: today), category: loan.category, db)
        guard loan.daysLate(on: today) == 0 else { return .failure(.overdueAtHome) }
        guard loan.renewals < rule.renewals else { return .failure(.noMoreRenewals) }
        loan.renewals += 1
        loan.dueOn = try LibrarySettings.of(siteID: site.id!, db).dueDate(from: today, days: rule.loanDays)
        try loan.update(db)
        return .success(loan.dueOn)
    }

    /// A copy brought back: its title and how many days late it was, or nil when it was on no loan.
    static func checkin(_ barcode: String, site: Site, at now: Date, _ db: Database) throws -> (title: String, daysLate: Int)? {
        guard var copy = try BookCopy.find(barcode: barcode, siteID: site.id!, db),
              var loan = try Loan.filter(Loan.Columns.copyId == copy.id! && Loan.Columns.returnedAt == nil).fetchOne(db),
              let title = try BookTitle.fetchOne(db, key: copy.titleId) else { return nil }
        loan.returnedAt = now
        try loan.update(db)
        copy.status = .shelf
        try copy.update(db)
        return (title.title, loan.daysLate(on: LocalDate(now)))
    }
}
