import Foundation
import KioskCore
import TalentClasses

/// Five years of talent classes written as the service keeps them: three periods a year, each class
/// meeting once a week through its period, its children enrolled with their tickets, the register's
/// marks and pick-ups; and today's class, meeting every day, with a session running now.
struct ScaleClasses: Sendable {
    var classes = 0
    var sessions = 0
    var marks = 0
    /// Today's session of today's class, and the children enrolled in it (indices into the seed's children).
    var todaySession: Int64 = 0
    var todayChildren: [Int] = []

    private static let subjects = [
        ("Đàn organ", "Electronic keyboard", "music"), ("Múa dân gian", "Folk dance", "dance"), ("Vẽ thiếu nhi", "Children's drawing", "drawing"),
        ("Thanh nhạc", "Singing", "singing"), ("Võ cổ truyền", "Martial arts", "martialArts"), ("Cờ vua", "Chess", "chess"),
        ("Bơi lội", "Swimming", "swimming"), ("Lập trình robot", "Robotics", "robotics"), ("Guitar", "Guitar", "music"),
        ("Múa ba lê", "Ballet", "dance"), ("Cờ tướng", "Chinese chess", "chess"), ("Piano", "Piano", "music"),
    ]
    private static let startMinutes = [8 * 60, 9 * 60 + 30, 14 * 60, 15 * 60 + 30, 17 * 60 + 30, 19 * 60]

    /// Writes `count` past classes over fifteen periods, then today's class with `todayCount` children
    /// drawn among the first `todayAmong` children.
    static func insert(_ count: Int, todayCount: Int, todayAmong: Int, families: ScaleFamilies, site: Site, now: Date,
                       tickets: TicketIssuer, _ db: Database) throws -> ScaleClasses {
        var random = ScaleRandom(seed: 2019)
        var writer = ScaleClasses()
        let today = LocalDate(now)
        let periods = try (0..<15).map { number in
            let starts = today.adding(days: -5 * 365 + number * 121)
            return (try period("Đợt \(number % 3 + 1) · \(starts.year)", starts, starts.adding(days: 83), site, db), starts)
        }
        for number in 0..<count {
            let (periodID, starts) = periods[number % periods.count]
            let start = startMinutes.randomElement(using: &random)!
            let children = random.distinct(Int.random(in: 12...19, using: &random), below: families.children.count)
            _ = try writer.add(number, periodID: periodID, weekdays: [Int.random(in: 1...7, using: &random)], minutes: start..<start + 90,
                               days: starts...starts.adding(days: 83), children: children, families, site, now, tickets, &random, db)
        }
        let minute = Int(now.timeIntervalSince(today.start) / 60)
        let days = today.adding(days: -30)...today.adding(days: 60)
        let periodID = try period("Đợt hiện tại · \(today.year)", days.lowerBound, days.upperBound, site, db)
        writer.todayChildren = random.distinct(todayCount, below: todayAmong)
        let sessions = try writer.add(count, periodID: periodID, weekdays: Array(1...7), minutes: max(0, minute - 30)..<min(1439, minute + 90),
                                      days: days, children: writer.todayChildren, families, site, now, tickets, &random, db)
        writer.todaySession = sessions[today]!
        return writer
    }

