/// The core schema: sites and their modules, families, consent, staff, tickets and the audit log.
enum CoreMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("core/001 sites, families, staff, tickets, audit") { db in
            try db.create(table: "site") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "siteModule") { t in
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("moduleID", .text).notNull()
                t.column("enabled", .boolean).notNull()
                t.primaryKey(["siteId", "moduleID"])
            }
            try db.create(table: "family") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "guardian") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("family", onDelete: .cascade).notNull()
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("fullName", .text).notNull()
                t.column("phone", .text).notNull()
                t.column("relationship", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["siteId", "phone"])
            }
            try db.create(table: "child") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("family", onDelete: .cascade).notNull()
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("fullName", .text).notNull()
                t.column("birthDate", .text).notNull()
                t.column("school", .text).notNull()
                t.column("grade", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("consentWithdrawnAt", .datetime)
            }
            try db.create(index: "child_on_birthDate", on: "child", columns: ["familyId", "birthDate"])
            try db.create(table: "consent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.belongsTo("guardian", onDelete: .setNull)
                t.column("givenBy", .text).notNull()
                t.column("textVersion", .text).notNull()
                t.column("kiosk", .text).notNull()
                t.column("givenAt", .datetime).notNull()
            }
            // Search of folded names ("dang thi anh" finds "Đặng Thị Ánh") through a full-text index;
            // rowid is the child's or the guardian's id. Replaced by core/005.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE childSearch USING fts5(foldedName, tokenize = 'unicode61');
                CREATE VIRTUAL TABLE guardianSearch USING fts5(foldedName, tokenize = 'unicode61');
                """)
            try db.create(table: "staffAccount") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                t.column("displayName", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("disabledAt", .datetime)
            }
            try db.create(table: "staffRole") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("staffAccount", onDelete: .cascade).notNull()
                t.belongsTo("site", onDelete: .cascade)   // NULL: every site
                t.column("role", .text).notNull()
            }
            try db.create(table: "ticket") { t in
                t.column("id", .text).primaryKey()
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull()
                t.column("moduleID", .text).notNull()
                t.column("subjectID", .integer).notNull()
                t.belongsTo("child", onDelete: .cascade)
                t.belongsTo("guardian", onDelete: .cascade)
                t.column("issuedAt", .datetime).notNull()
                t.column("revokedAt", .datetime)
            }
            try db.create(index: "ticket_on_subject", on: "ticket", columns: ["kind", "subjectID"])
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.belongsTo("site", onDelete: .setNull)
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("target", .text).notNull()
                t.column("detail", .text).notNull()
            }
            try db.create(index: "auditEntry_on_at", on: "auditEntry", columns: ["at"])
        }
        migrator.registerMigration("core/002 site schools") { db in
            try db.create(table: "siteSchool") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
            }
        }
        migrator.registerMigration("core/003 identify failures") { db in
            try db.create(table: "identifyFailure") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("scope", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "identifyFailure_on_scope", on: "identifyFailure", columns: ["siteId", "scope", "at"])
            try db.create(index: "identifyFailure_on_at", on: "identifyFailure", columns: ["at"])
        }
        migrator.registerMigration("core/004 kiosk version, health probe") { db in
            try db.create(table: "kioskVersion") { t in
                t.primaryKey("id", .integer)
                t.column("version", .text).notNull()
            }
            try db.create(table: "healthProbe") { t in
                t.primaryKey("id", .integer)
                t.column("at", .datetime).notNull()
            }
        }
        migrator.registerMigration("core/005 name words instead of the full-text index") { db in
            // One row per folded word of a name (see `NameIndex`): erasing a person no longer needs
            // the whole full-text index rewritten to leave no copy of the name in the files.
            for index in [NameIndex.children, .guardians] {
                try db.execute(sql: """
                    CREATE TABLE \(index.table) (
                      word TEXT NOT NULL,
                      \(index.column) INTEGER NOT NULL REFERENCES \(index.people)(id) ON DELETE CASCADE,
                      PRIMARY KEY (word, \(index.column))
                    ) WITHOUT ROWID;
                    CREATE INDEX \(index.table)_on_person ON \(index.table)(\(index.column), word);
                    """)
                let people = try Row.fetchAll(db, sql: "SELECT id, fullName FROM \(index.people)")
                for person in people { try index.add(person["fullName"], id: person["id"], db) }
            }
            try db.execute(sql: "DROP TABLE childSearch; DROP TABLE guardianSearch")
        }
        migrator.registerMigration("core/006 consent purposes, kiosk profiles, drafts, attachments") { db in
            try db.create(table: "attachment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.column("moduleID", .text).notNull()
                t.column("filename", .text).notNull()
                t.column("type", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("storedName", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
            }
            try db.alter(table: "consent") { t in
                t.add(column: "purpose", .text).notNull().defaults(to: "membership")
            }
            try db.create(index: "consent_on_purpose", on: "consent", columns: ["childId", "purpose"])
            try db.create(table: "kioskProfile") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.column("label", .text).notNull()
                // The modules whose tiles the kiosk shows, by id, one per line.
                t.column("modules", .text).notNull()
                t.uniqueKey(["siteId", "name"])
            }
            try db.create(table: "kioskDraft") { t in
                t.belongsTo("family", onDelete: .cascade).notNull()
                t.column("flow", .text).notNull()
                t.column("state", .blob).notNull()
                t.column("screen", .blob).notNull()
                t.column("expiresAt", .datetime).notNull().indexed()
                t.primaryKey(["familyId", "flow"])
            }
        }
    }
}
