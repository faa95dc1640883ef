import Foundation
import KioskCore
import KioskTesting
import Testing

@Suite struct FamilyTests {
    private func register(_ kiosk: TestKiosk, name: String = "Đặng Thị Ánh", phone: String = "0987654321",
                          birth: String = "2016-03-04", childAgreed: Bool? = true) async throws -> (familyID: Int64, childID: Int64) {
        let guardian = try GuardianInput(fields: ["guardianName": "Đặng Văn Bình", "phone": phone, "relationship": "father"])
        let child = try ChildInput(fullName: name, birthDate: LocalDate(iso: birth), school: "TH Kim Đồng", grade: "4",
                                   today: kiosk.services.clock.today)
        return try await kiosk.services.database.registerFamily(
            site: kiosk.site, guardian: guardian, child: child,
            consent: ConsentInput(guardianAgreed: true, childAgreed: childAgreed, kiosk: "kiosk-lobby"),
            tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
    }

    @Test func registeringRecordsConsentEvidenceAndIssuesCards() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let ids = try await register(kiosk)
        let consents = try await kiosk.services.database.read { db in
            try Consent.filter(Column("childId") == ids.childID).order(Column("id")).fetchAll(db)
        }
        #expect(consents.map(\.givenBy) == ["guardian", "child"])
        #expect(consents.map(\.textVersion) == ["consent.guardian.v1", "consent.child.v1"])
        #expect(consents.allSatisfy { $0.kiosk == "kiosk-lobby" && $0.givenAt == TestKiosk.defaultNow })
        let overview = try await kiosk.services.database.familyOverview(familyID: ids.familyID, site: kiosk.site, tickets: kiosk.services.tickets)
        let card = try #require(overview.children.first?.card)
        #expect(card.hasPrefix("NTN1.DEMO.MC."))
        #expect(!card.contains("DANG"))
        #expect(overview.guardians.first?.card?.hasPrefix("NTN1.DEMO.GC.") == true)
    }

    @Test func withoutTheGuardiansConsentNothingIsSaved() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let guardian = try GuardianInput(fields: ["guardianName": "Lê Văn C", "phone": "0977000111", "relationship": "father"])
        let child = try ChildInput(fullName: "Lê Thị D", birthDate: LocalDate(iso: "2019-01-01"), school: "MN", grade: "mn",
                                   today: kiosk.services.clock.today)
        await #expect(throws: KioskError.self) {
            try await kiosk.services.database.registerFamily(site: kiosk.site, guardian: guardian, child: child,
                consent: ConsentInput(guardianAgreed: false, childAgreed: nil, kiosk: "k"), tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
        }
        #expect(try await kiosk.services.database.searchGuardians(siteID: kiosk.site.id!, query: "le van c").found.isEmpty)
    }

    @Test func aChildOfSevenOrOverMustAgreeToo() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        await #expect(throws: KioskError.self) { try await register(kiosk, birth: "2016-03-04", childAgreed: nil) }
        // A five-year-old is not asked.
        _ = try await register(kiosk, name: "Bé Năm", phone: "0911111111", birth: "2021-01-01", childAgreed: nil)
    }

    @Test func aPhoneAloneIdentifiesNobody() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let ids = try await register(kiosk)
        let database = kiosk.services.database
        let phone = try #require(PhoneNumber("0987654321"))
        let now = TestKiosk.defaultNow
        #expect(try await database.identifyFamily(site: kiosk.site, phone: phone, birthDate: LocalDate(iso: "2016-03-04")!, kiosk: "k", at: now)
                == .found(familyID: ids.familyID))
        #expect(try await database.identifyFamily(site: kiosk.site, phone: phone, birthDate: LocalDate(iso: "2016-03-05")!, kiosk: "k", at: now)
                == .notFound)
    }

    @Test func erasureRemovesEveryCopyAndKeepsOnlyTheFactInTheAuditLog() async throws {
        // Given a family with a module record and a ticket.
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let database = kiosk.services.database
        let ids = try await register(kiosk, name: "Hoàng Thị Xoá Được")
        try await database.write { db in
            try db.execute(sql: "INSERT INTO visits_visit (childId, note) VALUES (?, 'Ghi chú riêng tư XYZ')", arguments: [ids.childID])
        }
        // When
        try await database.eraseFamily(familyID: ids.familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                       actor: "staff:admin", at: TestKiosk.defaultNow)
        // Then nothing of it is left in the tables, nor in the bytes of the database files.
        let counts = try await database.read { db in
            try ["child", "guardian", "consent", "visits_visit", "childNameWord", "guardianNameWord"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")! }
        }
        #expect(counts == [1, 1, 2, 0, 3, 3])  // only the demo family remains (Nguyễn Văn An, Trần Thị Mai)
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: kiosk.databasePath + suffix))) ?? Data()
            #expect(bytes.range(of: Data("Xoá Được".utf8)) == nil, "file\(suffix)")
            #expect(bytes.range(of: Data("xoa".utf8)) == nil, "file\(suffix)")  // the folded words the name was found by
            #expect(bytes.range(of: Data("duoc".utf8)) == nil, "file\(suffix)")
            #expect(bytes.range(of: Data("0987654321".utf8)) == nil, "file\(suffix)")
            #expect(bytes.range(of: Data("riêng tư XYZ".utf8)) == nil, "file\(suffix)")
        }
        let entry = try #require(try await database.auditLog(siteID: kiosk.site.id!).first)
        #expect(entry.action == "family.erase" && entry.target == "family#\(ids.familyID)")
        #expect(!entry.detail.contains("Hoàng"))
    }

    @Test func anExportHoldsTheFamilyAndEachModulesPart() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let database = kiosk.services.database
        let ids = try await register(kiosk)
        try await database.write { db in
            try db.execute(sql: "INSERT INTO visits_visit (childId, note) VALUES (?, 'tham quan')", arguments: [ids.childID])
        }
        let export = try await database.exportFamily(familyID: ids.familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                                     actor: "staff:admin", at: TestKiosk.defaultNow)
        let json = try JSONSerialization.jsonObject(with: Data(export.json())) as? [String: [String: [String: String]]]
        #expect(json?["child"]?["child#\(ids.childID)"]?["fullName"] == "Đặng Thị Ánh")
        #expect(json?["guardian"]?.values.first?["phone"] == "0987654321")
        #expect(json?["visits/visits"]?.values.first?["note"] == "tham quan")
        #expect(json?["consent"]?.count == 2)
        let csv = String(decoding: export.csv(), as: UTF8.self)
        #expect(csv.contains("child,child#\(ids.childID),fullName,Đặng Thị Ánh"))
    }

    @Test func withdrawnConsentStopsNewRegistrations() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let database = kiosk.services.database
        let ids = try await register(kiosk)
        try await database.withdrawConsent(childID: ids.childID, siteID: kiosk.site.id!, actor: "staff:admin", at: TestKiosk.defaultNow)
        await #expect(throws: KioskError.self) {
            try await database.read { db in try AppDatabase.childForRegistration(ids.childID, familyID: ids.familyID, db) }
        }
    }
}
