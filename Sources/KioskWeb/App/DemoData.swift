import Foundation
import KioskCore

/// The demo site `make run` starts with: a centre with every module enabled, an administrator, a
/// staff member, and one registered family, so that every screen has something to show.
public enum DemoData {
    public static let siteCode = "DEMO"
    public static let adminUsername = "admin"
    public static let adminPassword = "demo-admin-2026"
    public static let staffUsername = "staff"
    public static let staffPassword = "demo-staff-2026"
    public static let guardianPhone = "0912345678"
    public static let childBirthDate = "2015-06-01"
    /// The schools near the demo centre, offered at the kiosk.
    public static let schools = [
        "Trường Tiểu học Lê Ngọc Hân", "Trường Tiểu học Nguyễn Bỉnh Khiêm", "Trường Tiểu học Trần Hưng Đạo",
        "Trường Tiểu học Đinh Tiên Hoàng", "Trường THCS Văn Lang", "Trường THCS Minh Đức", "Trường THCS Trần Văn Ơn",
        "Trường Mầm non Hoa Lư", "Trường Mầm non Bến Nghé",
    ]

    /// Creates the demo site if the database has no site yet; returns whether it did.
    @discardableResult
    public static func seedIfEmpty(_ services: KioskServices) async throws -> Bool {
        guard try await services.database.sites().isEmpty else { return false }
        let now = services.clock.now
        let database = services.database
        let site = try await database.createSite(code: siteCode, name: "Nhà Thiếu nhi Quận 1 (demo)", actor: "demo", at: now)
        for module in services.registry.modules {
            try await database.setModule(module.id, enabled: true, siteID: site.id!, actor: "demo", at: now)
        }
        _ = try await database.createStaff(username: adminUsername, displayName: "Quản trị viên", passwordHash: await PasswordHashing.hash(adminPassword, cost: PasswordHashing.demoCost),
                                           role: .admin, siteID: nil, actor: "demo", at: now)
        _ = try await database.createStaff(username: staffUsername, displayName: "Cán bộ Lan", passwordHash: await PasswordHashing.hash(staffPassword, cost: PasswordHashing.demoCost),
                                           role: .staff, siteID: site.id!, actor: "demo", at: now)
        try await database.setSchools(schools.joined(separator: "\n"), siteID: site.id!, actor: "demo", at: now)
        let today = services.clock.today
        let guardian = try GuardianInput(fields: ["guardianName": "Trần Thị Mai", "phone": guardianPhone, "relationship": "mother"])
        let child = try ChildInput(fullName: "Nguyễn Văn An", birthDate: LocalDate(iso: childBirthDate), school: "Trường Tiểu học Lê Ngọc Hân", grade: "5", today: today)
        let family = try await database.registerFamily(site: site, guardian: guardian, child: child,
                                                       consent: ConsentInput(guardianAgreed: true, childAgreed: true, kiosk: "demo"),
                                                       tickets: services.tickets, at: now)
        let context = DemoContext(clock: services.clock, tickets: services.tickets, familyID: family.familyID)
        let modules = services.registry.modules
        try await database.write { db in
            for module in modules { try module.seedDemo(site, context, db) }
        }
        return true
    }
}
