import Foundation
import HummingbirdTesting
import KioskTesting
@testable import LibraryLending
import Testing

/// The loan rules and the calendar, set on the admin pages of the live server: which rule wins for
/// a reader and a book, and due dates that skip closing days and holidays across the year's end.
@Suite struct LibraryRulesTests {
    private func post(_ admin: Visitor, _ resource: String, _ fields: [(String, String)], id: String = "new") async throws {
        try await admin.get("/admin/DEMO/m/library/\(resource)/\(id)")
        let answer = try await admin.post("/admin/DEMO/m/library/\(resource)/\(id)", fields)
        #expect(answer.status == .ok && admin.page.contains("<table"), "saved, back on the list")
    }

    private func rule(_ minAge: String, _ maxAge: String, _ category: String, days: Int) -> [(String, String)] {
        [("minAge", minAge), ("maxAge", maxAge), ("category", category), ("maxLoans", "3"), ("loanDays", String(days)),
         ("renewals", "1"), ("holdsAllowed", FormField.ticked)]
    }

    @Test func theMostSpecificRuleWinsACategoryOverEveryCategoryAndANarrowerAgeBandOverAWiderOne() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            try await post(admin, "rules", rule("", "", "", days: 10))
            try await post(admin, "rules", rule("", "", "comics", days: 7))
            try await post(admin, "rules", rule("9", "12", "", days: 21))
            try await post(admin, "rules", rule("9", "12", "comics", days: 3))
            try await post(admin, "rules", rule("6", "15", "comics", days: 5))
            try await post(admin, "settings", [("closedWeekdays", ""), ("holidays", ""), ("blockFromOverdue", "1"), ("graceDays", "0"),
                                               ("historyDays", "30"), ("holdDays", "3")], id: String(kiosk.site.id!))
        }
        let table: [(age: Int, category: String, days: Int)] = [
            (11, "comics", 3),      // the category and the narrowest band
            (14, "comics", 5),      // the category and a band beat the category alone
            (17, "comics", 7),      // no band holds 17: the category alone
            (11, "science", 21),    // a band beats every age
            (17, "science", 10),    // the rule for everyone
            (5, "picture", 10),
        ]
        let siteID = kiosk.site.id!
        let chosen = try await kiosk.services.database.read { db in
            try table.map { try LoanRule.rule(siteID: siteID, age: $0.age, category: $0.category, db).loanDays }
        }
        #expect(chosen == table.map(\.days))
        // The same through the kiosk: An (11) borrows comics for 3 days and literature for 21.
        let an = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await an.scan("LIB-0003")
        try await an.scan("LIB-0001")
        #expect(an.scanned.map(\.detail) == [.key("library.checkout.due", "13/12/2026"), .key("library.checkout.due", "25/11/2026")])
    }

    @Test func aDueDateSkipsClosingDaysAndHolidaysAcrossTheYearsEnd() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            try await post(admin, "settings", [("closedWeekdays", "1, 2"), ("holidays", "01/01/2027\n02/01/2027"), ("blockFromOverdue", "1"),
                                               ("graceDays", "0"), ("historyDays", "30"), ("holdDays", "3")], id: String(kiosk.site.id!))
            // A weekday that is no weekday and a date that is none: refused, nothing saved.
            try await admin.get("/admin/DEMO/m/library/settings/\(kiosk.site.id!)")
            let bad = try await admin.post("/admin/DEMO/m/library/settings/\(kiosk.site.id!)",
                                           [("closedWeekdays", "8"), ("holidays", "31/02/2027"), ("blockFromOverdue", "1"), ("graceDays", "0"),
                                            ("historyDays", "30"), ("holdDays", "3")])
            #expect(bad.status == .badRequest)
        }
        // Friday 18/12/2026 + 14 days is New Year's Day; the 2nd is a holiday too, then Sunday and Monday are closed.
        let friday = try await kiosk.restarted(modules: [LibraryLendingModule()], now: TestKiosk.defaultNow.addingTimeInterval(26 * 86400))
        let an = try await FlowDriver.demoFamily(friday, opening: "library")
        try await an.scan("LIB-0001")
        #expect(an.scanned.map(\.detail) == [.key("library.checkout.due", "05/01/2027")])
        let settings = try await kiosk.services.database.read { db in try LibrarySettings.of(siteID: kiosk.site.id!, db) }
        #expect(settings.closedWeekdays == "1,2")
        #expect(settings.dueDate(from: LocalDate(iso: "2026-12-24")!, days: 7) == LocalDate(iso: "2026-12-31")!, "an open Thursday stays")
        #expect(settings.dueDate(from: LocalDate(iso: "2026-12-26")!, days: 8) == LocalDate(iso: "2027-01-05")!)
    }
}
