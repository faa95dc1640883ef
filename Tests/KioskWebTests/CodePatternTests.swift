import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// Codes that are not our tickets, claimed by a module's pattern: a school group's passes of the
/// sample module, at the kiosk and at a station.
@Suite struct CodePatternTests {
    private func addPasses(_ kiosk: TestKiosk) async throws {
        let otherSite = try await kiosk.services.database.createSite(code: "Q9", name: "Nhà Thiếu nhi Quận 9", actor: "test", at: TestKiosk.defaultNow)
        try await kiosk.services.database.write { db in
            try db.execute(sql: "INSERT INTO visits_groupPass (code, siteId, school) VALUES ('VISIT-0042', ?, 'Trường TH Kim Đồng')",
                           arguments: [kiosk.site.id!])
            try db.execute(sql: "INSERT INTO visits_groupPass (code, siteId, school) VALUES ('VISIT-0077', ?, 'Trường khác')",
                           arguments: [otherSite.id!])
        }
    }

    @Test func aPassScannedOnTheHomeScreenOpensTheFlowAndEachNextScanIsListed() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        try await addPasses(kiosk)
        let teacher = try await FlowDriver(kiosk)
        try await teacher.scan(" VISIT-0042\r\n")
        #expect(teacher.texts.first == "Đoàn tham quan")
        #expect(teacher.screen.form == nil, "a screen that waits for scans has no field to type into")
        #expect(teacher.scanned == [ScannedItem(.literal(vi: "Trường TH Kim Đồng"), detail: .literal(vi: "Đã vào", en: "Checked in"), style: .success)])
        // Another site's pass, and a member card, are listed as refused; the session stays on the scans.
        try await teacher.scan("VISIT-0077")
        let card = try await KioskTesting.card(kiosk, .memberCard, childID: try await childID(kiosk, "Nguyễn Văn An"))
        try await teacher.scan(card)
        #expect(teacher.scanned.map(\.style) == [.error, .error, .success])
        #expect(!teacher.display.familyIdentified)
        let checkedIn = try await kiosk.services.database.read { db in
            try String.fetchAll(db, sql: "SELECT code FROM visits_groupPass WHERE checkedInAt IS NOT NULL")
        }
        #expect(checkedIn == ["VISIT-0042"])
    }

    @Test func aCodeNoModuleClaimsLeavesTheHomeScreen() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let visitor = try await FlowDriver(kiosk)
        try await visitor.scan("9786040000000")
        #expect(visitor.cardUnknown)
        #expect(visitor.session == nil)
    }

    @Test func aStationAtTheVisitsGateJudgesPassesAndNoOtherStationTakesThem() async throws {
        try await withLiveKiosk { kiosk, client in
            try await addPasses(kiosk)
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            try await staff.get("/staff/DEMO?activity=visits/gate")
            #expect(try await staff.scan("VISIT-0042\n", activity: "visits/gate")["outcome"] as? String == "accepted")
            let again = try await staff.scan("VISIT-0042", activity: "visits/gate")
            #expect(again["outcome"] as? String == "warning")
            #expect(again["name"] as? String == "Trường TH Kim Đồng")
            for (code, activity) in [("VISIT-0077", "visits/gate"), ("VISIT-0042", nil), ("VISIT-12", "visits/gate")] {
                let answer = try await staff.scan(code, activity: activity)
                #expect(answer["outcome"] as? String == "refused", "\(code) at \(activity ?? "no activity")")
                #expect(answer["title"] as? String == "Không phải mã vé")
            }
        }
    }
}
