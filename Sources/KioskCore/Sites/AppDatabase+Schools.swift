import Foundation

extension AppDatabase {
    /// The most schools a site keeps on its list.
    public static let maxSchools = 300

    /// The schools near a site that the kiosk offers as a child's school, in the order the administrator gave.
    public func schools(siteID: Int64) async throws -> [String] {
        try await read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM siteSchool WHERE siteId = ? ORDER BY id"), arguments: [siteID])
        }
    }

    /// Replaces a site's list of nearby schools with `text`, one school a line; blank lines and
    /// repeats are dropped.
    /// - Parameters:
    ///   - text: the list as typed in the admin page.
    ///   - actor: who did it, for the audit log.
    public func setSchools(_ text: String, siteID: Int64, actor: String, at now: Date) async throws {
        var names: [String] = []
        var seen = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let name = try TextInput.clean(String(line), field: "schools", maxLength: 120, required: false)
            if !name.isEmpty, seen.insert(VietnameseFolding.fold(name)).inserted { names.append(name) }
        }
        guard names.count <= Self.maxSchools else {
            throw KioskError(.invalidInput, "error.schools.tooMany", String(Self.maxSchools), field: "schools")
        }
        try await write { [names] db in
            try db.execute(sql: "DELETE FROM siteSchool WHERE siteId = ?", arguments: [siteID])
            for name in names {
                try db.execute(sql: "INSERT INTO siteSchool (siteId, name) VALUES (?, ?)", arguments: [siteID, name])
            }
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "site.schools", target: "site#\(siteID)",
                           detail: "\(names.count)").insert(db)
        }
    }
}
