import Foundation
import KioskCore

/// The demo site's classes: a period around today, a chess club that meets every day (so the
/// station always has a session to take), an organ class with a fee that may be waived, and a
/// drawing class; the demo child is enrolled in chess.
enum ClassDemo {
    static func seed(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        let today = context.clock.today
        var period = Period(siteId: site.id!, name: "Đợt 02 · \(today.year)", startsOn: today.adding(days: -30), endsOn: today.adding(days: 90))
        try period.insert(db)
        func add(_ vi: String, _ en: String, _ category: String, _ teacher: String, _ room: String, ages: ClosedRange<Int>, capacity: Int,
                 fee: Int, weekdays: [Int], from start: Int, to end: Int) throws -> TalentClass {
            let schedule = ClassSchedule(weekdays: weekdays, startMinute: start, endMinute: end, firstDay: period.startsOn,
                                         lastDay: period.endsOn, skipDays: [])
            var talentClass = TalentClass(siteId: site.id!, periodId: period.id!, titleVi: vi, titleEn: en, category: category, teacher: teacher,
                                          room: room, minAge: ages.lowerBound, maxAge: ages.upperBound, capacity: capacity, feeVND: fee,
                                          waiverOffered: fee > 0, schedule: schedule, lateAfterMinutes: 10)
            try talentClass.insert(db)
            try ClassSessions.sync(talentClass, db)
            return talentClass
        }
        let chess = try add("Câu lạc bộ Cờ vua", "Chess club", "chess", "Thầy Lê Minh Tuấn", "Phòng 101", ages: 6...15, capacity: 20, fee: 0,
                            weekdays: Array(1...7), from: 14 * 60, to: 16 * 60)
        _ = try add("Đàn organ", "Electronic keyboard", "music", "Cô Phạm Thu Hà", "Phòng nhạc", ages: 7...14, capacity: 12, fee: 600_000,
                    weekdays: [3, 5], from: 17 * 60 + 30, to: 19 * 60)
        _ = try add("Vẽ thiếu nhi", "Children's drawing", "drawing", "Cô Đỗ Lan Anh", "Phòng mỹ thuật", ages: 5...12, capacity: 15, fee: 450_000,
                    weekdays: [7, 1], from: 8 * 60, to: 9 * 60 + 30)
        if let child = try FamilyDirectory.children(ofFamily: context.familyID, db).first {
            _ = try ClassSeats.enrol(child, in: chess, hardship: false,
                                     context: SeatContext(site: site, now: context.clock.now, tickets: context.tickets), db)
        }
    }
}
