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
        guard let activity, activity.moduleID == TalentClassesModule.id else { return nil }
        return try session(key: activity.key, db)
    }

    /// The session of an activity key (`session:12`), with its class.
    static func session(key: String, _ db: Database) throws -> (ClassSession, TalentClass)? {
        guard key.hasPrefix("session:"), let id = Int64(key.dropFirst("session:".count)),
              let session = try ClassSession.find(db, id: id), let talentClass = try TalentClass.find(db, id: session.classId) else { return nil }
        return (session, talentClass)
    }

    /// Today's sessions at the site, earliest first, with their classes: only today's are read.
    static func sessions(_ site: Site, on date: LocalDate, _ db: Database) throws -> [(ClassSession, TalentClass)] {
        let sessions = try ClassSession.fetchAll(db.cachedStatement(sql: """
            SELECT s.* FROM classes_session s JOIN classes_class c ON c.id = s.classId WHERE s.day = ? AND c.siteId = ? ORDER BY s.startsAt
            """), arguments: [date, site.id])
        let classes = Dictionary(uniqueKeysWithValues: try TalentClass.fetchAll(db, keys: Set(sessions.map(\.classId))).map { ($0.id!, $0) })
        return sessions.map { ($0, classes[$0.classId]!) }
    }
}
