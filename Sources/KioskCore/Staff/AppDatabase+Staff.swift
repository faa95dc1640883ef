import Foundation

/// A staff account with its roles, as the web host needs it after login.
public struct StaffMember: Sendable, Hashable {
    public let account: StaffAccount
    public let roles: [StaffRole]

    /// Whether the member holds `role` (or `admin`, which includes staff work) at the site.
    public func may(_ role: StaffRole.Role, siteID: Int64) -> Bool {
        roles.contains { ($0.siteId == nil || $0.siteId == siteID) && ($0.role == role || $0.role == .admin) }
    }

    /// Whether the member is an administrator of every site.
    public var isDeploymentAdmin: Bool { roles.contains { $0.siteId == nil && $0.role == .admin } }
}

extension AppDatabase {
    /// Creates a staff account with a role (siteID nil: every site).
    /// - Parameter passwordHash: a bcrypt hash made by the caller.
    public func createStaff(username: String, displayName: String, passwordHash: String, role: StaffRole.Role,
                            siteID: Int64?, actor: String, at now: Date) async throws -> StaffAccount {
        let username = try TextInput.clean(username, field: "username", maxLength: 40).lowercased()
        guard username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw KioskError(.invalidInput, "error.username.invalid", field: "username")
        }
        let displayName = try TextInput.clean(displayName, field: "displayName", maxLength: 80)
        return try await write { db in
            var account = StaffAccount(username: username, displayName: displayName, passwordHash: passwordHash, createdAt: now)
            do {
                try account.insert(db)
            } catch DatabaseError.SQLITE_CONSTRAINT_UNIQUE {
                throw KioskError(.conflict, "error.username.taken", field: "username")
            }
            var staffRole = StaffRole(staffAccountId: account.id!, siteId: siteID, role: role)
            try staffRole.insert(db)
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "staff.create",
                           target: "staff:\(username)", detail: "role: \(role.rawValue)").insert(db)
            return account
        }
    }

    /// The active account with this username and its roles.
    public func staffMember(username: String) async throws -> StaffMember? {
        try await read { db in
            guard let account = try StaffAccount.filter(StaffAccount.Columns.username == username.lowercased()).fetchOne(db),
                  account.disabledAt == nil else { return nil }
            let roles = try StaffRole.filter(StaffRole.Columns.staffAccountId == account.id!).fetchAll(db)
            return StaffMember(account: account, roles: roles)
        }
    }

    /// Accounts with a role at the site (or at every site).
    public func staffMembers(siteID: Int64) async throws -> [(account: StaffAccount, role: StaffRole)] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT staffAccount.*, staffRole.id AS roleId, staffRole.siteId AS roleSiteId, staffRole.role
                FROM staffAccount JOIN staffRole ON staffRole.staffAccountId = staffAccount.id
                WHERE staffRole.siteId = ? OR staffRole.siteId IS NULL ORDER BY staffAccount.username
                """, arguments: [siteID])
            return try rows.map { row in
                let account = try StaffAccount(row: row)
                let role = StaffRole(id: row["roleId"], staffAccountId: account.id!, siteId: row["roleSiteId"],
                                     role: StaffRole.Role(rawValue: row["role"]) ?? .staff)
                return (account, role)
            }
        }
    }

    /// Disables an account: it can no longer log in; its audit trail stays.
    public func disableStaff(id: Int64, actor: String, siteID: Int64?, at now: Date) async throws {
        try await write { db in
            guard var account = try StaffAccount.fetchOne(db, key: id) else { throw KioskError(.notFound, "error.notFound") }
            account.disabledAt = now
            try account.update(db)
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "staff.disable", target: "staff:\(account.username)").insert(db)
        }
    }

    /// Records an action in the audit log.
    public func audit(_ action: String, target: String, actor: String, siteID: Int64?, detail: String = "", at now: Date) async throws {
        try await write { db in
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: action, target: target, detail: detail).insert(db)
        }
    }

    /// The latest audit entries, newest first (of one site, or of all sites).
    public func auditLog(siteID: Int64?, limit: Int = 200) async throws -> [AuditEntry] {
        try await read { db in
            var request = AuditEntry.order(AuditEntry.Columns.at.desc, Column("id").desc).limit(limit)
            if let siteID { request = request.filter(AuditEntry.Columns.siteId == siteID) }
            return try request.fetchAll(db)
        }
    }
}
