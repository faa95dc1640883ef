import Foundation
import KioskCore

/// The demo site's events: a Trung thu festival starting within the hour, its gate already open and
/// the kiosk taking registrations until it ends, so the whole flow can be tried whenever the demo is
/// created; and a career day in two weeks.
enum EventDemo {
    static func seed(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        let now = context.clock.now
        // The gate only admits on the event's own day, so the festival never starts after midnight.
        let start = min(now.addingTimeInterval(3600), context.clock.today.at(minutes: 23 * 60 + 59))
        let end = start.addingTimeInterval(3 * 3600)
        var festival = Event(siteId: site.id!, titleVi: "Vui hội trăng rằm", titleEn: "Mid-Autumn festival",
                             details: "Rước đèn, phá cỗ, văn nghệ thiếu nhi.", venue: "Sân chính", startsAt: start,
                             endsAt: end, capacity: 300, minAge: 4, maxAge: 15,
                             registrationOpensAt: now.addingTimeInterval(-7 * 86400), registrationClosesAt: end,
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
