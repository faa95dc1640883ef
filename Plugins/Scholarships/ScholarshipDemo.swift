import Foundation
import KioskCore

/// The demo site's open round: "Học bổng Vượt khó", twenty awards of 2,000,000 VND.
enum ScholarshipDemo {
    static func seed(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        let today = context.clock.today
        var round = ScholarshipRound(
            siteId: site.id!, titleVi: "Học bổng Vượt khó \(today.year + 1)", titleEn: "Overcoming Hardship scholarship \(today.year + 1)",
            opensOn: today.adding(days: -7), closesOn: today.adding(days: 60), minAge: 6, maxAge: 15,
            criteria: "Hộ nghèo\nHộ cận nghèo\nMồ côi cha hoặc mẹ\nKhuyết tật\nBệnh hiểm nghèo, bệnh dài ngày\nHoàn cảnh khó khăn khác",
            documents: "Đơn xin học bổng\nGiấy chứng nhận hộ nghèo hoặc cận nghèo\nHọc bạ năm học trước\nGiấy khai sinh\nẢnh 3×4",
            rubric: "Hoàn cảnh gia đình | 10 | 3\nKết quả học tập | 10 | 2\nNỗ lực vượt khó | 10 | 2",
            quota: 20, budget: 40_000_000, award: 2_000_000, retentionMonths: 12)
        try round.insert(db)
    }
}
