import Foundation

/// A staff account with its roles, as the web host needs it after login.
public struct StaffMember: Sendable, Hashable {
    public let account: StaffAccount
    public let roles: [StaffRole]

    /// Whether the member holds `role` (or `admin`, which includes staff work) at the site.
    public func may(_ role: StaffRole.Role, siteID: Int64) -> Bool {
        roles.contains { ($0.siteId == nil || $0.siteId == siteID) && ($0.role == role || $0.role == .admin) }
    }

    /// Whether the member holds exactly `role` at the site (a module's role: a reviewer), granted
    /// for that site or for every site.
    public func holds(_ role: StaffRole.Role, siteID: Int64) -> Bool {
        roles.contains { ($0.siteId == nil || $0.siteId == siteID) && $0.role == role }
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

    /// Accounts with a role at the site (or at every site), each with those roles, by username.
    public func staffMembers(siteID: Int64) async throws -> [StaffMember] {
        try await read { db in
            let roles = try StaffRole.filter(StaffRole.Columns.siteId == siteID || StaffRole.Columns.siteId == nil).fetchAll(db)
            let accounts = try StaffAccount.filter(keys: Set(roles.map(\.staffAccountId))).order(StaffAccount.Columns.username).fetchAll(db)
            let byAccount = Dictionary(grouping: roles, by: \.staffAccountId)
            return accounts.map { StaffMember(account: $0, roles: byAccount[$0.id!] ?? []) }
        }
    }

    /// Grants a role at a site to an account that already works there; granting it twice changes nothing.
    public func grantRole(_ role: StaffRole.Role, accountID: Int64, siteID: Int64, actor: String, at now: Date) async throws {
        try await write { db in
            let account = try Self.siteAccount(accountID, siteID: siteID, db)
            guard try StaffRole.filter(StaffRole.Columns.staffAccountId == accountID && StaffRole.Columns.siteId == siteID
                                       && Column("role") == role.rawValue).fetchCount(db) == 0 else { return }
            var granted = StaffRole(staffAccountId: accountID, siteId: siteID, role: role)
            try granted.insert(db)
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "staff.grant", target: "staff:\(account.username)",
                           detail: "role: \(role)").insert(db)
        }
    }

    /// Takes a role at a site away; an account keeps at least one role there.
    public func revokeRole(_ role: StaffRole.Role, accountID: Int64, siteID: Int64, actor: String, at now: Date) async throws {
        try await write { db in
            let account = try Self.siteAccount(accountID, siteID: siteID, db)
            let atSite = StaffRole.filter(StaffRole.Columns.staffAccountId == accountID && StaffRole.Columns.siteId == siteID)
            guard try atSite.fetchCount(db) > 1 else { throw KioskError(.invalidInput, "error.role.last") }
            guard try atSite.filter(Column("role") == role.rawValue).deleteAll(db) > 0 else { throw KioskError(.notFound, "error.notFound") }
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "staff.revoke", target: "staff:\(account.username)",
                           detail: "role: \(role)").insert(db)
        }
    }

    /// The account, if it has a role of this site's own (not only at every site).
    private static func siteAccount(_ accountID: Int64, siteID: Int64, _ db: Database) throws -> StaffAccount {
        guard try StaffRole.filter(StaffRole.Columns.staffAccountId == accountID && StaffRole.Columns.siteId == siteID).fetchCount(db) > 0,
              let account = try StaffAccount.fetchOne(db, key: accountID) else { throw KioskError(.notFound, "error.notFound") }
        return account
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
