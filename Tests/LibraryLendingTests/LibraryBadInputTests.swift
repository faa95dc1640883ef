import Foundation
import HummingbirdTesting
import KioskTesting
import LibraryLending
import Testing

/// What a child may scan by mistake at the self-checkout, through the live server: a card of
/// another centre, a ticket of another module, a code that is no book, and Finish pressed twice.
/// Each gets a clear answer and lends nothing.
@Suite struct LibraryBadInputTests {
    private func openLoans(_ kiosk: TestKiosk) async throws -> [String] {
        try await kiosk.services.database.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.barcode FROM library_loan l JOIN library_copy c ON c.id = l.copyId WHERE l.returnedAt IS NULL ORDER BY c.barcode
                """)
        }
    }

    @Test func anotherSitesCardAnotherModulesTicketAndASecondFinishLendNothing() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule(), VisitsModule()])
        defer { kiosk.remove() }
        let other = try await kiosk.services.database.createSite(code: "Q9", name: "Nhà Thiếu nhi Quận 9", actor: "test", at: TestKiosk.defaultNow)
        let guardian = try GuardianInput(fields: ["guardianName": "Phạm Thị Hoa", "phone": "0977000111", "relationship": "mother"])
        let child = try ChildInput(fullName: "Phạm Minh Tú", birthDate: LocalDate(iso: "2015-02-02"), school: "TH", grade: "5",
                                   today: kiosk.services.clock.today)
        let ids = try await kiosk.services.database.registerFamily(site: other, guardian: guardian, child: child,
                                                                  consent: ConsentInput(guardianAgreed: true, childAgreed: true, kiosk: "test"),
                                                                  tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
        let otherCard = try await KioskTesting.card(kiosk, .memberCard, childID: ids.childID, site: other)
        let an = try await childID(kiosk, "Nguyễn Văn An")
        let visit = try await kiosk.services.database.write { db in
            try kiosk.services.tickets.issue(VisitsModule.ticketKind, site: kiosk.site, subjectID: 1, childId: an, db).description
        }
        let card = try await KioskTesting.card(kiosk, .memberCard, childID: an)
        try await kiosk.application().test(.live) { client in
            let family = Visitor(client)
            try await family.get("/kiosk/DEMO")
            try await family.post("/kiosk/DEMO/scan", [("code", otherCard)])
            #expect(family.page.contains("Không nhận ra thẻ này."), "another centre's card identifies nobody here")
            try await family.post("/kiosk/DEMO/scan", [("code", card + "\r\n")])
            try await family.get("/kiosk/DEMO/start/library/start")
            #expect(family.page.contains("Mượn sách: Nguyễn Văn An"))
            try await family.post("/kiosk/DEMO/scan", [("code", "LIB-0001")])
            for code in [otherCard, visit, "ZZZ-404", "LIB-0001 OR 1=1", String(repeating: "9", count: 300)] {
                try await family.post("/kiosk/DEMO/scan", [("code", code)])
                #expect(family.page.contains("Mượn sách: Nguyễn Văn An"), "still the checkout after \(code.prefix(20))")
            }
            #expect(family.page.components(separatedBy: "Đây không phải sách của thư viện.").count - 1 == 5, "each refused in words")
            // Finish, then the same press again (a double tap that reached the server twice).
            let step = try #require(family.value(of: "_step")), csrf = try #require(family.csrfToken)
            try await family.post("/kiosk/DEMO/screen", [("_action", "done:"), ("_step", step), ("_csrf", csrf)], addTokens: false)
            #expect(family.page.contains("Phiếu mượn sách"))
            try await family.post("/kiosk/DEMO/screen", [("_action", "done:"), ("_step", step), ("_csrf", csrf)], addTokens: false)
            #expect(family.page.contains("Phiếu mượn sách"), "the slip stays; the second press changes nothing")
        }
        #expect(try await openLoans(kiosk) == ["LIB-0001"])
    }
}
