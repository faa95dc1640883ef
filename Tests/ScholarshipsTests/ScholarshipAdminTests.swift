import Foundation
import HummingbirdTesting
import KioskTesting
import Scholarships
import Testing

/// The committee's side on the live server: who sees the applications, the desk's documents, and
/// awards that stay within the round's quota when two administrators award at the same moment.
@Suite struct ScholarshipAdminTests {
    private func status(_ kiosk: TestKiosk) async throws -> [String] {
        let family = try await FlowDriver.demoFamily(kiosk, opening: "scholarships", "status")
        guard case .choices(let lines) = family.screen.content else { return [] }
        return lines.compactMap { $0.detail.map(family.text) }
    }

    @Test func onlyTheSitesReviewersAndAdministratorsSeeApplicationsAndTheDeskTicksTheDocuments() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await apply(kiosk, phone: DemoData.guardianPhone, birth: "01/06/2015", child: "Nguyễn Văn An")
        let id = try await applicationID(kiosk, "Nguyễn Văn An")
        #expect(try await status(kiosk) == ["Đã nhận hồ sơ, chờ nộp giấy tờ"])
        try await kiosk.application().test(.live) { client in
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            #expect(try await staff.get("/admin/DEMO/m/scholarships/applications").status == .forbidden)
            #expect(try await staff.get("/admin/DEMO/m/scholarships/applications/\(id)/page").status == .forbidden)
            // At the station a receipt is a receipt: no name, nothing of the application.
            let receipt = try await KioskTesting.card(kiosk, ScholarshipsModule.receipt, childID: try await childID(kiosk, "Nguyễn Văn An"))
            try await staff.get("/staff/DEMO")
            let scanned = try await staff.scan(receipt, activity: nil)
            #expect(scanned["name"] as? String == "" && !(scanned.description.contains("An")), "\(scanned)")

            let admin = try await KioskTesting.admin(client)
            let reviewerID = try await createStaff(admin, kiosk, "huong")
            try await admin.get("/admin/DEMO/staff")
            try await admin.post("/admin/DEMO/staff/\(reviewerID)/grant", [("role", "scholarships.reviewer")])
            let reviewer = try await loggedIn(client, "huong", "mat-khau-dai-1")
            try await reviewer.get("/admin/DEMO/m/scholarships/applications")
            #expect(reviewer.page.contains("<td>Nguyễn Văn An</td>") && reviewer.page.contains("Đã nhận hồ sơ, chờ nộp giấy tờ"))
            // The desk scans the receipt into the box above the list: its application opens.
            #expect(reviewer.page.contains(#"id="scan-open""#))
            #expect(try await reviewer.get("/admin/DEMO/m/scholarships/rounds").status == .forbidden, "rounds are the administrators'")
            let code = receipt.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await reviewer.get("/admin/DEMO/m/scholarships/applications/scanned?code=\(code)%0D")
            #expect(reviewer.page.contains("Hộ cận nghèo") && reviewer.page.contains("Nguyễn Văn An · Học bổng Vượt khó 2027"))
            let forged = String(receipt.dropLast(2)) + "AA"
            try await reviewer.get("/admin/DEMO/m/scholarships/applications/scanned?code=\(forged)")
            #expect(reviewer.page.contains("Không nhận ra mã này ở cơ sở."))
            for document in 0..<2 {
                try await reviewer.post("/admin/DEMO/m/scholarships/applications/\(id)/page", [("key", "document:\(document)")])
            }
            #expect(try await status(kiosk) == ["Còn thiếu giấy tờ: Học bạ năm học trước, Giấy khai sinh, Ảnh 3×4"])
            for document in 2..<5 {
                try await reviewer.post("/admin/DEMO/m/scholarships/applications/\(id)/page", [("key", "document:\(document)")])
            }
            #expect(try await status(kiosk) == ["Đang xét"])
        }
        let reads = try await kiosk.services.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE action = 'scholarships.applications.read' AND actor LIKE '%huong%'")
        }
        #expect(reads == 8, "the list twice and each showing of the page (once, then after each of five ticks), each written down")
    }

    @Test func twoAdministratorsAwardingTheLastPlaceAtOnceGiveOneAwardAndEachDecisionSaysWhoAndWhy() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await addFamily(kiosk, phone: "0933000601", children: [("Đỗ Thu Trang", "2014-04-04")])
        try await apply(kiosk, phone: DemoData.guardianPhone, birth: "01/06/2015", child: "Nguyễn Văn An")
        try await apply(kiosk, phone: "0933000601", birth: "04/04/2014", child: "Đỗ Thu Trang")
        let an = try await applicationID(kiosk, "Nguyễn Văn An"), trang = try await applicationID(kiosk, "Đỗ Thu Trang")
        try await kiosk.services.database.write { db in
            try db.execute(sql: "UPDATE scholarships_round SET quota = 1")
        }
        try await kiosk.application().test(.live) { client in
            let first = try await KioskTesting.admin(client), second = try await KioskTesting.admin(client)
            // No award before the documents are all in.
            try await first.get("/admin/DEMO/m/scholarships/applications/\(an)")
            let early = try await first.post("/admin/DEMO/m/scholarships/applications/\(an)", [("decision", "awarded"), ("reason", "Hoàn cảnh khó khăn")])
            #expect(early.status == .badRequest && first.page.contains("Hồ sơ còn thiếu giấy tờ"))
            try await receiveEveryDocument(kiosk)
            try await first.get("/admin/DEMO/m/scholarships/applications/\(an)")
            try await second.get("/admin/DEMO/m/scholarships/applications/\(trang)")
            async let one = first.post("/admin/DEMO/m/scholarships/applications/\(an)", [("decision", "awarded"), ("reason", "Mồ côi cha")])
            async let two = second.post("/admin/DEMO/m/scholarships/applications/\(trang)", [("decision", "awarded"), ("reason", "Hộ cận nghèo")])
            let answers = try await [one.status, two.status]
            #expect(answers.filter { $0 == .ok }.count == 1 && answers.filter { $0 == .badRequest }.count == 1, "\(answers)")
            #expect(first.page.contains("Đợt này đã trao đủ 1 suất.") || second.page.contains("Đợt này đã trao đủ 1 suất."))

            let winner = try await kiosk.services.database.read { db in
                try Row.fetchOne(db, sql: "SELECT id, decidedBy, decisionReason FROM scholarships_application WHERE decision = 'awarded'")
                    .map { ($0["id"] as Int64, $0["decidedBy"] as String, $0["decisionReason"] as String) }!
            }
            #expect(winner.1 == DemoData.adminUsername && ["Mồ côi cha", "Hộ cận nghèo"].contains(winner.2))
            try await first.get("/admin/DEMO/m/scholarships/applications/\(winner.0)/export/letter")
            #expect(first.page.contains("được nhận «Học bổng Vượt khó 2027»") && first.page.contains("2.000.000 đồng"))
            // The decisions as CSV for the committee's minutes: who, when, why.
            let csv = String(buffer: try await first.get("/admin/DEMO/m/scholarships/applications/export.csv?f.status=awarded").body)
            #expect(csv.contains("Được nhận học bổng") && csv.contains("\(DemoData.adminUsername) · 22/11/2026") && csv.contains(winner.2))
        }
        let awarded = try await kiosk.services.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scholarships_application WHERE decision = 'awarded'")
        }
        #expect(awarded == 1)
        let report = try await SiteReport(site: kiosk.site, from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!,
                                          registry: kiosk.services.registry, database: kiosk.services.database)
        #expect(report.figure("scholarships", "applications")?.value == 2)
        #expect(report.figure("scholarships", "applications")?.parts.map(\.value) == [2], "both declared a near-poor household")
        #expect(report.figure("scholarships", "awards")?.parts.first?.label == .key("scholarships.report.ofQuota", "Học bổng Vượt khó 2027", "1"))
        #expect(report.figure("scholarships", "amount_vnd")?.value == 2_000_000)
    }
}