    private static func period(_ name: String, _ starts: LocalDate, _ ends: LocalDate, _ site: Site, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO classes_period (siteId, name, startsOn, endsOn) VALUES (?, ?, ?, ?)",
                       arguments: [site.id, name, starts, ends])
        return db.lastInsertedRowID
    }

    /// One class with its sessions, enrolments and tickets, and the marks of the sessions already over.
    /// - Returns: the class's sessions by day.
    private mutating func add(_ number: Int, periodID: Int64, weekdays: [Int], minutes: Range<Int>, days: ClosedRange<LocalDate>,
                              children: [Int], _ families: ScaleFamilies, _ site: Site, _ now: Date, _ tickets: TicketIssuer,
                              _ random: inout ScaleRandom, _ db: Database) throws -> [LocalDate: Int64] {
        let (vi, en, category) = Self.subjects[number % Self.subjects.count]
        let fee = [0, 450_000, 600_000, 800_000].randomElement(using: &random)!
        let schedule = """
            {"weekdays":\(weekdays),"startMinute":\(minutes.lowerBound),"endMinute":\(minutes.upperBound),\
            "firstDay":"\(days.lowerBound.iso)","lastDay":"\(days.upperBound.iso)","skipDays":[]}
            """
        let teacher = ScaleNames.name(surname: ScaleNames.surnames.draw(&random), boy: random.chance(0.4), &random)
        try db.cachedStatement(sql: """
            INSERT INTO classes_class (siteId, periodId, titleVi, titleEn, category, teacher, room, minAge, maxAge, capacity, feeVND,
              waiverOffered, schedule, lateAfterMinutes) VALUES (?, ?, ?, ?, ?, ?, ?, 5, 15, 30, ?, ?, ?, 10)
            """).execute(arguments: [site.id, periodID, vi, en, category, teacher, "Phòng \(101 + number % 12)", fee, fee > 0, schedule])
        let classID = db.lastInsertedRowID
        classes += 1
        var sessionIDs: [LocalDate: Int64] = [:]
        var over: [(id: Int64, starts: Date, ends: Date)] = []
        var day = days.lowerBound
        while day <= days.upperBound {
            if weekdays.contains(day.weekday) {
                let starts = day.at(minutes: minutes.lowerBound), ends = day.at(minutes: minutes.upperBound)
                try db.cachedStatement(sql: "INSERT INTO classes_session (classId, day, startsAt, endsAt) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [classID, day, DatabaseTimestamp(starts), DatabaseTimestamp(ends)])
                sessionIDs[day] = db.lastInsertedRowID
                if ends < now { over.append((db.lastInsertedRowID, starts, ends)) }
            }
            day = day.adding(days: 1)
        }
        sessions += sessionIDs.count
        let enrolled = DatabaseTimestamp(days.lowerBound.start.addingTimeInterval(-7 * 86_400))
        for index in children {
            let child = families.children[index]
            try db.cachedStatement(sql: """
                INSERT INTO classes_enrolment (classId, childId, status, requestedAt, enrolledAt, waiver) VALUES (?, ?, 'enrolled', ?, ?, 'none')
                """).execute(arguments: [classID, child.id, enrolled, enrolled])
            let enrolmentID = db.lastInsertedRowID
            _ = try tickets.issue(TalentClassesModule.ticketKind, site: site, subjectID: enrolmentID, childId: child.id, db)
            for session in over {
                try mark(session, enrolmentID: enrolmentID, collector: families.families[child.family].guardianID, &random, db)
            }
        }
        return sessionIDs
    }

    /// A child's mark in a register: most came (some late) and were collected by a guardian, a few
    /// were marked absent, and some have no mark at all.
    private mutating func mark(_ session: (id: Int64, starts: Date, ends: Date), enrolmentID: Int64, collector: Int64,
                               _ random: inout ScaleRandom, _ db: Database) throws {
        let draw = Double.random(in: 0..<1, using: &random)
        guard draw < 0.9 else { return }
        let minutes = Int.random(in: -10..<20, using: &random)
        let mark = draw < 0.04 ? "absent" : minutes > 10 ? "late" : "present"
        let collected = mark != "absent" && random.chance(0.85)
        try db.cachedStatement(sql: """
            INSERT INTO classes_attendance (sessionId, enrolmentId, mark, markedAt, markedBy, collectedAt, collectedBy)
            VALUES (?, ?, ?, ?, 'staff', ?, ?)
            """).execute(arguments: [session.id, enrolmentID, mark, DatabaseTimestamp(session.starts.addingTimeInterval(Double(minutes) * 60)),
                                     collected ? DatabaseTimestamp(session.ends.addingTimeInterval(Double(minutes + 10) * 60)) : nil,
                                     collected ? collector : nil])
        marks += 1
    }
}
