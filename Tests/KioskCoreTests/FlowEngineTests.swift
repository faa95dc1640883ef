import Foundation
import KioskCore
import KioskTesting
import Testing

/// The flow engine as a front end drives it, asserting on screens, not HTML.
@Suite struct FlowEngineTests {
    @Test func anAnonymousFlowOpensAtOnceAndItsChecklistAndCommentReachTheModule() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let family = try await FlowDriver(kiosk)
        try await family.open("visits", "feedback")
        #expect(family.texts.first == "Góp ý")
        try await family.tap("Gửi")
        #expect(family.screen.form?.fields.first?.error == .key("error.field.required"))
        family.tick("liked", option: "library")
        family.tick("liked", option: "sport")
        family.tick("liked", option: "not-an-activity")
        family.fill("comment", "Thư viện đẹp\r\nSân rộng")
        family.fill("ideas", rows: ["Bể bơi", "", "Phòng vẽ\u{202E}"])
        try await family.tap("Gửi")
        let rows = try #require(family.screen.form?.fields.first { $0.name == "ideas" })
        #expect(rows.error == .key("error.field.invalid"), "a hidden character in a row is refused")
        #expect(rows.values == ["Bể bơi", "", "Phòng vẽ\u{202E}"], "the rows come back as typed")
        family.fill("ideas", rows: ["Bể bơi", "", "Phòng vẽ"])
        try await family.tap("Gửi")
        #expect(family.screen.content == .message(Message(.literal(vi: "Góp ý đã được gửi.", en: "Your feedback was sent."), style: .success)))
        let comment = try await kiosk.services.database.read { db in try String.fetchOne(db, sql: "SELECT comment FROM visits_feedback") }
        #expect(comment == "Thư viện đẹp\nSân rộng")
        let ideas = try await kiosk.services.database.read { db in try String.fetchAll(db, sql: "SELECT idea FROM visits_feedbackIdea ORDER BY rowid") }
        #expect(ideas == ["Bể bơi", "Phòng vẽ"])
        let report = try await SiteReport(site: kiosk.site, from: kiosk.services.clock.today, to: kiosk.services.clock.today,
                                          registry: kiosk.services.registry, database: kiosk.services.database)
        let feedback = try #require(report.figure("visits", "visits_feedback"))
        #expect(feedback.value == 1)
        #expect(feedback.parts.map(\.name) == ["library", "music", "sport"])
        #expect(feedback.parts.map(\.value) == [1, 0, 1])
        let csv = String(decoding: report.csv(kiosk.services.localizer, .vi).bytes, as: UTF8.self)
        #expect(csv.contains("visits,visits_feedback,sport,Thể thao,1\r\n"))
    }

    @Test func aFlowThatNeedsAFamilyIdentifiesFirstThenGoesOnWithTypedValues() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let family = try await FlowDriver(kiosk)
        try await family.tap("Tham quan")
        #expect(family.texts.first == family.text(.key("identify.title")))
        let anonymous = family.session
        try await family.identify(phone: DemoData.guardianPhone, birthDate: "01/06/2015")
        #expect(family.session != anonymous, "identifying gives the session a new id")
        #expect(family.texts.first == "Chọn bé")
        try await family.tap("Nguyễn Văn An")
        family.fill("day", "31/02/2026")
        family.fill("note", "Bé đi cùng bà")
        try await family.tap("Đặt lịch")
        let day = try #require(family.screen.form?.fields.first { $0.name == "day" })
        #expect(day.error == .key("error.date.invalid"))
        #expect(day.value == "31/02/2026", "a date that is no date is shown again as typed")
        #expect(family.screen.form?.fields.first { $0.name == "note" }?.value == "Bé đi cùng bà")
        family.fill("day", "05/12/2026")
        try await family.tap("Đặt lịch")
        #expect(family.tickets.map(\.holder) == ["Nguyễn Văn An"])
        let visit = try await kiosk.services.database.read { db in
            try Row.fetchOne(db, sql: "SELECT day, note FROM visits_visit").map { [$0["day"] as String, $0["note"] as String] }
        }
        #expect(visit == ["2026-12-05", "Bé đi cùng bà"])
    }

    @Test func twoPressesSentTogetherFromOneScreenBookOnce() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let family = try await FlowDriver.demoFamily(kiosk, opening: "visits")
        try await family.tap("Nguyễn Văn An")
        let engine = kiosk.services.engine, site = kiosk.site, step = family.display.step, session = family.session
        let outcomes = await withTaskGroup(of: KioskEngine.Outcome.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await engine.press("book", value: "", fields: ["day": ["05/12/2026"]], step: step, site: site, session: session, language: .vi)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 8)
        let visits = try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visits_visit") }
        #expect(visits == 1)
        // A press from the screen before (Back, then a tap) changes nothing either.
        try await family.press("book", step: step)
        #expect(try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visits_visit") } == 1)
    }

    @Test func scanningAMemberCardOnTheHomeScreenIdentifiesAndAnUnknownCodeChangesNothing() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let card = try await KioskTesting.card(kiosk, .memberCard, childID: try await childID(kiosk, "Nguyễn Văn An"))
        let family = try await FlowDriver(kiosk)
        try await family.scan("NTN1.DEMO.MC.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA")
        #expect(family.cardUnknown)
        #expect(family.session == nil)
        try await family.scan(card)
        #expect(family.display.familyIdentified)
        #expect(family.texts.first == family.text(.key("family.greeting", "Trần Thị Mai")))
    }

    @Test func afterTheIdleTimeoutTheSessionIsGone() async throws {
        let kiosk = try await TestKiosk.make(idleTimeout: 1)
        defer { kiosk.remove() }
        let family = try await FlowDriver.demoFamily(kiosk, opening: "visits")
        try await Task.sleep(for: .milliseconds(1200))
        #expect(await kiosk.services.engine.current(site: kiosk.site, session: family.session) == nil)
        #expect(await !kiosk.services.engine.isAlive(session: family.session, site: kiosk.site))
    }
}
