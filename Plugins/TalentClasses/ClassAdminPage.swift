import Foundation
import KioskCore

/// A class's own admin page: families to call after a promotion, enrolled children (with fee
/// waivers to confirm), the waitlist in order, the sessions; the attendance register, and one
/// session's register to correct by hand. Every button is recorded in the audit log by the host.
enum ClassAdminPage {
    static func page(_ id: Int64, _ view: String?, _ context: AdminReadContext, _ db: Database) throws -> AdminPage? {
        guard let talentClass = try TalentClass.fetchOne(db, key: id), talentClass.siteId == context.site.id else { return nil }
        let intro = talentClass.facts
        let links = [AdminLink(.key("classes.admin.overview"), view: ""), AdminLink(.key("classes.admin.register"), view: "register")]
        let sections: [AdminSection]
        switch view {
        case "register": sections = [try ClassRegisterGrid.section(talentClass, db)]
        case let view? where view.hasPrefix("session:"):
            guard let sessionID = Int64(view.dropFirst("session:".count)),
                  let session = try ClassSession.fetchOne(db, key: sessionID), session.classId == id else { return nil }
            sections = [try sessionRegister(session, db)]
        default: sections = try overview(talentClass, db)
        }
        return AdminPage(title: talentClass.title, intro: intro, links: links, sections: sections)
    }

    private static func overview(_ talentClass: TalentClass, _ db: Database) throws -> [AdminSection] {
        let roll = try ClassRoll(classID: talentClass.id!, db)
        let enrolled = roll.enrolled, waiting = roll.waiting
        let toCall = enrolled.filter { $0.enrolment.promotedAt != nil && $0.enrolment.calledAt == nil }
        let guardian = { (place: ClassRoll.Place) in place.guardian.map { "\($0.fullName) · \($0.phone)" } ?? "" }
        let withdraw = { (enrolment: Enrolment) in AdminAction(.key("classes.admin.withdraw"), key: "withdraw:\(enrolment.id!)", style: .danger) }
        let sessions = try ClassSession.filter(ClassSession.Columns.classId == talentClass.id!).order(ClassSession.Columns.day).fetchAll(db)
        let present = try Dictionary(grouping: Attendance.filter(sessions.map(\.id!).contains(Attendance.Columns.sessionId)).fetchAll(db)
            .filter(\.mark.came), by: \.sessionId).mapValues(\.count)
        return [
            AdminSection(title: .key("classes.admin.toCall"), columns: [.key("classes.child"), .key("classes.admin.guardian"), .key("classes.admin.promotedAt")],
                         rows: toCall.map { place in
                             AdminTableRow(cells: [place.child.fullName, guardian(place), LocalTime.display(place.enrolment.promotedAt!)],
                                           actions: [AdminAction(.key("classes.admin.called"), key: "called:\(place.enrolment.id!)", style: .primary)])
                         }, empty: .key("classes.admin.noneToCall")),
            AdminSection(title: .key("classes.admin.enrolled", String(enrolled.count), String(talentClass.capacity)),
                         columns: [.key("classes.child"), .key("classes.admin.birthDate"), .key("classes.admin.guardian"), .key("classes.admin.waiver")],
                         rows: enrolled.map { place in
                             let enrolment = place.enrolment
                             var actions: [AdminAction] = []
                             if enrolment.waiver == .requested {
                                 actions += [AdminAction(.key("classes.admin.confirmWaiver"), key: "waiver:\(enrolment.id!):confirmed", style: .primary),
                                             AdminAction(.key("classes.admin.refuseWaiver"), key: "waiver:\(enrolment.id!):refused")]
                             }
                             return AdminTableRow(cells: [place.child.fullName, place.child.birthDate.display, guardian(place),
                                                          enrolment.waiver == .none ? "" : waiverLabel(enrolment.waiver)],
                                                  actions: actions + [withdraw(enrolment)])
                         }, empty: .key("classes.admin.noneEnrolled")),
            AdminSection(title: .key("classes.admin.waitlist"), columns: [.key("classes.admin.position"), .key("classes.child"),
                                                                          .key("classes.admin.guardian"), .key("classes.admin.askedAt")],
                         rows: waiting.enumerated().map { index, place in
                             AdminTableRow(cells: [String(index + 1), place.child.fullName, guardian(place), LocalTime.display(place.enrolment.requestedAt)],
                                           actions: [withdraw(place.enrolment)])
                         }, empty: .key("classes.admin.noneWaiting")),
            AdminSection(title: .key("classes.admin.sessions"), columns: [.key("classes.admin.session"), .key("classes.count.present")],
                         rows: sessions.map { session in
                             AdminTableRow(cells: [session.label + (session.cancelledAt == nil ? "" : " ✕"), String(present[session.id!] ?? 0)],
                                           links: [AdminLink(.key("classes.admin.takeRegister"), view: "session:\(session.id!)")],
                                           actions: [session.cancelledAt == nil
                                               ? AdminAction(.key("classes.admin.cancelSession"), key: "cancel:\(session.id!)", style: .danger)
                                               : AdminAction(.key("classes.admin.restoreSession"), key: "restore:\(session.id!)")])
                         }),
        ]
    }

