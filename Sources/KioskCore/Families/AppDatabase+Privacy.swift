import Foundation

extension AppDatabase {
    /// Everything held about a family: guardians, children, consent evidence, and each module's part.
    public func exportFamily(familyID: Int64, siteID: Int64, registry: ModuleRegistry, actor: String, at now: Date) async throws -> FamilyExport {
        try await write { db in
            guard let family = try Family.fetchOne(db, key: familyID), family.siteId == siteID else {
                throw KioskError(.notFound, "error.family.notFound")
            }
            var items: [FamilyExport.Item] = []
            func add(_ section: String, _ record: String, _ fields: [(String, String)]) {
                items += fields.map { FamilyExport.Item(section: section, record: record, field: $0.0, value: $0.1) }
            }
            let iso = ISO8601DateFormatter()
            for guardian in try Guardian.filter(Guardian.Columns.familyId == familyID).fetchAll(db) {
                add("guardian", "guardian#\(guardian.id!)", [("fullName", guardian.fullName), ("phone", guardian.phone),
                    ("relationship", guardian.relationship), ("createdAt", iso.string(from: guardian.createdAt))])
            }
            for child in try Child.filter(Child.Columns.familyId == familyID).fetchAll(db) {
                let record = "child#\(child.id!)"
                add("child", record, [("fullName", child.fullName), ("birthDate", child.birthDate.iso), ("school", child.school),
                    ("grade", child.grade), ("createdAt", iso.string(from: child.createdAt)),
                    ("consentWithdrawnAt", child.consentWithdrawnAt.map(iso.string(from:)) ?? "")])
                for consent in try Consent.filter(Column("childId") == child.id!).fetchAll(db) {
                    add("consent", "consent#\(consent.id!)", [("child", record), ("purpose", consent.purpose), ("givenBy", consent.givenBy),
                        ("textVersion", consent.textVersion), ("kiosk", consent.kiosk), ("givenAt", iso.string(from: consent.givenAt))])
                }
                for module in registry.modules {
                    for section in try module.exportChild(child.id!, db) {
                        for (index, row) in section.rows.enumerated() {
                            add("\(module.id)/\(section.title)", "\(record)/\(index + 1)", row.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
                        }
                    }
                }
            }
            for module in registry.modules {
                for section in try module.exportFamily(familyID, db) {
                    for (index, row) in section.rows.enumerated() {
                        add("\(module.id)/\(section.title)", "family#\(familyID)/\(index + 1)", row.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
                    }
                }
            }
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "family.export", target: "family#\(familyID)").insert(db)
            return FamilyExport(familyID: familyID, items: items)
        }
    }

    /// Erases a family on request: guardians, children, consent, cards, and every module's rows about
    /// the children. The audit log records that it happened, not what was erased. Deleted pages are
    /// overwritten (`secure_delete`) and the WAL truncated, so no copy stays in the database files;
    /// the cost is the family's rows, not the site's.
    public func eraseFamily(familyID: Int64, siteID: Int64, registry: ModuleRegistry, actor: String, at now: Date) async throws {
        try await write { db in
            guard let family = try Family.fetchOne(db, key: familyID), family.siteId == siteID else {
                throw KioskError(.notFound, "error.family.notFound")
            }
            let childIDs = try Int64.fetchAll(db, sql: "SELECT id FROM child WHERE familyId = ?", arguments: [familyID])
            let guardianIDs = try Int64.fetchAll(db, sql: "SELECT id FROM guardian WHERE familyId = ?", arguments: [familyID])
            for module in registry.modules {
                for childID in childIDs { try module.eraseChild(childID, db) }
                try module.eraseFamily(familyID, db)
            }
            // The name words, the cards, the consent, the drafts and the attachments' rows go with the
            // family's rows (ON DELETE CASCADE); the attachments' files once that has committed.
            try attachments?.removeFiles(ofChildren: childIDs, db)
            _ = try family.delete(db)
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "family.erase", target: "family#\(familyID)",
                           detail: "children: \(childIDs.count), guardians: \(guardianIDs.count)").insert(db)
        }
        try await truncateWAL()
    }

    /// Copies the WAL into the database and empties it, so that no older copy of an erased page
    /// stays in it. While another connection checkpoints (the `WALCheckpointer`), SQLite answers BUSY
    /// at once instead of waiting: that wait is done here, up to a second, then left to the next
    /// checkpoint, since the erasure itself has committed.
    func truncateWAL() async throws {
        for _ in 0..<50 {
            do {
                try await writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Records that a guardian withdrew consent for a child: no new registrations from now on.
    public func withdrawConsent(childID: Int64, siteID: Int64, actor: String, at now: Date) async throws {
        try await write { db in
            guard var child = try Child.fetchOne(db, key: childID), child.siteId == siteID else {
                throw KioskError(.notFound, "error.family.notFound")
            }
            guard child.consentWithdrawnAt == nil else { return }
            child.consentWithdrawnAt = now
            try child.update(db)
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "consent.withdraw", target: "child#\(childID)").insert(db)
        }
    }

    /// A child who may be registered for something, or an error saying why not.
    public static func childForRegistration(_ childID: Int64, familyID: Int64, _ db: Database) throws -> Child {
        guard let child = try Child.fetchOne(db, key: childID), child.familyId == familyID else {
            throw KioskError(.notFound, "error.family.notFound")
        }
        guard child.mayRegister else { throw KioskError(.forbidden, "error.consent.withdrawn") }
        return child
    }
}
