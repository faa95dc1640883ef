@testable import KioskCore
import Foundation
import KioskTesting
import Testing

@Suite struct NameSearchTests {
    private func register(_ kiosk: TestKiosk, child: String, guardian: String = "Đặng Văn Bình", phone: String) async throws -> Int64 {
        let guardian = try GuardianInput(fields: ["guardianName": guardian, "phone": phone, "relationship": "father"])
        let child = try ChildInput(fullName: child, birthDate: LocalDate(iso: "2016-03-04"), school: "TH Kim Đồng", grade: "4",
                                   today: kiosk.services.clock.today)
        return try await kiosk.services.database.registerFamily(
            site: kiosk.site, guardian: guardian, child: child, consent: ConsentInput(guardianAgreed: true, childAgreed: true, kiosk: "k"),
            tickets: kiosk.services.tickets, at: TestKiosk.defaultNow).childID
    }

    @Test func eachWordBeginsAWordOfTheNameWhateverTheToneMarksAndCase() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        _ = try await register(kiosk, child: "Đặng Thị Ánh", phone: "0987654321")
        let database = kiosk.services.database
        for query in ["dang thi anh", "DANG", "ánh", "Đặng Ánh", "thi an", "  đ  ", "anh dang"] {
            #expect(try await database.searchChildren(siteID: kiosk.site.id!, query: query).found.map(\.fullName) == ["Đặng Thị Ánh"], "\(query)")
        }
        for query in ["binh", "hang", "dang thi anhh", "", "!!"] {
            #expect(try await database.searchChildren(siteID: kiosk.site.id!, query: query).found.isEmpty, "\(query)")
        }
        #expect(try await database.searchGuardians(siteID: kiosk.site.id!, query: "dang van binh").found.count == 1)
    }

    @Test func aCommonNameListsTheFirstOnesSortedAndSaysThereAreMore() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        for index in 0..<30 {
            _ = try await register(kiosk, child: "Nguyễn Văn \(["Bình", "Anh", "Đức"][index % 3]) \(index)", phone: "09770\(String(format: "%05d", index))")
        }
        let rare = try await register(kiosk, child: "Nguyễn Thị Xuyến", phone: "0977100000")
        let database = kiosk.services.database
        let listed = try await database.searchChildren(siteID: kiosk.site.id!, query: "nguyen", limit: 10)
        #expect(listed.found.count == 10 && listed.more)
        #expect(listed.found.map(\.fullName) == VietnameseFolding.sortedByName(listed.found, \.fullName).map(\.fullName))
        let one = try await database.searchChildren(siteID: kiosk.site.id!, query: "nguyen xuy", limit: 10)
        #expect(one.found.map(\.id) == [rare] && !one.more)
        // `Đ` folds to `d`, and sorts with it.
        let d = try await database.searchChildren(siteID: kiosk.site.id!, query: "van d", limit: 50)
        #expect(d.found.count == 10 && d.found.allSatisfy { $0.fullName.contains("Đức") })
    }

    @Test func anotherSitesPeopleAreNeverFound() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        _ = try await register(kiosk, child: "Đặng Thị Ánh", phone: "0987654321")
        let other = try await kiosk.services.database.createSite(code: "Q9", name: "Quận 9", actor: "test", at: TestKiosk.defaultNow)
        #expect(try await kiosk.services.database.searchChildren(siteID: other.id!, query: "dang").found.isEmpty)
        #expect(try await kiosk.services.database.searchGuardians(siteID: other.id!, query: "dang").found.isEmpty)
    }

    @Test func amongAListOnlyThoseOfTheListAreFound() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let first = try await register(kiosk, child: "Lê Minh Anh", phone: "0987000001")
        let second = try await register(kiosk, child: "Lê Minh Anh Thư", phone: "0987000002")
        let third = try await register(kiosk, child: "Lê Văn Minh", phone: "0987000003")
        let query = try #require(NameQuery("le minh anh"))
        let found = try await kiosk.services.database.read { db in
            try query.children(among: [first, third], limit: 20, db).map(\.id!)
        }
        #expect(found == [first])
        let both = try await kiosk.services.database.read { db in try query.children(among: [first, second, third], limit: 1, db).count }
        #expect(both == 1)
    }

    @Test func aDatabaseWithTheOldFullTextIndexGetsTheNameWordsAtItsNextStart() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        _ = try await register(kiosk, child: "Đặng Thị Ánh", phone: "0987654321")
        // As a kiosk before core/005 left it: no word tables, the names in the full-text index.
        try await kiosk.services.database.write { db in
            try db.execute(sql: """
                DROP TABLE childNameWord; DROP TABLE guardianNameWord;
                CREATE VIRTUAL TABLE childSearch USING fts5(foldedName, tokenize = 'unicode61');
                CREATE VIRTUAL TABLE guardianSearch USING fts5(foldedName, tokenize = 'unicode61');
                INSERT INTO childSearch (rowid, foldedName) SELECT id, fullName FROM child;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'core/005%';
                """)
        }
        let reopened = try AppDatabase(path: kiosk.databasePath, modules: [VisitsModule()])
        #expect(try await reopened.searchChildren(siteID: kiosk.site.id!, query: "dang anh").found.map(\.fullName) == ["Đặng Thị Ánh"])
        #expect(try await reopened.searchGuardians(siteID: kiosk.site.id!, query: "tran mai").found.map(\.fullName) == ["Trần Thị Mai"])
        let tables = try await reopened.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE '%Search%'") }
        #expect(tables.isEmpty)
    }
}
