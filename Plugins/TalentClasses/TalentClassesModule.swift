import Foundation
import KioskCore

/// Talent-class enrolment (lớp năng khiếu): administrators set periods and classes; families enrol
/// children at the kiosk, or join the waitlist, and name who may collect them; at the class a station
/// takes the register by scanning member cards or enrolment tickets, and checks the adult at pick-up.
public struct TalentClassesModule: KioskModule {
    public static let id: ModuleID = "classes"
    public static let ticketKind = TicketKind(code: "CL", moduleID: id, title: .key("classes.ticket"))

    public var id: ModuleID { Self.id }
    public let title = LocalizedText.key("classes.title")
    public let icon = "🎨"

    public init() {}

    public func registerMigrations(in migrator: inout ModuleMigrator) {
        ClassMigrations.register(in: &migrator)
    }

    public var flows: [String: any KioskFlow] { ["start": ClassFlow(), "pickup": PickupFlow()] }

    public var ticketKinds: [TicketKind] { [Self.ticketKind] }

    public func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        try ClassRegister.judge(scan, db)
    }

    /// Today's sessions: one register each (a cancelled one stays, so its scans say so).
    public func stationActivities(_ site: Site, on date: LocalDate, _ db: Database) throws -> [StationActivity] {
        try ClassSessions.sessions(site, on: date, db).map(register(of:in:))
    }

    /// One of today's sessions by its key (`session:12`), asked on every scan at a class: one
    /// session read, whatever the years of classes.
    public func stationActivity(_ key: String, site: Site, on date: LocalDate, _ db: Database) throws -> StationActivity? {
        guard let (session, talentClass) = try ClassSessions.session(key: key, db), talentClass.siteId == site.id,
              session.day == date else { return nil }
        return register(of: session, in: talentClass)
    }

    private func register(of session: ClassSession, in talentClass: TalentClass) -> StationActivity {
        StationActivity(moduleID: id, key: session.activityKey,
                        label: "\(talentClass.titleVi) · \(LocalTime.clock(minuteOfDay: talentClass.schedule.startMinute))–"
                            + "\(LocalTime.clock(minuteOfDay: talentClass.schedule.endMinute)) · \(talentClass.room)\(session.cancelledAt == nil ? "" : " ✕")")
    }

    public func stationCounters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] {
        try ClassRegister.counters(activity, db)
    }

    public func stationSearch(_ activity: StationActivity, query: String, _ db: Database) throws -> [StationSearchResult] {
        try ClassRegister.search(activity, query: query, db)
    }

    public func performStationAction(_ key: String, _ context: StationActionContext, _ db: Database) throws -> ScanVerdict {
        try ClassRegister.perform(key, context, db)
    }

    public var adminResources: [AdminResource] { [ClassAdmin.resource, PeriodAdmin.resource] }

    public func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        try ClassReport.figures(site, from: from, to: to, db)
    }

    public func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection] {
        try ClassReport.export(childID, db)
    }

    public func seedDemo(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        try ClassDemo.seed(site, context, db)
    }
}
