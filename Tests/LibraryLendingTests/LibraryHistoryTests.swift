import Foundation
import KioskTesting
import LibraryLending
import Testing

/// Renewals, the report's figures, and a loan's history that is kept only as long as the site says.
@Suite struct LibraryHistoryTests {
    @Test func aLoanIsRenewedAsOftenAsTheRulesAllowFromMyBooks() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        let reader = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await reader.scan("LIB-0003")
        try await reader.tap("Sách của con")
        #expect(reader.texts.contains("Trả trước ngày 06/12/2026"))
        // Three days later a tap renews it for two weeks from then; the standard rule allows one renewal.
        let later = try await kiosk.restarted(modules: [LibraryLendingModule()], now: TestKiosk.defaultNow.addingTimeInterval(3 * 86400))
        let back = try await FlowDriver.demoFamily(later, opening: "library", "mine")
        try await back.tap("Thần đồng đất Việt · Nguyễn Văn An")
        #expect(back.texts.contains("Đã gia hạn, trả trước ngày 09/12/2026."))
        try await back.tap("Thần đồng đất Việt · Nguyễn Văn An")
        #expect(back.texts.contains(back.text(.key("library.refused.noMoreRenewals"))))
        let due = try await kiosk.services.database.read { db in try String.fetchOne(db, sql: "SELECT dueOn FROM library_loan") }
        #expect(due == "2026-12-09")
    }

    @Test func theReportCountsLoansByAgeAndCategoryAndKeepsCountingOnceWhoBorrowedIsForgotten() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        try await addFamily(kiosk, phone: "0933000222", children: [("Lê Bảo Châu", "2019-05-05")])
        let an = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await an.scan("LIB-0001")
        try await an.scan("LIB-0003")
        let chau = try await FlowDriver(kiosk)
        try await chau.open("library")
        try await chau.identify(phone: "0933000222", birthDate: "05/05/2019")
        try await chau.scan("LIB-0004")
        let returns = try await FlowDriver(kiosk)
        try await returns.scan("LIB-0001")

        func report(_ at: TestKiosk) async throws -> SiteReport {
            try await SiteReport(site: at.site, from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!,
                                 registry: at.services.registry, database: at.services.database)
        }
        let before = try await report(kiosk)
        let loans = try #require(before.figure("library", "loans"))
        #expect(loans.value == 3)
        #expect(loans.parts.first { $0.name == "6-8" }?.value == 1)
        #expect(loans.parts.first { $0.name == "9-11" }?.value == 2)
        #expect(loans.parts.first { $0.name == "comics" }?.value == 2)
        #expect(before.figure("library", "readers")?.value == 2)
        #expect(before.figure("library", "most_borrowed")?.parts.first?.label == .literal(vi: "Thần đồng đất Việt"))

        // 31 days after the return, who borrowed the returned book is forgotten; the loan still counts.
        let month = try await kiosk.restarted(modules: [LibraryLendingModule()],
                                              now: TestKiosk.defaultNow.addingTimeInterval(31 * 86400))
        try await LibraryLendingModule().backgroundTasks[0].run(ModuleTaskContext(database: month.services.database, clock: month.services.clock))
        let kept = try await month.services.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM library_loan WHERE childId IS NULL")
        }
        #expect(kept == 1)
        #expect(try await report(month).figure("library", "loans")?.value == 3)
        let familyID = try await month.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT familyId FROM child WHERE fullName = 'Nguyễn Văn An'")! }
        let export = try await month.services.database.exportFamily(familyID: familyID, siteID: month.site.id!, registry: month.services.registry,
                                                                    actor: "test", at: Date())
        #expect(export.items.filter { $0.section == "library/loans" && $0.field == "title" }.map(\.value) == ["Thần đồng đất Việt"],
                "the export holds what is still kept")
    }
}