    /// One session: each enrolled child's mark and who collected them, with buttons to correct it.
    private static func sessionRegister(_ session: ClassSession, _ db: Database) throws -> AdminSection {
        let marks = Dictionary(try Attendance.filter(Attendance.Columns.sessionId == session.id!).fetchAll(db).map { ($0.enrolmentId, $0) }) { first, _ in first }
        let enrolments = try Enrolment.filter(Enrolment.Columns.classId == session.classId).fetchAll(db)
            .filter { $0.status == .enrolled || marks[$0.id!] != nil }
        let children = try FamilyDirectory.children(enrolments.map(\.childId), db)
        let collectors = try FamilyDirectory.guardians(marks.values.compactMap(\.collectedBy), db)
        let rows = VietnameseFolding.sortedByName(enrolments.compactMap { enrolment in children[enrolment.childId].map { (enrolment, $0) } },
                                                  \.1.fullName)
        return AdminSection(
            title: .literal(vi: session.label + (session.cancelledAt == nil ? "" : " ✕")),
            columns: [.key("classes.child"), .key("classes.admin.mark"), .key("classes.admin.markedBy"), .key("classes.admin.collectedBy")],
            rows: rows.map { enrolment, child in
                let attendance = marks[enrolment.id!]
                let mark = attendance?.mark
                return AdminTableRow(
                    cells: [child.fullName, mark.map(markLabel) ?? "—",
                            attendance.map { "\($0.markedBy) \(LocalTime.clock($0.markedAt))" } ?? "",
                            attendance?.collectedAt.map { "\(attendance?.collectedBy.flatMap { collectors[$0]?.fullName } ?? "") \(LocalTime.clock($0))" } ?? ""],
                    actions: Attendance.Mark.allCases.filter { $0 != mark }.map {
                        AdminAction(.key("classes.mark.\($0.rawValue)"), key: "mark:\(session.id!):\(enrolment.id!):\($0.rawValue)")
                    })
            }, empty: .key("classes.admin.noneEnrolled"))
    }

    /// Performs a button of the class's page.
    static func perform(_ id: Int64, _ key: String, _ context: AdminActionContext, _ db: Database) throws {
        let talentClass = try ClassSeats.talentClass(id, site: context.site, db)
        let parts = key.split(separator: ":").map(String.init)
        guard parts.count >= 2, let subject = Int64(parts[1]) else { throw KioskError(.invalidInput, "error.request") }
        func enrolment() throws -> Enrolment {
            guard let enrolment = try Enrolment.fetchOne(db, key: subject), enrolment.classId == talentClass.id else {
                throw KioskError(.notFound, "classes.notFound")
            }
            return enrolment
        }
        func session() throws -> ClassSession {
            guard let session = try ClassSession.fetchOne(db, key: subject), session.classId == talentClass.id else {
                throw KioskError(.notFound, "classes.notFound")
            }
            return session
        }
        switch (parts[0], parts.count) {
        case ("called", 2):
            var enrolment = try enrolment()
            enrolment.calledAt = context.at
            try enrolment.update(db)
        case ("waiver", 3):
            guard let waiver = Enrolment.Waiver(rawValue: parts[2]), [.confirmed, .refused].contains(waiver) else {
                throw KioskError(.invalidInput, "error.request")
            }
            var enrolment = try enrolment()
            enrolment.waiver = waiver
            try enrolment.update(db)
        case ("withdraw", 2):
            try ClassSeats.withdraw(try enrolment(), context: SeatContext(context), db)
        case ("cancel", 2), ("restore", 2):
            var session = try session()
            session.cancelledAt = parts[0] == "cancel" ? context.at : nil
            try session.update(db)
        case ("mark", 4):
            let session = try session()
            guard let enrolmentID = Int64(parts[2]), let mark = Attendance.Mark(rawValue: parts[3]),
                  let enrolment = try Enrolment.fetchOne(db, key: enrolmentID), enrolment.classId == talentClass.id else {
                throw KioskError(.invalidInput, "error.request")
            }
            try Attendance.record(mark, session: session.id!, enrolment: enrolmentID, at: context.at, by: context.staffUsername, db)
        default:
            throw KioskError(.invalidInput, "error.request")
        }
    }

    static func markLabel(_ mark: Attendance.Mark) -> String {
        switch mark {
        case .present: "✓"
        case .late: "M"
        case .absent: "V"
        }
    }

    private static func waiverLabel(_ waiver: Enrolment.Waiver) -> String {
        switch waiver {
        case .none: ""
        case .requested: "?"
        case .confirmed: "✓"
        case .refused: "✕"
        }
    }
}
