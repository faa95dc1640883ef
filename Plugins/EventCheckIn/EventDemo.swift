import Foundation
import KioskCore

/// The demo site's events: tonight's Trung thu festival (gate open now) and a career day.
enum EventDemo {
    static func seed(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        let now = context.clock.now
        let evening = context.clock.today.at(minutes: 18 * 60)
        let start = max(evening, now.addingTimeInterval(30 * 60))
        var festival = Event(siteId: site.id!, titleVi: "Đêm hội trăng rằm", titleEn: "Mid-Autumn lantern night",
                             details: "Rước đèn, phá cỗ, văn nghệ thiếu nhi.", venue: "Sân chính", startsAt: start,
                             endsAt: start.addingTimeInterval(3 * 3600), capacity: 300, minAge: 4, maxAge: 15,
                             registrationOpensAt: now.addingTimeInterval(-7 * 86400), registrationClosesAt: start,
                             checkInOpensMinutes: 120, reentry: false)
        try festival.insert(db)
        let later = start.addingTimeInterval(14 * 86400)
        var careers = Event(siteId: site.id!, titleVi: "Ngày hội trải nghiệm nghề nghiệp", titleEn: "Career experience day",
                            details: "Thử làm bác sĩ, kỹ sư, đầu bếp, phóng viên.", venue: "Hội trường A", startsAt: later,
                            endsAt: later.addingTimeInterval(4 * 3600), capacity: 120, minAge: 9, maxAge: 15,
                            registrationOpensAt: now.addingTimeInterval(-86400), registrationClosesAt: later,
                            checkInOpensMinutes: 60, reentry: true)
        try careers.insert(db)
    }
}
