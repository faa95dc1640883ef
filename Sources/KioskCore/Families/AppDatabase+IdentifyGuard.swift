import Crypto
import Foundation

/// Failed tries to identify a family by phone and birth date, counted on the server, outside any
/// kiosk session: per phone (someone guessing one family's children's birthdays) and per kiosk
/// (someone walking through many phones). They survive a new session and a restart. A phone is
/// kept only as a hash, and only for the window.
public enum IdentifyGuard {
    /// Wrong tries for one phone before it is locked for the window.
    public static let phoneLimit = 5
    /// Wrong tries at one kiosk, any phones, before the kiosk is locked for the window.
    public static let kioskLimit = 20
    /// How long a wrong try counts.
    public static let window: TimeInterval = 15 * 60

    /// What an identification by phone and birth date found.
    public enum Outcome: Sendable, Equatable {
        case found(familyID: Int64)
        case notFound
        /// Too many wrong tries: nothing was looked up.
        case locked
    }

    static func phoneScope(_ phone: PhoneNumber) -> String {
        "phone:" + SHA256.hash(data: Array(phone.digits.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    static func kioskScope(_ kiosk: String) -> String { "kiosk:\(kiosk.prefix(60))" }
}

extension AppDatabase {
    /// Identifies a family by a guardian's phone and a child's birth date (a phone alone identifies
    /// nobody), counting the try before
    /// it is judged (parallel guesses are counted too) and refusing once the phone or the kiosk has
    /// too many wrong tries. Reaching a limit is written to the audit log, with the phone masked.
    public func identifyFamily(site: Site, phone: PhoneNumber, birthDate: LocalDate, kiosk: String,
                               at now: Date) async throws -> IdentifyGuard.Outcome {
        let phoneScope = IdentifyGuard.phoneScope(phone), kioskScope = IdentifyGuard.kioskScope(kiosk)
        return try await write { db in
            try Self.forgetOldFailures(now, db)
            let phoneFailures = try Self.failures(phoneScope, site: site, now, db)
            let kioskFailures = try Self.failures(kioskScope, site: site, now, db)
            guard phoneFailures < IdentifyGuard.phoneLimit, kioskFailures < IdentifyGuard.kioskLimit else { return .locked }
            if let familyID = try Int64.fetchOne(db, sql: """
                SELECT guardian.familyId FROM guardian
                JOIN child ON child.familyId = guardian.familyId AND child.birthDate = ?
                WHERE guardian.siteId = ? AND guardian.phone = ?
                LIMIT 1
                """, arguments: [birthDate, site.id, phone.digits]) {
                try db.execute(sql: "DELETE FROM identifyFailure WHERE siteId = ? AND scope = ?", arguments: [site.id, phoneScope])
                return .found(familyID: familyID)
            }
            for scope in [phoneScope, kioskScope] {
                try db.execute(sql: "INSERT INTO identifyFailure (siteId, scope, at) VALUES (?, ?, ?)",
                               arguments: [site.id, scope, DatabaseTimestamp(now)])
            }
            if phoneFailures + 1 == IdentifyGuard.phoneLimit {
                try AuditEntry(at: now, siteId: site.id, actor: "kiosk:\(kiosk)", action: "identify.locked", target: "phone:\(phone.masked)").insert(db)
            }
            if kioskFailures + 1 == IdentifyGuard.kioskLimit {
                try AuditEntry(at: now, siteId: site.id, actor: "kiosk:\(kiosk)", action: "identify.locked", target: kioskScope).insert(db)
            }
            return .notFound
        }
    }

    /// Counts a try that told something about a phone without proof (a registration refused because
    /// the phone is taken) against the kiosk, so that walking through phones that way is bounded too.
    public func recordKioskFailure(site: Site, kiosk: String, at now: Date) async throws {
        try await write { db in
            try Self.forgetOldFailures(now, db)
            try db.execute(sql: "INSERT INTO identifyFailure (siteId, scope, at) VALUES (?, ?, ?)",
                           arguments: [site.id, IdentifyGuard.kioskScope(kiosk), DatabaseTimestamp(now)])
        }
    }

    /// Whether the kiosk has too many wrong tries in the window (a new family's registration then waits too).
    public func kioskLocked(site: Site, kiosk: String, at now: Date) async throws -> Bool {
        try await read { db in
            try Self.failures(IdentifyGuard.kioskScope(kiosk), site: site, now, db) >= IdentifyGuard.kioskLimit
        }
    }

    /// Wrong tries of `scope` in the window before `now`.
    private static func failures(_ scope: String, site: Site, _ now: Date, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM identifyFailure WHERE siteId = ? AND scope = ? AND at >= ?",
                         arguments: [site.id, scope, DatabaseTimestamp(now.addingTimeInterval(-IdentifyGuard.window))]) ?? 0
    }

    /// A try older than the window is deleted: its phone hash is kept no longer than it counts.
    private static func forgetOldFailures(_ now: Date, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM identifyFailure WHERE at < ?", arguments: [DatabaseTimestamp(now.addingTimeInterval(-IdentifyGuard.window))])
    }
}
