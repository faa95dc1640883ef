import Foundation
import KioskCore

/// What the library adds to a site's report, and to a child's data export. Loans whose reader is
/// no longer kept still count: each loan keeps the reader's age and the book's category.
enum LibraryReport {
    /// The age bands of the report.
    static let ageBands: [ClosedRange<Int>] = [0...5, 6...8, 9...11, 12...15, 16...18]

    static func figures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        let span: StatementArguments = [site.id!, DatabaseTimestamp(from.at(minutes: 0)), DatabaseTimestamp(to.adding(days: 1).at(minutes: 0))]
        let loans = try Row.fetchAll(db, sql: """
            SELECT l.childId, l.readerAge, l.category, c.titleId FROM library_loan l JOIN library_copy c ON c.id = l.copyId
            WHERE c.siteId = ? AND l.loanedAt >= ? AND l.loanedAt < ?
            """, arguments: span)
        let ages = loans.map { $0["readerAge"] as Int }, categories = loans.map { $0["category"] as String }
        let byTitle = Dictionary(grouping: loans, by: { $0["titleId"] as Int64 }).mapValues(\.count)
        let top = byTitle.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5)
        let titles = Dictionary(uniqueKeysWithValues: try BookTitle.fetchAll(db, keys: top.map(\.key)).map { ($0.id!, $0.title) })
        let readers = Set(loans.compactMap { $0["childId"] as Int64? }).count
        return [
            ReportFigure(name: "loans", label: .key("library.report.loans"), value: loans.count, parts:
                ageBands.map { band in ReportFigure(name: "\(band.lowerBound)-\(band.upperBound)", label: .key("library.report.ages", String(band.lowerBound), String(band.upperBound)),
                                                    value: ages.filter(band.contains).count) }
                + BookTitle.categories.map { category in ReportFigure(name: category, label: .key("library.category.\(category)"),
                                                                      value: categories.filter { $0 == category }.count) }),
            ReportFigure(name: "readers", label: .key("library.report.readers"), value: readers),
            ReportFigure(name: "loans_per_reader_x10", label: .key("library.report.loansPerReader"),
                         value: readers == 0 ? 0 : Int((Double(loans.count) * 10 / Double(readers)).rounded())),
            ReportFigure(name: "most_borrowed", label: .key("library.report.mostBorrowed"), value: top.first?.value ?? 0, parts:
                top.map { ReportFigure(name: String($0.key), label: .literal(vi: titles[$0.key] ?? ""), value: $0.value) }),
        ]
    }

    /// Forgets who borrowed books returned longer ago than each site's setting says; the loans stay, for the reports.
    static let retention = ModuleTask(name: "library/retention", every: .seconds(3600)) { context in
        let now = context.clock.now
        try await context.database.write { db in
            for siteID in try Int64.fetchAll(db, sql: "SELECT DISTINCT siteId FROM library_copy") {
                let days = try LibrarySettings.of(siteID: siteID, db).historyDays
                try db.execute(sql: """
                    UPDATE library_loan SET childId = NULL WHERE childId IS NOT NULL AND returnedAt < ?
                      AND copyId IN (SELECT id FROM library_copy WHERE siteId = ?)
                    """, arguments: [DatabaseTimestamp(now.addingTimeInterval(-Double(days) * 86400)), siteID])
            }
        }
    }
}
