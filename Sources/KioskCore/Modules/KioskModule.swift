import Foundation

/// A domain module: talent classes, library lending, scholarships, event check-in …
///
/// A module tells the host who it is, its schema, what families can do at the kiosk, which tickets
/// it issues and how a scan of them is judged, what administrators manage, and what it adds to the
/// reports. Every member but `id`, `title` and `icon` has a default that does nothing, so a small
/// module implements little. A module depends on KioskCore alone.
///
/// ```swift
/// struct LibraryModule: KioskModule {
///     let id: ModuleID = "library"
///     let title = LocalizedText.key("library.title")
///     let icon = "📚"
///     func registerMigrations(in migrator: inout ModuleMigrator) {
///         migrator.register("001 create loan") { db in
///             try db.create(table: "library_loan") { t in
///                 t.autoIncrementedPrimaryKey("id")
///                 t.belongsTo("child", onDelete: .cascade).notNull()   // erasure follows the child
///             }
///         }
///     }
/// }
/// ```
///
/// Tables that hold a child's data reference `child` with `ON DELETE CASCADE`, so erasing a family
/// removes them; anything else is removed in `eraseChild`.
public protocol KioskModule: Sendable {
    /// The stable id.
    var id: ModuleID { get }
    /// The name families and administrators see.
    var title: LocalizedText { get }
    /// A symbol for the kiosk tile (an emoji).
    var icon: String { get }

    /// Registers the module's migrations; names are prefixed with the module's id.
    func registerMigrations(in migrator: inout ModuleMigrator)

    /// The module's flows at the kiosk, by name. The home tile opens the flow named `start`.
    var flows: [String: any KioskFlow] { get }

    /// The ticket kinds the module issues.
    var ticketKinds: [TicketKind] { get }

    /// Codes the module recognises that are not our tickets (a library's barcodes).
    var codePatterns: [CodePattern] { get }

    /// Judges a code one of the module's patterns claimed, scanned at a station set to one of the
    /// module's activities. Runs inside the scan's write transaction; nil: the code means nothing here.
    func judgeCode(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict?

    /// Judges a scan of one of the module's tickets, or of a member card at a station running one of
    /// the module's activities. Runs inside the write transaction that records the scan; a nil answer
    /// leaves the verdict to the core (a member card then scans as a valid member).
    func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict?

    /// What a staff station can be set to at this site today (an event's gate, a class session).
    func stationActivities(_ site: Site, on date: LocalDate, _ db: Database) throws -> [StationActivity]

    /// One of today's activities by its key, asked on every scan at a station, so it reads that one
    /// activity (not the list). A module with station activities answers it; the default has none.
    func stationActivity(_ key: String, site: Site, on date: LocalDate, _ db: Database) throws -> StationActivity?

    /// Figures shown at the station for one of the module's activities (checked in / capacity).
    func stationCounters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter]

    /// People of the activity whose names match `query` (a lost ticket), with an action each.
    func stationSearch(_ activity: StationActivity, query: String, _ db: Database) throws -> [StationSearchResult]

    /// Performs an action the module offered at a station (from a verdict or a search result).
    /// Runs in the same kind of durable write transaction as a scan.
    func performStationAction(_ key: String, _ context: StationActionContext, _ db: Database) throws -> ScanVerdict

    /// The records administrators manage in the module's admin pages.
    var adminResources: [AdminResource] { get }

    /// The staff roles the module adds (a librarian), granted per site on the staff page.
    var roles: [ModuleRole] { get }

    /// Figures the module adds to a site's report for a span of dates.
    func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure]

    /// The child's data held by the module, for an export on request.
    func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection]

    /// Removes what the module holds about a child beyond the rows the child's foreign key cascades.
    func eraseChild(_ childID: Int64, _ db: Database) throws

    /// What the module holds about a family as a whole (not about one child), for an export on request.
    func exportFamily(_ familyID: Int64, _ db: Database) throws -> [ExportSection]

    /// Removes what the module holds about a family as a whole, as the family is erased (after
    /// `eraseChild` for each of its children).
    func eraseFamily(_ familyID: Int64, _ db: Database) throws

    /// Adds the module's part of the demo site (`make run`).
    func seedDemo(_ site: Site, _ context: DemoContext, _ db: Database) throws

    /// Work the module does by itself while the service runs (expiring holds, retention).
    var backgroundTasks: [ModuleTask] { get }
}

extension KioskModule {
    public func registerMigrations(in migrator: inout ModuleMigrator) {}
    public var flows: [String: any KioskFlow] { [:] }
    public var ticketKinds: [TicketKind] { [] }
    public var codePatterns: [CodePattern] { [] }
    public func judgeCode(_ scan: CodeScan, _ db: Database) throws -> ScanVerdict? { nil }
    public func judge(_ scan: Scan, _ db: Database) throws -> ScanVerdict? { nil }
    public func stationActivities(_ site: Site, on date: LocalDate, _ db: Database) throws -> [StationActivity] { [] }
    public func stationActivity(_ key: String, site: Site, on date: LocalDate, _ db: Database) throws -> StationActivity? { nil }
    public func stationCounters(_ activity: StationActivity, _ db: Database) throws -> [StationCounter] { [] }
    public func stationSearch(_ activity: StationActivity, query: String, _ db: Database) throws -> [StationSearchResult] { [] }
    public func performStationAction(_ key: String, _ context: StationActionContext, _ db: Database) throws -> ScanVerdict {
        throw KioskError(.notFound, "error.notFound")
    }
    public var adminResources: [AdminResource] { [] }
    public var roles: [ModuleRole] { [] }
    public func reportFigures(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> [ReportFigure] { [] }
    public func exportChild(_ childID: Int64, _ db: Database) throws -> [ExportSection] { [] }
    public func eraseChild(_ childID: Int64, _ db: Database) throws {}
    public func exportFamily(_ familyID: Int64, _ db: Database) throws -> [ExportSection] { [] }
    public func eraseFamily(_ familyID: Int64, _ db: Database) throws {}
    public func seedDemo(_ site: Site, _ context: DemoContext, _ db: Database) throws {}
    public var backgroundTasks: [ModuleTask] { [] }
}

/// What a station action knows: the activity it was offered for, who acts, when, and the tickets.
public struct StationActionContext: Sendable {
    public let site: Site
    public let activity: StationActivity
    public let staffUsername: String
    public let at: Date
    public let tickets: TicketIssuer
    /// What staff answered an offer that asks a reason (`StationOffer.reason`), trimmed; nil when none was asked.
    public let reason: String?

    public init(site: Site, activity: StationActivity, staffUsername: String, at: Date, tickets: TicketIssuer, reason: String? = nil) {
        self.site = site
        self.activity = activity
        self.staffUsername = staffUsername
        self.at = at
        self.tickets = tickets
        self.reason = reason
    }
}

/// What a module's demo data may use: the clock and the tickets.
public struct DemoContext: Sendable {
    public let clock: KioskClock
    public let tickets: TicketIssuer
    /// The demo family (a guardian and a child of ten), registered before the modules seed.
    public let familyID: Int64

    public init(clock: KioskClock, tickets: TicketIssuer, familyID: Int64) {
        self.clock = clock
        self.tickets = tickets
        self.familyID = familyID
    }
}
