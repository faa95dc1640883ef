import Foundation
import KioskCore

/// A small module of the test kit that uses every part of the module contract: a table of its own,
/// a kiosk flow that issues a ticket, a ticket kind and its scan judgement, a station activity with
/// a counter, an admin resource, report figures, a child's export, and a background task (notes of
/// visits older than a year are cleared). Tests of the host use it the way a real module would be used.
public struct VisitsModule: KioskModule {
    public let id: ModuleID = "visits"
    public let title = LocalizedText.literal(vi: "Tham quan", en: "Visits")
    public let icon = "🎈"
    public static let ticketKind = TicketKind(code: "VS", moduleID: "visits", title: .literal(vi: "Vé tham quan", en: "Visit ticket"))

    /// How often the retention task looks for old notes.
    let retentionInterval: Duration

    public init(retentionInterval: Duration = .seconds(3600)) {
        self.retentionInterval = retentionInterval
    }

    /// Clears the note of every visit checked in more than a year ago.
    public var backgroundTasks: [ModuleTask] {
        [ModuleTask(name: "visits/retention", every: retentionInterval) { context in
            let limit = DatabaseTimestamp(context.clock.now.addingTimeInterval(-365 * 86400))
            try await context.database.write { db in
                try db.execute(sql: "UPDATE visits_visit SET note = '' WHERE checkedInAt < ? AND note != ''", arguments: [limit])
            }
        }]
    }

    public func registerMigrations(in migrator: inout ModuleMigrator) {
        migrator.register("001 create visit") { db in
            try db.create(table: "visits_visit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.column("note", .text).notNull()
                t.column("checkedInAt", .datetime)
            }
        }
    }

    public var ticketKinds: [TicketKind] { [Self.ticketKind] }

    public var flows: [String: any KioskFlow] { ["start": VisitFlow()] }

    public func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? {
        guard scan.ticket.kind == Self.ticketKind.code else { return nil }
        guard let childID = scan.ticket.childId, let child = try Child.fetchOne(db, key: childID) else { return .refused("scan.forged") }
        if let at = try DatabaseTimestamp.fetchOne(db, sql: "SELECT checkedInAt FROM visits_visit WHERE id = ?", arguments: [scan.ticket.subjectID]) {
            return ScanVerdict(.warning, .literal(vi: "Đã vào", en: "Already in"), name: child.fullName,
                               detail: .literal(vi: "\(Int(at.date.timeIntervalSince1970))"))
        }
        try db.execute(sql: "UPDATE visits_visit SET checkedInAt = ? WHERE id = ?", arguments: [DatabaseTimestamp(scan.at), scan.ticket.subjectID])
        return ScanVerdict(.accepted, .literal(vi: "Mời vào", en: "Welcome"), name: child.fullName)
    }

    public func stationActivities(_ site: Site, on date: LocalDate, _ db: Database) throws -> [StationActivity] {
        [Self.gate]
    }

    public func stationActivity(_ key: String, site: Site, on date: LocalDate, _ db: Database) throws -> StationActivity? {
        key == Self.gate.key ? Self.gate : nil
    }

    static let gate = StationActivity(moduleID: "visits", key: "gate", label: "Cổng tham quan")

    public func stationCounters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] {
        let inside = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visits_visit WHERE checkedInAt IS NOT NULL") ?? 0
        return [StationCounter(label: .literal(vi: "Đã vào", en: "Checked in"), value: String(inside))]
    }

    public var adminResources: [AdminResource] {
        [AdminResource(
            name: "visits", title: .literal(vi: "Lượt tham quan", en: "Visits"),
            fields: [AdminField("note", .literal(vi: "Ghi chú", en: "Note"), .text(maxLength: 40))],
            listColumns: ["note"],
            list: { site, db in
                let visits = try Row.fetchAll(db, sql: "SELECT id, childId, note FROM visits_visit")
                let children = try FamilyDirectory.children(visits.map { $0["childId"] as Int64 }, db)
                return visits.filter { children[$0["childId"]]?.siteId == site.id }.map { AdminRow(id: $0["id"], values: ["note": $0["note"]]) }
            },
            load: { id, _, db in
                try String.fetchOne(db, sql: "SELECT note FROM visits_visit WHERE id = ?", arguments: [id]).map { ["note": $0] }
            },
            save: { id, values, _, db in
                let note = try TextInput.clean(values["note"], field: "note", maxLength: 40)
                guard let id else { throw KioskError(.invalidInput, "error.field.invalid", field: "note") }
                try db.execute(sql: "UPDATE visits_visit SET note = ? WHERE id = ?", arguments: [note, id])
                return id
            })]
    }

    public func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visits_visit WHERE checkedInAt IS NOT NULL") ?? 0
        return [ReportFigure(name: "visits_checked_in", label: .literal(vi: "Lượt vào", en: "Check-ins"), value: count)]
    }

    public func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection] {
        let rows = try Row.fetchAll(db, sql: "SELECT note FROM visits_visit WHERE childId = ?", arguments: [childID])
        return [ExportSection(title: "visits", rows: rows.map { ["note": $0["note"]] })]
    }
}

/// Books a visit for each child of the family, one ticket per child.
struct VisitFlow: KioskFlow {
    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let children = try await context.database.read { db in
            try Child.filter(Child.Columns.familyId == familyID).fetchAll(db)
        }
        return KioskScreen(title: .literal(vi: "Chọn bé", en: "Choose a child"),
                           content: .choices(children.map { Choice(.literal(vi: $0.fullName), action: "book", value: String($0.id!)) }),
                           actions: [.home])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        guard action.name == "book", let childID = Int64(action.value) else { return try await start(&context) }
        let site = context.site
        let tickets = context.tickets
        let token = try await context.database.write { db -> String in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            try db.execute(sql: "INSERT INTO visits_visit (childId, note) VALUES (?, 'kiosk')", arguments: [childID])
            return try tickets.issue(VisitsModule.ticketKind, site: site, subjectID: db.lastInsertedRowID, childId: child.id, db).description
        }
        return KioskScreen(title: .literal(vi: "Vé của bé"), content: .tickets([
            TicketCard(token: token, holder: "", title: VisitsModule.ticketKind.title),
        ]), actions: [.home])
    }
}