/// A round as the administrators set it on its form.
@Suite struct ScholarshipRoundTests {
    @Test func aRoundIsEditedOnItsFormAndABadRubricOrBudgetIsRefusedWithNothingSaved() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            try await admin.get("/admin/DEMO/m/scholarships/rounds/1")
            #expect(admin.page.contains(#"value="2026-11-15""#), "the form shows the round's opening day")
            var fields: [(String, String)] = [
                ("titleVi", "Học bổng Ươm mầm"), ("titleEn", ""), ("opensOn", "2026-12-01"), ("closesOn", "2027-01-31"), ("minAge", "6"),
                ("maxAge", "12"), ("criteria", "Hộ nghèo\r\nMồ côi"), ("documents", "Đơn xin học bổng"), ("rubric", "Hoàn cảnh | 10 | 3\r\nHọc tập | 10"),
                ("quota", "5"), ("budget", "10000000"), ("award", "2000000"), ("retentionMonths", "12"),
            ]
            #expect(try await admin.post("/admin/DEMO/m/scholarships/rounds/1", fields).status == .badRequest)
            #expect(admin.page.contains("Mỗi dòng thang điểm ghi"))
            fields[8] = ("rubric", "Hoàn cảnh | 10 | 3\r\nHọc tập | 10 | 2")
            fields[10] = ("budget", "9000000")
            #expect(try await admin.post("/admin/DEMO/m/scholarships/rounds/1", fields).status == .badRequest)
            #expect(admin.page.contains("Số suất nhân mỗi suất vượt tổng kinh phí."))
            fields[10] = ("budget", "10000000")
            #expect(try await admin.post("/admin/DEMO/m/scholarships/rounds/1", fields).status == .ok)
        }
        let round = try await kiosk.services.database.read { db in
            try Row.fetchOne(db, sql: "SELECT titleVi, criteria, rubric, closesOn FROM scholarships_round WHERE id = 1")
                .map { row in ["titleVi", "criteria", "rubric", "closesOn"].map { name in row[name] as String } }
        }
        #expect(round == ["Học bổng Ươm mầm", "Hộ nghèo\nMồ côi", "Hoàn cảnh | 10 | 3\nHọc tập | 10 | 2", "2027-01-31"])
    }
}
