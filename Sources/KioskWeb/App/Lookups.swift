import Foundation
import KioskCore
import Synchronization

/// Sites and logged-in staff kept in memory, so that a scan at a crowded gate does not read them from
/// the database on every request. A site's code and id never change, so a site is kept once found.
/// A staff member is read again after `staffLifetime`, and forgotten at once when an administrator
/// of this server disables the account (a change made with the CLI takes effect within the lifetime).
final class Lookups: Sendable {
    private let database: AppDatabase
    private let sites = Mutex<[String: Site]>([:])
    private let staff = Mutex<[String: (member: StaffMember?, loadedAt: ContinuousClock.Instant)]>([:])
    private let clock = ContinuousClock()
    static let staffLifetime: Duration = .seconds(3)

    init(database: AppDatabase) {
        self.database = database
    }

    /// The site with `code`, or a not-found error.
    func site(code: String) async throws -> Site {
        if let site = sites.withLock({ $0[code] }) { return site }
        let site = try await database.site(code: code)
        sites.withLock { $0[code] = site }
        return site
    }

    /// The active staff member with `username`, if any.
    func staffMember(username: String) async throws -> StaffMember? {
        let now = clock.now
        if let cached = staff.withLock({ $0[username] }), now - cached.loadedAt < Self.staffLifetime { return cached.member }
        let member = try await database.staffMember(username: username)
        staff.withLock { $0[username] = (member, now) }
        return member
    }

    /// Forgets every staff member read, after an account changed.
    func forgetStaff() {
        staff.withLock { $0.removeAll() }
    }
}
