import KioskCore

enum ScholarshipMigrations {
    static func register(in migrator: inout ModuleMigrator) {
        migrator.register("001 create round, application") { db in
            try db.create(table: ScholarshipRound.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("titleVi", .text).notNull()
                t.column("titleEn", .text).notNull()
                t.column("opensOn", .text).notNull()
                t.column("closesOn", .text).notNull()
                t.column("minAge", .integer).notNull()
                t.column("maxAge", .integer).notNull()
                t.column("criteria", .text).notNull()
                t.column("documents", .text).notNull()
                t.column("rubric", .text).notNull()
                t.column("quota", .integer).notNull()
                t.column("budget", .integer).notNull()
                t.column("award", .integer).notNull()
                t.column("retentionMonths", .integer).notNull()
            }
            try db.create(table: ScholarshipApplication.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("roundId", .integer).notNull().references(ScholarshipRound.databaseTableName, onDelete: .cascade)
                // Erasing a family erases its applications; the retention empties it, and the rest stays for the reports.
                t.belongsTo("child", onDelete: .cascade)
                t.column("appliedAt", .datetime).notNull()
                t.column("circumstances", .text).notNull()
                t.column("note", .text).notNull()
                t.column("school", .text).notNull()
                t.column("grade", .text).notNull()
                t.column("documentsReceived", .text).notNull()
                t.column("decision", .text)
                t.column("decidedBy", .text)
                t.column("decidedAt", .datetime)
                t.column("decisionReason", .text)
                // One application per child and round, whoever taps twice.
                t.uniqueKey(["roundId", "childId"])
            }
            try db.create(table: DocumentPhotos.table) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationId", .integer).notNull().indexed().references(ScholarshipApplication.databaseTableName, onDelete: .cascade)
                t.column("document", .text).notNull()
                // The core's attachment, erased with the child's family and by the retention.
                t.column("attachmentId", .integer).notNull()
                t.column("addedAt", .datetime).notNull()
            }
            try db.create(table: Review.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationId", .integer).notNull().references(ScholarshipApplication.databaseTableName, onDelete: .cascade)
                t.column("reviewer", .text).notNull()
                t.column("scores", .text).notNull()
                t.column("recusedReason", .text)
                t.column("submittedAt", .datetime).notNull()
                t.uniqueKey(["applicationId", "reviewer"])
            }
        }
    }
}
