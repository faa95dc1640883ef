import Foundation
import KioskCore

/// A class's sessions, kept in step with its schedule, and the session a station is set to.
enum ClassSessions {
    /// Creates the sessions the schedule asks for and removes those it no longer does, unless the
    /// register already has marks for them; kept sessions take the new times.
    static func sync(_ talentClass: TalentClass, _ db: Database) throws {
        let schedule = talentClass.schedule
        let wanted = Set(schedule.days)
        let existing = try ClassSession.filter(ClassSession.Columns.classId == talentClass.id!).fetchAll(db)
        for var session in existing {
            if wanted.contains(session.day) {
                session.startsAt = session.day.at(minutes: schedule.startMinute)
                session.endsAt = session.day.at(minutes: schedule.endMinute)
                try session.update(db)
            } else if try Attendance.filter(Attendance.Columns.sessionId == session.id!).fetchCount(db) == 0 {
                try session.delete(db)
            }
        }
        let have = Set(existing.map(\.day))
        for day in schedule.days where !have.contains(day) {
            var session = ClassSession(classId: talentClass.id!, day: day, startsAt: day.at(minutes: schedule.startMinute),
                                       endsAt: day.at(minutes: schedule.endMinute))
            try session.insert(db)
        }
    }

    /// The session of a station activity (`session:12`), with its class.
    static func session(of activity: StationActivity?, _ db: Database) throws -> (ClassSession, TalentClass)? {
        guard let activity, activity.moduleID == TalentClassesModule.id, activity.key.hasPrefix("session:"),
              let id = Int64(activity.key.dropFirst("session:".count)), let session = try ClassSession.find(db, id: id),
              let talentClass = try TalentClass.find(db, id: session.classId) else { return nil }
        return (session, talentClass)
    }

    /// Today's sessions at the site, earliest first.
    static func sessions(_ site: Site, on date: LocalDate, _ db: Database) throws -> [(ClassSession, TalentClass)] {
        // Asked on every scan at a class: statements prepared once.
        let classes = try TalentClass.fetchAll(db.cachedStatement(sql: "SELECT * FROM classes_class WHERE siteId = ?"), arguments: [site.id])
        let byID = Dictionary(uniqueKeysWithValues: classes.map { ($0.id!, $0) })
        return try ClassSession.fetchAll(db.cachedStatement(sql: """
            SELECT s.* FROM classes_session s JOIN classes_class c ON c.id = s.classId WHERE c.siteId = ? AND s.day = ? ORDER BY s.startsAt
            """), arguments: [site.id, date]).map { ($0, byID[$0.classId]!) }
    }
}
