import Foundation
import KioskTesting
import LibraryLending
import Testing

/// Self-checkout and returns at the kiosk, on the demo site's small library (Mondays closed) at
/// 10:00 on Sunday 22/11/2026, driven through the flow engine and read as screens.
@Suite struct LibraryKioskTests {
    private func library(now: Date = TestKiosk.defaultNow) async throws -> TestKiosk {
        try await TestKiosk.make(modules: [LibraryLendingModule()], now: now)
    }

    private func openLoans(_ kiosk: TestKiosk) async throws -> [String] {
        try await kiosk.services.database.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.barcode FROM library_loan l JOIN library_copy c ON c.id = l.copyId WHERE l.returnedAt IS NULL ORDER BY c.barcode
                """)
        }
    }

    @Test func aChildScansTheirCardThenBooksEachAnsweredAtOnceAndLeavesWithTheSlip() async throws {
        let kiosk = try await library()
        defer { kiosk.remove() }
        // Literature for two weeks and a day: the 7th of December is a Monday, closed, so it is due the 8th.
        try await kiosk.services.database.write { db in
            try db.execute(sql: """
                INSERT INTO library_rule (siteId, category, maxLoans, loanDays, renewals, aboveAgeBand) VALUES (?, 'literature', 3, 15, 1, 0)
                """, arguments: [kiosk.site.id!])
        }
        let card = try await KioskTesting.card(kiosk, .memberCard, childID: try await childID(kiosk, "Nguyễn Văn An"))
        let child = try await FlowDriver(kiosk)
        try await child.scan(card)
        #expect(child.display.familyIdentified)
        try await child.home()
        try await child.tap("Thư viện")
        #expect(child.texts.first == "Mượn sách: Nguyễn Văn An")
        #expect(child.screen.form == nil, "no field: the scanner's keys go to the scan")
        try await child.scan("LIB-0001")
        try await child.scan("LIB-0003")
        try await child.scan("LIB-0001")
        try await child.scan("9786040000000")
        #expect(child.scanned.map(\.detail) == [
            .key("library.refused.notACopy"), .key("library.refused.alreadyYours"),
            .key("library.checkout.due", "06/12/2026"), .key("library.checkout.due", "08/12/2026"),
        ])
        #expect(child.scanned.map(\.title).suffix(2) == [.literal(vi: "Thần đồng đất Việt"), .literal(vi: "Dế Mèn phiêu lưu ký")])
        try await child.tap("Xong")
        guard case .confirm(let slip) = child.screen.content else { Issue.record("no slip: \(child.texts)"); return }
        #expect(slip.lines.map(\.value) == ["08/12/2026", "06/12/2026"])
        #expect(try await openLoans(kiosk) == ["LIB-0001", "LIB-0003"])
        let statuses = try await kiosk.services.database.read { db in
            try String.fetchAll(db, sql: "SELECT status FROM library_copy WHERE barcode IN ('LIB-0001', 'LIB-0003')")
        }
        #expect(statuses == ["loan", "loan"])
    }

    @Test func aYoungerChildIsToldWhyAndTheLimitAndAnOverdueBookStopNewLoans() async throws {
        let kiosk = try await library()
        defer { kiosk.remove() }
        try await addFamily(kiosk, phone: "0933000111", children: [("Lê Bảo Ngọc", "2019-05-05")])
        try await kiosk.services.database.write { db in
            try db.execute(sql: "INSERT INTO library_rule (siteId, minAge, maxAge, category, maxLoans, loanDays, renewals, aboveAgeBand) "
                           + "VALUES (?, 6, 8, '', 1, 7, 0, 0)", arguments: [kiosk.site.id!])
        }
        let young = try await FlowDriver(kiosk)
        try await young.open("library")
        try await young.identify(phone: "0933000111", birthDate: "05/05/2019")
        try await young.scan("LIB-0001")       // Dế Mèn, from 8
        try await young.scan("LIB-0006")       // a picture book, 4–8
        try await young.scan("LIB-0003")       // comics, from 7: but one book at once at 6–8
        #expect(young.scanned.map(\.detail) == [
            .key("library.refused.limitReached"), .key("library.checkout.due", "29/11/2026"), .key("library.refused.aboveAgeBand"),
        ])
        // Eight days later the picture book is late: nothing more until it is back.
        let later = try await kiosk.restarted(modules: [LibraryLendingModule()], now: TestKiosk.defaultNow.addingTimeInterval(8 * 86400))
        let back = try await FlowDriver(later)
        try await back.open("library")
        try await back.identify(phone: "0933000111", birthDate: "05/05/2019")
        try await back.scan("LIB-0002")
        #expect(back.scanned.map(\.detail) == [.key("library.refused.overdueAtHome")])
        #expect(try await openLoans(kiosk) == ["LIB-0006"])
    }

    @Test func twoKiosksScanningOneCopyAtTheSameMomentLendItOnce() async throws {
        let kiosk = try await library()
        defer { kiosk.remove() }
        for n in 0..<6 { try await addFamily(kiosk, phone: "093400000\(n)", children: [("Trần Minh \(n)", "2015-03-0\(n + 1)")]) }
        var kiosks: [FlowDriver] = []
        for n in 0..<6 {
            let reader = try await FlowDriver(kiosk)
            try await reader.open("library")
            try await reader.identify(phone: "093400000\(n)", birthDate: "0\(n + 1)/03/2015")
            kiosks.append(reader)
        }
        let engine = kiosk.services.engine, site = kiosk.site, sessions = kiosks.map(\.session)
        await withTaskGroup(of: Void.self) { group in
            for session in sessions {
                group.addTask { _ = await engine.scan("LIB-0005", site: site, session: session, language: .vi) }
            }
        }
        #expect(try await openLoans(kiosk) == ["LIB-0005"])
    }

    @Test func aBookScannedOnTheHomeScreenIsTakenBackWithNoCardAndALateOneSaysSo() async throws {
        let kiosk = try await library()
        defer { kiosk.remove() }
        let reader = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await reader.scan("LIB-0001")
        try await reader.scan("LIB-0004")
        let later = try await kiosk.restarted(modules: [LibraryLendingModule()], now: TestKiosk.defaultNow.addingTimeInterval(17 * 86400))
        let anyone = try await FlowDriver(later)
        try await anyone.scan("LIB-0001")
        #expect(anyone.texts.first == "Trả sách")
        #expect(!anyone.display.familyIdentified)
        try await anyone.scan("LIB-0004")
        try await anyone.scan("LIB-0004")
        #expect(anyone.scanned.map(\.detail) == [
            .key("library.return.notOnLoan"), .key("library.return.late", "3"), .key("library.return.late", "3"),
        ])
        #expect(try await openLoans(kiosk).isEmpty)
    }

    @Test func aDisabledLibraryShowsNoTileAndClaimsNoCode() async throws {
        let kiosk = try await library()
        defer { kiosk.remove() }
        try await kiosk.services.database.setModule("library", enabled: false, siteID: kiosk.site.id!, actor: "test", at: TestKiosk.defaultNow)
        let visitor = try await FlowDriver(kiosk)
        #expect(!visitor.texts.contains("Thư viện"))
        try await visitor.scan("LIB-0001")
        #expect(visitor.cardUnknown)
    }
}

/// The catalogue search at the kiosk.
@Suite struct CatalogueSearchTests {
    @Test func wordsWithoutToneMarksFindTheTitleAndSayWhetherACopyIsOnTheShelf() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        let visitor = try await FlowDriver(kiosk)
        try await visitor.open("library", "search")
        visitor.fill("q", "de men to hoai")
        try await visitor.tap("Tìm")
        #expect(visitor.texts.contains("Dế Mèn phiêu lưu ký · Tô Hoài"))
        #expect(visitor.texts.contains("Còn 2 cuốn trên kệ: Kệ L"))
        try await visitor.tap("Tìm cuốn khác")
        visitor.fill("q", "khủng long")
        try await visitor.tap("Tìm")
        #expect(visitor.screen.form?.fields.first?.error == .key("library.search.none"))
        // What the full-text index would read as its own syntax, other scripts and emoji: found nothing, nothing broken.
        for typed in ["de\" OR men*", "NEAR(de men)", "日本 ❤️ e\u{301}", "\u{202E}de"] {
            visitor.fill("q", typed)
            try await visitor.tap("Tìm")
            let error = try #require(visitor.screen.form?.fields.first?.error)
            #expect([.key("library.search.none"), .key("library.search.empty")].contains(error), "\(typed)")
        }
        visitor.fill("q", "de m")
        try await visitor.tap("Tìm")
        #expect(visitor.texts.contains("Dế Mèn phiêu lưu ký · Tô Hoài"), "the beginnings of words")
        try await visitor.tap("Tìm cuốn khác")

        let reader = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await reader.scan("LIB-0005")
        try await visitor.open("library", "search")
        visitor.fill("q", "VI SAO")
        try await visitor.tap("Tìm")
        #expect(visitor.texts.contains("Các bạn khác đang mượn hết. Chạm để đặt giữ."))
    }
}
