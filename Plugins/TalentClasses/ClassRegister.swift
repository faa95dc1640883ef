import Foundation
import KioskCore

/// The register at a station set to today's session of a class: a child's member card or enrolment
/// ticket marks the child present (late after the grace time); an adult's guardian card at the end
/// shows which of the children present this adult may take. Each mark is written inside the
/// scan's durable transaction.
enum ClassRegister {
    static func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        let station = try ClassSessions.session(of: scan.activity, db)
        switch scan.ticket.kind {
        case TalentClassesModule.ticketKind.code:
            guard let enrolment = try Enrolment.find(db, id: scan.ticket.subjectID),
                  let child = try FamilyDirectory.child(enrolment.childId, db),
                  let talentClass = try TalentClass.find(db, id: enrolment.classId) else { return .refused("scan.forged") }
            guard let (session, _) = station else {
                let today = try ClassSession.filter(ClassSession.Columns.classId == talentClass.id! && ClassSession.Columns.day == LocalDate(scan.at))
                    .fetchOne(db)
                return today == nil
                    ? ScanVerdict(.refused, .key("classes.scan.noSessionToday"), name: child.fullName, detail: talentClass.title)
                    : ScanVerdict(.warning, .key("classes.scan.chooseSession"), name: child.fullName, detail: talentClass.title)
            }
            guard enrolment.classId == session.classId else {
                return ScanVerdict(.refused, .key("classes.scan.notInClass"), name: child.fullName, detail: talentClass.title)
            }
            return try mark(enrolment, child: child, session: session, talentClass: talentClass, at: scan.at, staff: scan.staffUsername, db)
        case TicketKind.memberCard.code:
            guard let (session, talentClass) = station, let childID = scan.ticket.childId,
                  let child = try FamilyDirectory.child(childID, db) else { return nil }
            guard let enrolment = try ClassSeats.liveEnrolment(class: talentClass.id!, child: childID, db), enrolment.status == .enrolled else {
                return ScanVerdict(.refused, .key("classes.scan.notInClass"), name: child.fullName)
            }
            return try mark(enrolment, child: child, session: session, talentClass: talentClass, at: scan.at, staff: scan.staffUsername, db)
        case TicketKind.guardianCard.code:
            guard let (session, _) = station, let guardianID = scan.ticket.guardianId else { return nil }
            return try pickup(guardianID: guardianID, session: session, at: scan.at, handOver: false, db)
        default:
            return nil
        }
    }

    /// Marks a child present (late after the grace time), or says they already are. A scan after
    /// the session's end marks nothing; staff marking by hand then mark the child present.
    static func mark(_ enrolment: Enrolment, child: Child, session: ClassSession, talentClass: TalentClass, at now: Date, staff: String,
                     byHand: Bool = false, _ db: Database) throws -> ScanVerdict {
        guard session.cancelledAt == nil else { return ScanVerdict(.refused, .key("classes.scan.sessionCancelled"), name: child.fullName) }
        guard enrolment.status == .enrolled else { return ScanVerdict(.refused, .key("scan.revoked"), name: child.fullName) }
        if let attendance = try Attendance.find(session: session.id!, enrolment: enrolment.id!, db), attendance.mark.came {
            return ScanVerdict(.warning, .key("classes.scan.already"), name: child.fullName,
                               detail: .key("classes.scan.markedAt", LocalTime.clock(attendance.markedAt)))
        }
        let ended = now > session.endsAt
        if ended, !byHand {
            return ScanVerdict(.warning, .key("classes.scan.ended"), name: child.fullName,
                               detail: .key("classes.scan.endedAt", LocalTime.clock(session.endsAt)))
        }
        let minutesLate = Int(now.timeIntervalSince(session.startsAt) / 60)
        let mark: Attendance.Mark = !ended && minutesLate > talentClass.lateAfterMinutes ? .late : .present
        try Attendance.record(mark, session: session.id!, enrolment: enrolment.id!, at: now, by: staff, db)
        return mark == .late
            ? ScanVerdict(.accepted, .key("classes.scan.late"), name: child.fullName, detail: .key("classes.scan.minutesLate", String(minutesLate)))
            : ScanVerdict(.accepted, .key("classes.scan.present"), name: child.fullName, detail: talentClass.title)
    }

    /// The children present in the session whom this adult may collect: shown, or handed over.
    static func pickup(guardianID: Int64, session: ClassSession, at now: Date, handOver: Bool, _ db: Database) throws -> ScanVerdict {
        guard let guardian = try FamilyDirectory.guardian(guardianID, db) else { return .refused("scan.revoked") }
        // The children present in the session, and whom of them this adult may take: those the family
        // named this adult for, or, where the family named no one, any adult of the family.
        let marks = try Attendance.filter(Attendance.Columns.sessionId == session.id!).fetchAll(db).filter(\.mark.came)
        let enrolments = try Enrolment.fetchAll(db, keys: marks.map(\.enrolmentId))
        let childOf = Dictionary(uniqueKeysWithValues: enrolments.map { ($0.id!, $0.childId) })
        let children = try FamilyDirectory.children(enrolments.map(\.childId), db)
        let named = Dictionary(grouping: try PickupPermission.filter(children.keys.contains(Column("childId"))).fetchAll(db), by: \.childId)
        let mayTake = { (child: Child) in
            named[child.id!].map { $0.contains { $0.guardianId == guardianID } } ?? (child.familyId == guardian.familyId)
        }
        let rows = VietnameseFolding.sortedByName(marks.compactMap { mark in
            childOf[mark.enrolmentId].flatMap { children[$0] }.flatMap { mayTake($0) ? (mark, $0) : nil }
        }, \.1.fullName)
        guard !rows.isEmpty else { return ScanVerdict(.refused, .key("classes.pickup.mayNot"), name: guardian.fullName) }
        let waiting = rows.filter { $0.0.collectedAt == nil }
        guard !waiting.isEmpty else {
            let collected = rows.map { "\($0.1.fullName) \(LocalTime.clock($0.0.collectedAt!))" }.joined(separator: ", ")
            return ScanVerdict(.warning, .key("classes.pickup.already"), name: guardian.fullName, detail: .literal(vi: collected))
        }
        let names = waiting.map(\.1.fullName).joined(separator: ", ")
        guard handOver else {
            return ScanVerdict(.accepted, .key("classes.pickup.may"), name: guardian.fullName, detail: .literal(vi: names),
                               offer: StationOffer(label: .key("classes.pickup.handOver", String(waiting.count)), key: "pickup:\(guardianID)"))
        }
        let ids = waiting.map { $0.0.id! }
        try Attendance.filter(ids.contains(Column("id")))
            .updateAll(db, Column("collectedAt").set(to: DatabaseTimestamp(now)), Column("collectedBy").set(to: guardianID))
        return ScanVerdict(.accepted, .key("classes.pickup.done"), name: guardian.fullName, detail: .literal(vi: names))
    }

    /// `pickup:<guardian>` hands the children over; `mark:<enrolment>` marks a child found by name.
    static func perform(_ key: String, _ context: StationActionContext, _ db: Database) throws -> ScanVerdict {
        guard let (session, talentClass) = try ClassSessions.session(of: context.activity, db) else {
            throw KioskError(.notFound, "classes.notFound")
        }
        let parts = key.split(separator: ":")
        guard parts.count == 2, let subject = Int64(parts[1]) else { throw KioskError(.invalidInput, "error.request") }
        switch parts[0] {
        case "pickup":
            return try pickup(guardianID: subject, session: session, at: context.at, handOver: true, db)
        case "mark":
            guard let enrolment = try Enrolment.fetchOne(db, key: subject), enrolment.classId == talentClass.id,
                  let child = try FamilyDirectory.child(enrolment.childId, db) else { throw KioskError(.notFound, "classes.notFound") }
            return try mark(enrolment, child: child, session: session, talentClass: talentClass, at: context.at, staff: context.staffUsername,
                            byHand: true, db)
        default:
            throw KioskError(.invalidInput, "error.request")
        }
    }

    /// Present / late / enrolled / collected.
    static func counters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] {
        guard let (session, talentClass) = try ClassSessions.session(of: activity, db) else { return [] }
        let marks = try Attendance.filter(Attendance.Columns.sessionId == session.id!).fetchAll(db)
        return [
            StationCounter(label: .key("classes.count.present"), value: String(marks.filter(\.mark.came).count)),
            StationCounter(label: .key("classes.count.late"), value: String(marks.filter { $0.mark == .late }.count)),
            StationCounter(label: .key("classes.count.enrolled"), value: String(try ClassSeats.count(talentClass.id!, .enrolled, db))),
            StationCounter(label: .key("classes.count.collected"), value: String(marks.filter { $0.collectedAt != nil }.count)),
        ]
    }

    /// Enrolled children of the session's class by name, to mark by hand (a forgotten card).
    static func search(_ activity: StationActivity, query: String, _ db: Database) throws -> [StationSearchResult] {
        guard let (_, talentClass) = try ClassSessions.session(of: activity, db), let query = NameQuery(query) else { return [] }
        let enrolments = try Enrolment.filter(Enrolment.Columns.classId == talentClass.id! && Enrolment.Columns.status == Enrolment.Status.enrolled.rawValue)
            .fetchAll(db)
        return try query.children(of: enrolments, child: \.childId, limit: 20, db).map { enrolment, child in
            StationSearchResult(name: child.fullName, detail: child.birthDate.display,
                                action: StationOffer(label: .key("classes.scan.markByHand"), key: "mark:\(enrolment.id!)"))
        }
    }
}
