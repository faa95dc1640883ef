import Foundation
import KioskCore

/// Places in classes: enrolling within the capacity, the waitlist in order, withdrawing, and moving
/// the first on the waitlist up when a seat frees. Every method runs inside the caller's write
/// transaction, which SQLite serializes, so concurrent enrolments for the last seats get exactly the
/// seats left and the waitlist keeps the order in which families asked.
enum ClassSeats {
    /// The class, if it belongs to the site.
    static func talentClass(_ id: Int64, site: Site, _ db: Database) throws -> TalentClass {
        guard let talentClass = try TalentClass.fetchOne(db, key: id), talentClass.siteId == site.id else {
            throw KioskError(.notFound, "classes.notFound")
        }
        return talentClass
    }

    static func count(_ classID: Int64, _ status: Enrolment.Status, _ db: Database) throws -> Int {
        try Enrolment.filter(Enrolment.Columns.classId == classID && Enrolment.Columns.status == status.rawValue).fetchCount(db)
    }

    /// The child's enrolment or waitlist place in the class, if any.
    static func liveEnrolment(class classID: Int64, child childID: Int64, _ db: Database) throws -> Enrolment? {
        try Enrolment.filter(Enrolment.Columns.classId == classID && Enrolment.Columns.childId == childID
                             && [Enrolment.Status.enrolled.rawValue, Enrolment.Status.waitlisted.rawValue].contains(Enrolment.Columns.status))
            .fetchOne(db)
    }

    /// 1 for the first on the waitlist.
    static func waitlistPosition(_ enrolment: Enrolment, _ db: Database) throws -> Int {
        try Enrolment.filter(Enrolment.Columns.classId == enrolment.classId && Enrolment.Columns.status == Enrolment.Status.waitlisted.rawValue
                             && Column("id") <= enrolment.id!).fetchCount(db)
    }

    /// Whether families may still enrol: the period and the class have not ended.
    static func isOpen(_ talentClass: TalentClass, today: LocalDate, _ db: Database) throws -> Bool {
        guard let period = try Period.fetchOne(db, key: talentClass.periodId) else { return false }
        return today <= period.endsOn && today <= talentClass.schedule.lastDay
    }

    /// Enrols a child, or puts them on the waitlist when the class is full. A child already enrolled
    /// or waiting keeps the place they have.
    /// - Parameter hardship: the guardian asks for the fee to be waived.
    static func enrol(_ child: Child, in talentClass: TalentClass, hardship: Bool, context: SeatContext, _ db: Database) throws -> Enrolment {
        if let existing = try liveEnrolment(class: talentClass.id!, child: child.id!, db) { return existing }
        guard child.mayRegister else { throw KioskError(.forbidden, "error.consent.withdrawn") }
        guard try isOpen(talentClass, today: LocalDate(context.now), db) else { throw KioskError(.unavailable, "classes.closed") }
        guard talentClass.admits(birthDate: child.birthDate) else {
            throw KioskError(.invalidInput, "classes.age", child.fullName, String(talentClass.minAge), String(talentClass.maxAge))
        }
        let hasSeat = try count(talentClass.id!, .enrolled, db) < talentClass.capacity
        var enrolment = Enrolment(classId: talentClass.id!, childId: child.id!, status: hasSeat ? .enrolled : .waitlisted,
                                  requestedAt: context.now, enrolledAt: hasSeat ? context.now : nil,
                                  waiver: hardship && talentClass.feeVND > 0 && talentClass.waiverOffered ? .requested : .none)
        try enrolment.insert(db)
        if hasSeat {
            _ = try context.tickets.issue(TalentClassesModule.ticketKind, site: context.site, subjectID: enrolment.id!, childId: child.id, db)
        }
        return enrolment
    }

    /// Withdraws a child from a class or its waitlist; the ticket scans as revoked and the first on
    /// the waitlist takes the seat.
    static func withdraw(_ enrolment: Enrolment, context: SeatContext, _ db: Database) throws {
        guard enrolment.status != .withdrawn else { return }
        var enrolment = enrolment
        enrolment.status = .withdrawn
        enrolment.withdrawnAt = context.now
        try enrolment.update(db)
        try context.tickets.revoke(TalentClassesModule.ticketKind, subjectID: enrolment.id!, db)
        try promote(classID: enrolment.classId, context: context, db)
    }

    /// Moves the first on the waitlist up, in order, while seats are free; each gets a ticket and
    /// appears on the list of families to call.
    @discardableResult
    static func promote(classID: Int64, context: SeatContext, _ db: Database) throws -> [Enrolment] {
        guard let talentClass = try TalentClass.fetchOne(db, key: classID) else { return [] }
        let free = talentClass.capacity - (try count(classID, .enrolled, db))
        guard free > 0 else { return [] }
        let waiting = try Enrolment.filter(Enrolment.Columns.classId == classID && Enrolment.Columns.status == Enrolment.Status.waitlisted.rawValue)
            .order(Column("id")).limit(free).fetchAll(db)
        return try waiting.map { enrolment in
            var enrolment = enrolment
            enrolment.status = .enrolled
            enrolment.enrolledAt = context.now
            enrolment.promotedAt = context.now
            try enrolment.update(db)
            _ = try context.tickets.issue(TalentClassesModule.ticketKind, site: context.site, subjectID: enrolment.id!,
                                          childId: enrolment.childId, db)
            return enrolment
        }
    }

    /// The family's enrolment, or not found: a family acts on its own children only.
    static func familyEnrolment(_ id: Int64, familyID: Int64, _ db: Database) throws -> Enrolment {
        guard let enrolment = try Enrolment.fetchOne(db, key: id), let child = try FamilyDirectory.child(enrolment.childId, db),
              child.familyId == familyID else { throw KioskError(.notFound, "classes.notFound") }
        return enrolment
    }

    /// Other classes the child is enrolled in (or waiting for) whose times clash with `talentClass`.
    static func clashes(_ talentClass: TalentClass, child childID: Int64, _ db: Database) throws -> [TalentClass] {
        let classIDs = try Int64.fetchAll(db, sql: """
            SELECT classId FROM classes_enrolment WHERE childId = ? AND classId != ? AND status IN ('enrolled', 'waitlisted')
            """, arguments: [childID, talentClass.id!])
        return try TalentClass.fetchAll(db, keys: classIDs).filter { $0.schedule.clashes(with: talentClass.schedule) }
    }
}

/// What changing a place needs: the site whose key signs tickets, the time, and the ticket issuer.
struct SeatContext {
    let site: Site
    let now: Date
    let tickets: TicketIssuer

    init(site: Site, now: Date, tickets: TicketIssuer) {
        self.site = site
        self.now = now
        self.tickets = tickets
    }

    init(_ context: AdminActionContext) {
        self.init(site: context.site, now: context.at, tickets: context.tickets)
    }

    init(_ context: FlowContext) {
        self.init(site: context.site, now: context.clock.now, tickets: context.tickets)
    }
}
