import Foundation
import HummingbirdTesting
import KioskTesting
import Scholarships
import Testing

/// The committee scores on the demo round's rubric (family 10 × 3, school 10 × 2, effort 10 × 2)
/// through the live server: blind until one's own score is in, a recusal left out of the average,
/// and the administrators' ranking.
@Suite struct ScholarshipReviewTests {
    private func reviewer(_ admin: Visitor, _ client: any TestClientProtocol, _ kiosk: TestKiosk, _ username: String) async throws -> Visitor {
        let id = try await createStaff(admin, kiosk, username)
        try await admin.get("/admin/DEMO/staff")
        try await admin.post("/admin/DEMO/staff/\(id)/grant", [("role", "scholarships.reviewer")])
        return try await loggedIn(client, username, "mat-khau-dai-1")
    }

    private func score(_ reviewer: Visitor, _ id: Int64, _ fields: [(String, String)]) async throws -> TestResponse {
        try await reviewer.get("/admin/DEMO/m/scholarships/reviews/\(id)")
        return try await reviewer.post("/admin/DEMO/m/scholarships/reviews/\(id)", fields)
    }

    @Test func reviewersScoreBlindARecusalIsLeftOutAndTheRankingShowsTheAverage() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await addFamily(kiosk, phone: "0933000701", children: [("Đỗ Thu Trang", "2014-04-04")])
        try await apply(kiosk, phone: DemoData.guardianPhone, birth: "01/06/2015", child: "Nguyễn Văn An")
        try await apply(kiosk, phone: "0933000701", birth: "04/04/2014", child: "Đỗ Thu Trang")
        try await receiveEveryDocument(kiosk)
        let an = try await applicationID(kiosk, "Nguyễn Văn An")
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            let huong = try await reviewer(admin, client, kiosk, "huong")
            let minh = try await reviewer(admin, client, kiosk, "minh")
            let lan = try await reviewer(admin, client, kiosk, "lan")
            // The form asks each criterion of the round's rubric.
            try await minh.get("/admin/DEMO/m/scholarships/reviews/\(an)")
            #expect(minh.page.contains("Hoàn cảnh gia đình (0–10)") && minh.page.contains("Nỗ lực vượt khó (0–10)"))
            #expect(try await score(minh, an, [("recuse", ""), ("score0", "11"), ("score1", "6"), ("score2", "10")]).status == .badRequest)
            #expect(try await score(minh, an, [("recuse", ""), ("score0", "8"), ("score1", "6"), ("score2", "10")]).status == .ok)
            // Huong has not scored: neither Minh's score nor the average shows to her.
            try await huong.get("/admin/DEMO/m/scholarships/reviews/\(an)/page")
            #expect(huong.page.contains("Điểm của các thành viên khác hiện ra sau khi bạn chấm.") && !huong.page.contains("80.0"))
            try await huong.get("/admin/DEMO/m/scholarships/reviews")
            #expect(!huong.page.contains("80.0"))
            // Lan knows the family and says so; Huong scores.
            #expect(try await score(lan, an, [("recuse", "Hàng xóm của gia đình")]).status == .ok)
            #expect(try await score(huong, an, [("recuse", ""), ("score0", "6"), ("score1", "6"), ("score2", "6")]).status == .ok)
            try await huong.get("/admin/DEMO/m/scholarships/reviews/\(an)/page")
            #expect(huong.page.contains("80.0") && huong.page.contains("— Hàng xóm của gia đình"))
            try await huong.get("/admin/DEMO/m/scholarships/reviews")
            #expect(huong.page.contains("70.0 (2)"), "80 and 60; the recusal left out")

            #expect(try await huong.get("/admin/DEMO/m/scholarships/ranking").status == .forbidden, "the ranking is the administrators'")
            #expect(try await huong.get("/admin/DEMO/m/scholarships/reviews/new").status == .notFound, "a review is of an application")
            try await admin.get("/admin/DEMO/m/scholarships/ranking")
            let first = try #require(admin.page.range(of: "Nguyễn Văn An")), second = try #require(admin.page.range(of: "Đỗ Thu Trang"))
            #expect(first.lowerBound < second.lowerBound && admin.page.contains("<td>70.0</td><td>2</td><td>0</td>"))
            let csv = try await admin.get("/admin/DEMO/m/scholarships/ranking/export.csv")
            let text = String(buffer: csv.body)
            #expect(text.contains("Nguyễn Văn An") && text.contains("70.0") && text.contains("Đang xét"))
        }
    }
}
