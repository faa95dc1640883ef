import Foundation

extension AppDatabase {
    /// Creates a site.
    /// - Parameters:
    ///   - code: 1 to 8 upper-case letters or digits, unique.
    ///   - name: the centre's name.
    ///   - actor: who did it, for the audit log.
    public func createSite(code: String, name: String, actor: String, at now: Date) async throws -> Site {
        guard Site.isValidCode(code) else { throw KioskError(.invalidInput, "error.site.code", field: "code") }
        let name = try TextInput.clean(name, field: "name", maxLength: 120)
        return try await write { db in
            var site = Site(code: code, name: name, createdAt: now)
            do {
                try site.insert(db)
            } catch DatabaseError.SQLITE_CONSTRAINT_UNIQUE {
                throw KioskError(.conflict, "error.site.exists", code, field: "code")
            }
            try AuditEntry(at: now, siteId: site.id, actor: actor, action: "site.create", target: "site#\(site.id!)").insert(db)
            return site
        }
    }

    /// All sites, by code.
    public func sites() async throws -> [Site] {
        try await read { db in try Site.order(Site.Columns.code).fetchAll(db) }
    }

    /// The site with `code`, or a not-found error.
    public func site(code: String) async throws -> Site {
        let site = try await read { db in try Site.filter(Site.Columns.code == code).fetchOne(db) }
        guard let site else { throw KioskError(.notFound, "error.site.notFound") }
        return site
    }

    /// The modules enabled at a site.
    public func enabledModules(siteID: Int64) async throws -> Set<ModuleID> {
        try await read { db in try Self.enabledModules(siteID: siteID, db) }
    }

    static func enabledModules(siteID: Int64, _ db: Database) throws -> Set<ModuleID> {
        let ids = try String.fetchAll(db.cachedStatement(sql: "SELECT moduleID FROM siteModule WHERE siteId = ? AND enabled"), arguments: [siteID])
        return Set(ids.map(ModuleID.init(rawValue:)))
    }

    /// Enables or disables a module at a site, at once. Disabling deletes none of its data.
    public func setModule(_ moduleID: ModuleID, enabled: Bool, siteID: Int64, actor: String, at now: Date) async throws {
        try await write { db in
            try SiteModule(siteId: siteID, moduleID: moduleID.rawValue, enabled: enabled).upsert(db)
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: enabled ? "module.enable" : "module.disable",
                           target: "module:\(moduleID)").insert(db)
        }
    }
}
