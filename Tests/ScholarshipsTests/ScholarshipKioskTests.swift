import Foundation
import KioskTesting
import Scholarships
import Testing

/// Applying at the kiosk on the demo site's open round ("Học bổng Vượt khó 2027", documents to
/// bring), driven through the flow engine and read as screens.
@Suite struct ScholarshipKioskTests {
    /// The demo family applies for An: ticks, a few words, the guardian's consent, the child's own.
    private func apply(_ family: FlowDriver, note: String = "Bố mất năm 2024, mẹ bán hàng rong.") async throws {
        try await family.tap("Nguyễn Văn An")
        family.tick("circumstances", option: "Hộ nghèo")
        family.tick("circumstances", option: "Mồ côi cha hoặc mẹ")
        try await family.tap("Tiếp tục")
        family.fill("note", note)
        family.fill("grade", "5")
        try await family.tap("Tiếp tục")
    }

    private func applications(_ kiosk: TestKiosk) async throws -> [String] {
        try await kiosk.services.database.read { db in
            try String.fetchAll(db, sql: "SELECT circumstances || ' ' || note || ' ' || grade FROM scholarships_application ORDER BY id")
        }
    }

    @Test func aFamilyAppliesWithBothConsentsAndLeavesWithAReceiptAndTheDocumentsToBring() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        let family = try await FlowDriver.demoFamily(kiosk, opening: "scholarships")
        #expect(family.texts.contains("Học bổng Vượt khó 2027"))
        try await apply(family)
        // The guardian's consent is its own screen, never ticked in advance, and needed.
        #expect(family.screen.title == .key("scholarships.consent.title"))
        #expect(family.screen.form?.fields.first?.values.isEmpty ?? false, "not ticked")
        try await family.tap("Tiếp tục")
        #expect(family.screen.form?.fields.first?.error == .key("scholarships.consent.needed"))
        #expect(try await applications(kiosk).isEmpty, "nothing saved before the last consent")
        family.tick("consent")
        try await family.tap("Tiếp tục")
        // An is 11: his own consent comes next.
        #expect(family.screen.title == .key("scholarships.childConsent.title", "An"))
        try await family.tap("Con đồng ý")
        let receipt = try #require(family.tickets.first)
        #expect(receipt.holder == "Nguyễn Văn An" && receipt.token.hasPrefix("NTN1.DEMO.SR."))
        #expect(family.texts.contains("• Giấy chứng nhận hộ nghèo hoặc cận nghèo"))
        #expect(try await applications(kiosk) == [#"["Hộ nghèo","Mồ côi cha hoặc mẹ"] Bố mất năm 2024, mẹ bán hàng rong. 5"#])
        let consents = try await kiosk.services.database.read { db in
            try String.fetchAll(db, sql: "SELECT givenBy || ' ' || textVersion FROM consent WHERE purpose = 'scholarships.sensitiveData' ORDER BY givenBy")
        }
        #expect(consents == ["child scholarships.consent.v1", "guardian scholarships.consent.v1"])

        // Applying again for An shows the same receipt; nothing new is saved.
        try await family.open("scholarships")
        try await family.tap("Nguyễn Văn An")
        #expect(family.tickets.map(\.token) == [receipt.token])
        #expect(try await applications(kiosk).count == 1)
    }

    @Test func aChildWhoDoesNotAgreeAndAHugeNoteSaveNothing() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        let family = try await FlowDriver.demoFamily(kiosk, opening: "scholarships")
        try await apply(family, note: String(repeating: "Khó khăn. ", count: 80))
        #expect(family.screen.form?.fields.first { $0.name == "note" }?.error == .key("error.field.tooLong", "500"))
        family.fill("note", "Mẹ bị bệnh dài ngày.")
        try await family.tap("Tiếp tục")
        family.tick("consent")
        try await family.tap("Tiếp tục")
        try await family.tap("Con chưa đồng ý")
        #expect(family.texts.contains(family.text(.key("scholarships.childConsent.declined"))))
        #expect(try await applications(kiosk).isEmpty)
        let consents = try await kiosk.services.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consent WHERE purpose = 'scholarships.sensitiveData'")
        }
        #expect(consents == 0)
    }

    @Test func aChildUnderSevenIsNotAskedAndAChildOutsideTheAgesSeesNoRound() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await addFamily(kiosk, phone: "0933000501", children: [("Vũ Minh Khang", "2020-03-01"), ("Vũ Thị Hoa", "2008-01-01")])
        let family = try await FlowDriver(kiosk)
        try await family.open("scholarships")
        try await family.identify(phone: "0933000501", birthDate: "01/03/2020")
        guard case .choices(let choices) = family.screen.content else { Issue.record("no choice"); return }
        #expect(choices.map(\.title) == [.literal(vi: "Vũ Minh Khang")], "Hoa is 18: outside the round's ages")
        try await family.tap("Vũ Minh Khang")
        try await family.tap("Tiếp tục")
        family.fill("grade", "1")
        try await family.tap("Tiếp tục")
        family.tick("consent")
        try await family.tap("Tiếp tục")
        #expect(family.tickets.count == 1, "six years old: the guardian's consent alone")
    }
}
