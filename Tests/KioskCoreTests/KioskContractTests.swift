import Foundation
import KioskCore
import KioskTesting
import Testing

/// The parts of the module contract around the flows: drafts of long flows, kiosk profiles,
/// consents of a module's own purpose, and what a module keeps about a family as a whole.
@Suite struct KioskContractTests {
    @Test func aLongFlowOpensWhereTheFamilyLeftItAfterARestartAndForgetsItOnceDone() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let before = try await FlowDriver.demoFamily(kiosk, opening: "visits")
        try await before.tap("Nguyễn Văn An")
        #expect(before.texts.first == "Ngày tham quan")

        let restarted = try await kiosk.restarted()
        let after = try await FlowDriver(restarted)
        try await after.open("visits")
        #expect(after.texts.first == restarted.services.localizer.string(.key("identify.title"), .vi), "the draft is no one's until identified")
        try await after.identify(phone: DemoData.guardianPhone, birthDate: "01/06/2015")
        #expect(after.texts.first == "Ngày tham quan", "the flow opens where the family was")
        after.fill("day", "05/12/2026")
        try await after.tap("Đặt lịch")
        #expect(after.tickets.map(\.holder) == ["Nguyễn Văn An"])
        let drafts = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM kioskDraft") }
        #expect(drafts == 0)
    }

    @Test func aDraftExpiresAndGoesWithTheFamily() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let family = try await FlowDriver.demoFamily(kiosk, opening: "visits")
        try await family.tap("Nguyễn Văn An")
        let nextDay = try await kiosk.restarted(now: TestKiosk.defaultNow.addingTimeInterval(KioskEngine.draftLifetime + 60))
        let later = try await FlowDriver.demoFamily(nextDay, opening: "visits")
        #expect(later.texts.first == "Chọn bé", "an expired draft is not shown")

        let familyID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT familyId FROM kioskDraft") }
        try await kiosk.services.database.eraseFamily(familyID: try #require(familyID), siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                                      actor: "test", at: TestKiosk.defaultNow)
        #expect(try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM kioskDraft") } == 0)
    }

    @Test func aKioskProfileShowsItsModulesOnlyAndItsNameIsInTheConsentEvidence() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let database = kiosk.services.database
        let lobby = try await database.saveKioskProfile(siteID: kiosk.site.id!, name: "sanh", label: "Sảnh", modules: [], known: ["visits"],
                                                        actor: "test", at: TestKiosk.defaultNow)
        let engine = kiosk.services.engine
        let home = try await engine.home(site: kiosk.site, session: nil, profile: lobby)
        guard case .menu(let tiles) = home.screen.content else { Issue.record("no menu"); return }
        #expect(!tiles.contains { $0.target == .flow("visits", "start") })
        await #expect(throws: KioskError.self) {
            _ = try await engine.open(FlowRef("visits", "feedback"), site: kiosk.site, session: nil, language: .vi, profile: lobby)
        }
        let pass = await engine.scan("VISIT-0042", site: kiosk.site, session: nil, language: .vi, profile: lobby)
        #expect(pass == .cardUnknown(session: nil), "a code of a module the kiosk does not show opens nothing")

        // A family registered at this kiosk: the consent says where.
        var session = try await engine.open(FlowRef(.core, CoreFlows.register), site: kiosk.site, session: nil, language: .vi, profile: lobby)
        func press(_ action: String, _ fields: [String: [String]] = [:], value: String = "") async throws {
            let step = try #require(await engine.current(site: kiosk.site, session: session)).step
            guard case .screen(let next) = await engine.press(action, value: value, fields: fields, step: step, site: kiosk.site,
                                                              session: session, language: .vi) else { Issue.record("no screen"); return }
            session = next
        }
        try await press("guardian", ["guardianName": ["Lý Thị Hoa"], "phone": ["0901111222"], "relationship": ["mother"]])
        try await press("child", ["childName": ["Lý Minh"], "birthDate": ["03/03/2020"], "school": ["MN Hoa Sen"], "grade": ["mn"]])
        try await press("consent", ["consent": ["yes"]])
        let evidence = try await database.read { db in
            try String.fetchAll(db, sql: "SELECT kiosk FROM consent JOIN child ON child.id = consent.childId WHERE child.fullName = 'Lý Minh'")
        }
        #expect(evidence == ["test-kiosk/sanh"])
    }

    @Test func aModulesConsentIsRecordedWithItsPurposeAndTheFamilysOwnDataIsExportedAndErased() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let family = try await FlowDriver.demoFamily(kiosk, opening: "visits")
        try await family.tap("Nguyễn Văn An")
        family.fill("day", "05/12/2026")
        family.fill("adults", "2")
        family.tick("photos")
        try await family.tap("Đặt lịch")
        let database = kiosk.services.database
        let childID = try await childID(kiosk, "Nguyễn Văn An")
        let consented = try await database.read { db in try AppDatabase.hasConsent(VisitsModule.photoConsent, childID: childID, db) }
        #expect(consented)
        let familyID = try await database.read { db in try Int64.fetchOne(db, sql: "SELECT familyId FROM child WHERE id = ?", arguments: [childID])! }
        let export = try await database.exportFamily(familyID: familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                                     actor: "test", at: TestKiosk.defaultNow)
        #expect(export.items.contains { $0.section == "consent" && $0.field == "purpose" && $0.value == "visits.photos" })
        #expect(export.items.contains { $0.section == "visits/companions" && $0.field == "adults" && $0.value == "2" })
        try await database.eraseFamily(familyID: familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry, actor: "test",
                                       at: TestKiosk.defaultNow)
        let left = try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visits_companion") }
        #expect(left == 0)
    }
}
