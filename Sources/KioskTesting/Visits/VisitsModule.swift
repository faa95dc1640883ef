import Foundation
import KioskCore

/// A small module of the test kit that uses every part of the module contract: tables of its own,
/// a kiosk flow that books a visit and issues a ticket (typed state, a date and a multi-line field),
/// an anonymous feedback flow (a checklist), school groups' passes that are no tickets of ours
/// (a code pattern, a screen that waits for scans, a station that judges them), a ticket kind and its scan judgement, a station
/// activity with a counter, an admin resource (open to the module's guides, sensitive, filtered,
/// with a permission slip uploaded as a file), report figures with a breakdown, a child's and a
/// family's export, a consent of its own purpose, and a background task (notes of visits older
/// than a year are cleared). Tests of the host use it
/// the way a real module would be used.
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
        migrator.register("002 visit day and feedback") { db in
            try db.alter(table: "visits_visit") { t in
                t.add(column: "day", .text)
            }
            try db.create(table: "visits_feedback") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("comment", .text).notNull()
                t.column("day", .text).notNull()
            }
            try db.create(table: "visits_feedbackLiked") { t in
                t.belongsTo("feedback", inTable: "visits_feedback", onDelete: .cascade).notNull()
                t.column("activity", .text).notNull()
            }
            try db.create(table: "visits_groupPass") { t in
                t.primaryKey("code", .text)
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("school", .text).notNull()
                t.column("checkedInAt", .datetime)
            }
        }
        migrator.register("003 companions and permission slips") { db in
            // By family and with no foreign key: `eraseFamily` removes them.
            try db.create(table: "visits_companion") { t in
                t.column("familyId", .integer).notNull().indexed()
                t.column("day", .text).notNull()
                t.column("adults", .integer).notNull()
            }
            try db.alter(table: "visits_visit") { t in
                t.add(column: "slipAttachmentId", .integer).references("attachment", onDelete: .setNull)
            }
        }
        migrator.register("004 feedback ideas") { db in
            try db.create(table: "visits_feedbackIdea") { t in
                t.belongsTo("feedback", inTable: "visits_feedback", onDelete: .cascade).notNull()
                t.column("idea", .text).notNull()
            }
        }
    }

    public var ticketKinds: [TicketKind] { [Self.ticketKind] }

    public var flows: [String: any KioskFlow] { ["start": VisitFlow(), "feedback": FeedbackFlow(), "group": GroupPassFlow()] }

    public var codePatterns: [CodePattern] { [GroupPassFlow.pattern] }

    /// A group's pass at the visits gate: green the first time, amber after.
    public func judgeCode(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict? {
        guard scan.pattern == GroupPassFlow.pattern.name,
              let pass = try Row.fetchOne(db, sql: "SELECT school, checkedInAt FROM visits_groupPass WHERE code = ? AND siteId = ?",
                                          arguments: [scan.code, scan.site.id!]) else { return nil }
        let school: String = pass["school"]
        if pass["checkedInAt"] as DatabaseTimestamp? != nil {
            return ScanVerdict(.warning, .literal(vi: "Đoàn đã vào", en: "Group already in"), name: school)
        }
        try db.execute(sql: "UPDATE visits_groupPass SET checkedInAt = ? WHERE code = ?", arguments: [DatabaseTimestamp(scan.at), scan.code])
        return ScanVerdict(.accepted, .literal(vi: "Mời đoàn vào", en: "Welcome, group"), name: school)
    }

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

    /// What a permission slip may be, and how large.
    static let slipTypes: [FileType] = [.jpeg, .png, .pdf]
    static let slipMaxBytes = 2_000_000

    /// The guides, who read the families' notes for the visits.
    public static let guide = ModuleRole("guide", of: "visits", title: .literal(vi: "Hướng dẫn viên", en: "Guide"))

    public var roles: [ModuleRole] { [Self.guide] }

    /// The visits with the families' notes: open to the site's guides as well as its
    /// administrators, sensitive (every read is audited), filtered by whether the child came.
    public var adminResources: [AdminResource] {
        [AdminResource(
            name: "visits", title: .literal(vi: "Lượt tham quan", en: "Visits"),
            fields: [AdminField("note", .literal(vi: "Ghi chú", en: "Note"), .multiline(maxLength: 200)),
                     AdminField("slip", .literal(vi: "Giấy phép của phụ huynh (ảnh)", en: "The parent's permission slip (photo)"),
                                .file(types: Self.slipTypes, maxBytes: Self.slipMaxBytes), required: false)],
            listColumns: [AdminColumn("child", .literal(vi: "Bé", en: "Child")), "note",
                          AdminColumn("came", .literal(vi: "Đã đến", en: "Came"))],
            filters: [AdminFilter("came", .literal(vi: "Đã đến", en: "Came"), options: [
                FieldOption("yes", .literal(vi: "Có", en: "Yes")), FieldOption("no", .literal(vi: "Chưa", en: "Not yet")),
            ])],
            roles: [Self.guide.role], sensitive: true,
            list: { query, context, db in
                let came = query.filter("came").map { $0 == "yes" ? "AND checkedInAt IS NOT NULL" : "AND checkedInAt IS NULL" } ?? ""
                let visits = try Row.fetchAll(db, sql: "SELECT id, childId, note, checkedInAt FROM visits_visit WHERE 1 \(came) ORDER BY id")
                let children = try FamilyDirectory.children(visits.map { $0["childId"] as Int64 }, db)
                return query.page(visits.compactMap { visit in
                    guard let child = children[visit["childId"]], child.siteId == context.site.id else { return nil }
                    return AdminRow(id: visit["id"], values: ["child": child.fullName, "note": visit["note"],
                                                              "came": visit["checkedInAt"] as DatabaseTimestamp? == nil ? "" : "✓"])
                })
            },
            load: { id, context, db in
                guard let visit = try Row.fetchOne(db, sql: "SELECT childId, note, slipAttachmentId FROM visits_visit WHERE id = ?", arguments: [id]),
                      try FamilyDirectory.child(visit["childId"], db)?.siteId == context.site.id else { return nil }
                return ["note": visit["note"], "slip": (visit["slipAttachmentId"] as Int64?).map(String.init) ?? ""]
            },
            save: { id, values, context, db in
                let note = try TextInput.clean(values["note"], field: "note", maxLength: 200, lines: true)
                guard let id, let childID = try Int64.fetchOne(db, sql: "SELECT childId FROM visits_visit WHERE id = ?", arguments: [id]),
                      try FamilyDirectory.child(childID, db)?.siteId == context.site.id else {
                    throw KioskError(.notFound, "error.notFound")
                }
                try db.execute(sql: "UPDATE visits_visit SET note = ? WHERE id = ?", arguments: [note, id])
                if let slip = context.files["slip"], let attachments = context.attachments {
                    let stored = try attachments.store(slip, childID: childID, moduleID: "visits", types: Self.slipTypes, maxBytes: Self.slipMaxBytes,
                                                       field: "slip", at: context.at, db)
                    if let old = try Int64.fetchOne(db, sql: "SELECT slipAttachmentId FROM visits_visit WHERE id = ?", arguments: [id]) {
                        try attachments.delete(old, db)
                    }
                    try db.execute(sql: "UPDATE visits_visit SET slipAttachmentId = ? WHERE id = ?", arguments: [stored.id, id])
                }
                return id
            })]
    }

    public func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visits_visit WHERE checkedInAt IS NOT NULL") ?? 0
        return [ReportFigure(name: "visits_checked_in", label: .literal(vi: "Lượt vào", en: "Check-ins"), value: count),
                try FeedbackFlow.figure(site, from: from, to: to, db)]
    }

    public func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection] {
        let rows = try Row.fetchAll(db, sql: "SELECT note FROM visits_visit WHERE childId = ?", arguments: [childID])
        return [ExportSection(title: "visits", rows: rows.map { ["note": $0["note"]] })]
    }

    /// The adults a family said would come along, kept by family (its rows name no child).
    public func exportFamily(_ familyID: Int64, _ db: Database) throws -> [ExportSection] {
        let rows = try Row.fetchAll(db, sql: "SELECT day, adults FROM visits_companion WHERE familyId = ? ORDER BY day", arguments: [familyID])
        return [ExportSection(title: "companions", rows: rows.map { ["day": $0["day"], "adults": String($0["adults"] as Int)] })]
    }

    public func eraseFamily(_ familyID: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM visits_companion WHERE familyId = ?", arguments: [familyID])
    }

    /// The guardian's consent to photos of the child during a visit.
    public static let photoConsent = ConsentPurpose("visits.photos", text: "visits.consent.photos.v1")
}
