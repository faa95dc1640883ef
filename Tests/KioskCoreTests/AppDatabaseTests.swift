import Foundation
import KioskCore
import KioskTesting
import Testing

@Suite struct AppDatabaseTests {
    @Test func productionSettingsAreOnForEveryConnection() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let settings = try await kiosk.services.database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA secure_delete"))
        }
        #expect(settings.0 == "wal")
        #expect(settings.1 == 2)  // FULL
        #expect(settings.2 == 1)
        #expect(settings.3 == 1)
        // The writer too: GRDB sets its own writer to NORMAL when it turns WAL on, and a commit then
        // waits for no fsync (lost in a power cut; tests/e2e/test_power_cut.py shows it).
        let writer = try await kiosk.services.database.writer.writeWithoutTransaction { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA secure_delete"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(writer.0 == 2 && writer.1 == 1 && writer.2 == 1)
    }

    @Test func migrationsAreNamedAndModulesComeAfterTheCoreUnderTheirOwnID() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let names = try await kiosk.services.database.appliedMigrations()
        #expect(names.first?.hasPrefix("core/001") == true)
        #expect(names.contains("visits/001 create visit"))
        #expect(names.firstIndex { $0.hasPrefix("visits/") }! > names.firstIndex { $0.hasPrefix("core/") }!)
    }

    @Test func reopeningTheFileKeepsTheDataAndRunsNoMigrationTwice() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let reopened = try AppDatabase(path: kiosk.databasePath, modules: [VisitsModule()])
        #expect(try await reopened.sites().map(\.code) == ["DEMO"])
        #expect(try await reopened.appliedMigrations() == kiosk.services.database.appliedMigrations())
    }

    @Test func twoModulesWithOneIDStopTheStartWithAClearMessage() {
        #expect {
            _ = try ModuleRegistry([VisitsModule(), VisitsModule()])
        } throws: { error in
            "\(error)".contains("two modules have the id 'visits'")
        }
    }

    @Test func aListColumnWithNeitherAFieldNorALabelStopsTheStart() {
        struct Rooms: KioskModule {
            let id: ModuleID = "rooms"
            let title = LocalizedText.literal(vi: "Phòng")
            let icon = "x"
            let columns: [AdminColumn]
            var adminResources: [AdminResource] {
                [AdminResource(name: "rooms", title: .literal(vi: "Phòng"), fields: [AdminField("name", .literal(vi: "Tên"), .text(maxLength: 40))],
                               listColumns: columns, list: { _, _, _ in AdminList(rows: [], total: 0) }, load: { _, _, _ in nil },
                               save: { _, _, _, _ in 0 })]
            }
        }
        #expect {
            _ = try ModuleRegistry([Rooms(columns: ["name", "bookings"])])
        } throws: { error in
            "\(error)".contains("list column 'bookings' of rooms/rooms is no field and has no label")
        }
        #expect(throws: Never.self) {
            try ModuleRegistry([Rooms(columns: ["name", AdminColumn("bookings", .literal(vi: "Lượt đặt", en: "Bookings"))])])
        }
    }

    @Test func aModuleRoleMustBeNamedByItsModuleAndAResourceMayOpenOnlyToDeclaredRoles() {
        struct Library: KioskModule {
            let id: ModuleID = "library"
            let title = LocalizedText.literal(vi: "Thư viện")
            let icon = "x"
            let declared: [ModuleRole]
            let opensTo: [StaffRole.Role]
            var roles: [ModuleRole] { declared }
            var adminResources: [AdminResource] {
                [AdminResource(name: "loans", title: .literal(vi: "Mượn"), fields: [], listColumns: [], roles: opensTo,
                               list: { _, _, _ in AdminList(rows: [], total: 0) }, load: { _, _, _ in nil }, save: nil)]
            }
        }
        let librarian = ModuleRole("librarian", of: "library", title: .literal(vi: "Thủ thư"))
        #expect(throws: Never.self) { try ModuleRegistry([Library(declared: [librarian], opensTo: [librarian.role])]) }
        #expect {
            _ = try ModuleRegistry([Library(declared: [ModuleRole("librarian", of: "events", title: .literal(vi: "x"))], opensTo: [])])
        } throws: { error in "\(error)".contains("must be named 'library.<role>'") }
        #expect {
            _ = try ModuleRegistry([Library(declared: [], opensTo: [StaffRole.Role(rawValue: "scholarships.reviewer")])])
        } throws: { error in "\(error)".contains("opens to role 'scholarships.reviewer', which no module declares") }
    }

    @Test func aModuleCannotTakeTheCoresTicketKinds() {
        struct Thief: KioskModule {
            let id: ModuleID = "thief"
            let title = LocalizedText.literal(vi: "x")
            let icon = "x"
            var ticketKinds: [TicketKind] { [TicketKind(code: "MC", moduleID: "thief", title: .literal(vi: "x"))] }
        }
        #expect(throws: ModuleRegistry.RegistrationError.self) { try ModuleRegistry([Thief()]) }
    }

    @Test func enablingAndDisablingAModuleIsStoredPerSiteAndAudited() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let database = kiosk.services.database
        let other = try await database.createSite(code: "Q3", name: "Nhà Thiếu nhi Quận 3", actor: "test", at: TestKiosk.defaultNow)
        #expect(try await database.enabledModules(siteID: kiosk.site.id!) == ["visits"])
        #expect(try await database.enabledModules(siteID: other.id!).isEmpty)
        try await database.setModule("visits", enabled: false, siteID: kiosk.site.id!, actor: "staff:admin", at: TestKiosk.defaultNow)
        #expect(try await database.enabledModules(siteID: kiosk.site.id!).isEmpty)
        let audit = try await database.auditLog(siteID: kiosk.site.id!)
        #expect(audit.first?.action == "module.disable")
        #expect(audit.first?.actor == "staff:admin")
    }

    @Test func aSiteCodeIsUniqueAndWellFormed() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        await #expect(throws: KioskError.self) {
            try await kiosk.services.database.createSite(code: "DEMO", name: "again", actor: "t", at: TestKiosk.defaultNow)
        }
        await #expect(throws: KioskError.self) {
            try await kiosk.services.database.createSite(code: "q-1", name: "bad", actor: "t", at: TestKiosk.defaultNow)
        }
        #expect(try await kiosk.services.database.sites().count == 1)
    }
}
