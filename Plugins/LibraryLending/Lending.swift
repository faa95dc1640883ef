import Foundation
import KioskCore

/// Lending and returning a copy, with the site's rules, each in the caller's write transaction.
enum Lending {
    /// Why a copy is not lent, in words a nine-year-old understands (`library.refused.<reason>`).
    enum Refusal: String, Error, Sendable {
        case notACopy, notForLoan, alreadyYours, onLoan, heldForOther, limitReached, overdueAtHome, aboveAgeBand

        var message: LocalizedText { .key("library.refused.\(rawValue)") }
    }

    /// A loan made: the copy's title and the day to bring it back.
    struct Lent: Sendable, Hashable {
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
        var loan = Loan(copyId: copy.id!, childId: child.id!, loanedAt: now, dueOn: settings.dueDate(from: today, days: rule.loanDays))
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
