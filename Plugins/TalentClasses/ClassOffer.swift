import Foundation
import KioskCore

/// A class as a family sees it for one child: seats left, the waitlist, the fee, and whether it
/// clashes with the child's other classes.
struct ClassOffer {
    let talentClass: TalentClass
    let seatsLeft: Int
    let waiting: Int
    let clashes: [TalentClass]
    /// The child's place already held, if any.
    let place: Enrolment?

    init(_ talentClass: TalentClass, child: Child, today: LocalDate, _ db: Database) throws {
        self.talentClass = talentClass
        self.seatsLeft = max(0, talentClass.capacity - (try ClassSeats.count(talentClass.id!, .enrolled, db)))
        self.waiting = try ClassSeats.count(talentClass.id!, .waitlisted, db)
        self.clashes = try ClassSeats.clashes(talentClass, child: child.id!, db)
        self.place = try ClassSeats.liveEnrolment(class: talentClass.id!, child: child.id!, db)
    }

    /// The classes of the site's open periods that fit the child's age, by title as Vietnamese sorts it (Đ with D).
    static func offers(for child: Child, site: Site, today: LocalDate, _ db: Database) throws -> [ClassOffer] {
        let periods = try Period.filter(Period.Columns.siteId == site.id! && Period.Columns.endsOn >= today).fetchAll(db).map(\.id!)
        return try TalentClass.filter(periods.contains(TalentClass.Columns.periodId)).fetchAll(db)
            .filter { $0.schedule.lastDay >= today && $0.admits(birthDate: child.birthDate) }
            .sorted { VietnameseFolding.fold($0.titleVi) < VietnameseFolding.fold($1.titleVi) }
            .map { try ClassOffer($0, child: child, today: today, db) }
    }

    /// One line for the list: schedule, fee, seats or waitlist, a clash, a place already held.
    var summary: LocalizedText {
        if let place {
            return place.status == .enrolled ? .key("classes.alreadyEnrolled") : .key("classes.alreadyWaiting")
        }
        var parts: [LocalizedText] = [
            talentClass.schedule.weeklyText, .literal(vi: talentClass.room),
            .key("classes.ages", String(talentClass.minAge), String(talentClass.maxAge)), talentClass.fee,
            seatsLeft > 0 ? .key("classes.seatsLeft", String(seatsLeft)) : .key("classes.full", String(waiting)),
        ]
        parts += clashes.map { .joined([.key("classes.clashesWith"), $0.title], separator: " ") }
        return .joined(parts)
    }

    /// The lines of the enrol screen.
    var details: [LocalizedText] {
        var lines: [LocalizedText] = talentClass.facts + [
            seatsLeft > 0 ? .key("classes.seatsLeft", String(seatsLeft)) : .key("classes.fullJoin", String(waiting + 1)),
        ]
        lines += clashes.map { .joined([.key("classes.clashesWith"), $0.title, $0.schedule.weeklyText], separator: " ") }
        return lines
    }
}
