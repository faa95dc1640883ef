import KioskCore

enum LibraryMigrations {
    static func register(in migrator: inout ModuleMigrator) {
        migrator.register("001 create title, copy, loan, rule, settings") { db in
            try db.create(table: BookTitle.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("title", .text).notNull()
                t.column("author", .text).notNull()
                t.column("publisher", .text).notNull()
                t.column("year", .integer)
                t.column("isbn", .text).notNull()
                t.column("category", .text).notNull()
                t.column("minAge", .integer).notNull()
                t.column("maxAge", .integer).notNull()
                t.column("shelfMark", .text).notNull()
            }
            try db.create(table: BookCopy.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("titleId", .integer).notNull().indexed().references(BookTitle.databaseTableName, onDelete: .cascade)
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("barcode", .text).notNull()
                t.column("shelf", .text).notNull()
                t.column("status", .text).notNull()
                t.uniqueKey(["siteId", "barcode"])
            }
            try db.create(table: Loan.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("copyId", .integer).notNull().references(BookCopy.databaseTableName, onDelete: .cascade)
                // Emptied once the history is kept no longer: the loan still counts in the reports.
                t.belongsTo("child", onDelete: .cascade)
                t.column("readerAge", .integer).notNull()
                t.column("category", .text).notNull()
                t.column("loanedAt", .datetime).notNull().indexed()
                t.column("dueOn", .text).notNull().indexed()
                t.column("returnedAt", .datetime)
                t.column("renewals", .integer).notNull()
                t.column("overriddenBy", .text)
                t.column("overrideReason", .text)
            }
            // A copy is on one open loan at most, whoever scans it at the same moment.
            try db.execute(sql: "CREATE UNIQUE INDEX library_loan_open ON library_loan (copyId) WHERE returnedAt IS NULL")
            try db.create(table: LoanRule.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("minAge", .integer)
                t.column("maxAge", .integer)
                t.column("category", .text).notNull()
                t.column("maxLoans", .integer).notNull()
                t.column("loanDays", .integer).notNull()
                t.column("renewals", .integer).notNull()
                t.column("aboveAgeBand", .boolean).notNull()
            }
            try db.create(table: LibrarySettings.databaseTableName) { t in
                t.primaryKey("siteId", .integer).references("site", onDelete: .cascade)
                t.column("closedWeekdays", .text).notNull()
                t.column("holidays", .text).notNull()
                t.column("blockFromOverdue", .integer).notNull()
                t.column("graceDays", .integer).notNull()
                t.column("historyDays", .integer).notNull()
            }
        }
        migrator.register("002 title search text") { db in
            try db.alter(table: BookTitle.databaseTableName) { t in
                t.add(column: "searchText", .text).notNull().defaults(to: "")
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, title, author FROM library_title") {
                try db.execute(sql: "UPDATE library_title SET searchText = ? WHERE id = ?",
                               arguments: [VietnameseFolding.fold("\(row["title"] as String) \(row["author"] as String)"), row["id"] as Int64])
            }
        }
        migrator.register("003 holds, hold rules and the hold shelf's days") { db in
            try db.create(table: Hold.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("titleId", .integer).notNull().references(BookTitle.databaseTableName, onDelete: .cascade)
                // Erasing a family erases its holds.
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.column("placedAt", .datetime).notNull()
                t.column("status", .text).notNull()
                t.column("copyId", .integer).references(BookCopy.databaseTableName, onDelete: .setNull)
                t.column("readyUntil", .text)
                t.column("finishedAt", .datetime)
            }
            try db.execute(sql: "CREATE INDEX library_hold_queue ON library_hold (titleId, status, placedAt)")
            // The overdue list reads the open loans by due date, not the years of returned ones.
            try db.execute(sql: "CREATE INDEX library_loan_open_due ON library_loan (dueOn) WHERE returnedAt IS NULL")
            try db.execute(sql: "CREATE INDEX library_hold_copy ON library_hold (copyId) WHERE copyId IS NOT NULL")
            // A child holds a title once at a time.
            try db.execute(sql: "CREATE UNIQUE INDEX library_hold_open ON library_hold (titleId, childId) WHERE status IN ('waiting', 'ready')")
            try db.alter(table: LoanRule.databaseTableName) { t in
                t.add(column: "holdsAllowed", .boolean).notNull().defaults(to: true)
            }
            try db.alter(table: BookCopy.databaseTableName) { t in
                t.add(column: "addedOn", .text)
            }
            try db.alter(table: LibrarySettings.databaseTableName) { t in
                t.add(column: "holdDays", .integer).notNull().defaults(to: 3)
            }
            // The reader whose card a librarian scanned last at the lending desk, per librarian.
            try db.create(table: "library_desk_reader") { t in
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("staffUsername", .text).notNull()
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.column("scannedAt", .datetime).notNull()
                t.primaryKey(["siteId", "staffUsername"])
            }
            try db.create(table: StockTake.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
            }
            try db.create(table: "library_stocktake_seen") { t in
                t.column("stockTakeId", .integer).notNull().references(StockTake.databaseTableName, onDelete: .cascade)
                t.column("copyId", .integer).notNull().references(BookCopy.databaseTableName, onDelete: .cascade)
                t.column("seenAt", .datetime).notNull()
                t.primaryKey(["stockTakeId", "copyId"])
            }
        }
        // The search reads the word index; the search text of 002 is no longer written.
        migrator.register("004 title words") { db in
            try BookTitle.words.create(in: db)
            for row in try Row.fetchAll(db, sql: "SELECT id, siteId, title, author FROM library_title") {
                try BookTitle.words.replace(id: row["id"], siteID: row["siteId"], with: "\(row["title"] as String) \(row["author"] as String)", db)
            }
        }
    }
}
