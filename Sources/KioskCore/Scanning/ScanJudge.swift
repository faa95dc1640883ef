import Foundation

/// Judges what a staff station scanned: checks the token offline (shape, site, signature, revoked),
/// then asks the module that owns the ticket, or the station's activity, for the verdict.
/// The judgement runs in a write transaction shared with the scans that arrive at the same time
/// (group commit), durable before the verdict is returned.
public struct ScanJudge: Sendable {
    let database: AppDatabase
    let registry: ModuleRegistry
    let signer: TicketSigner
    let clock: KioskClock
    private let commits: ScanCommitQueue
    private let offers: StationOfferSeal

    public init(database: AppDatabase, registry: ModuleRegistry, signer: TicketSigner, clock: KioskClock) {
        self.database = database
        self.registry = registry
        self.signer = signer
        self.clock = clock
        self.commits = ScanCommitQueue(writer: database.writer)
        self.offers = StationOfferSeal(signer: signer)
    }

    /// The verdict for `raw` scanner input at a station of `site`.
    /// - Parameters:
    ///   - raw: what the scanner typed.
    ///   - site: the station's site.
    ///   - activityID: the station's activity (`<module>/<key>`), if set.
    ///   - staffUsername: who is scanning, for the module's records.
    public func judge(_ raw: String, at site: Site, activityID: String?, staffUsername: String) async throws -> ScanVerdict {
        let token: TicketToken
        do {
            token = try TicketToken.parse(ScannerInput.clean(raw))
        } catch .unknownVersion {
            return .refused("scan.unknownVersion")
        } catch {
            return try await judgeCode(ScannerInput.code(raw), at: site, activityID: activityID, staffUsername: staffUsername)
        }
        guard token.siteCode == site.code else { return .refused("scan.otherSite") }
        guard try signer.verify(token) else { return .refused("scan.forged") }
        let now = clock.now
        let today = clock.today
        let registry = self.registry
        // Everything else happens on the writer, in the scan's own savepoint of the next group commit.
        let verdict = try await commits.submit { db -> ScanVerdict in
            let enabled = try AppDatabase.enabledModules(siteID: site.id!, db)
            let activity = try Self.resolveActivity(activityID, site: site, enabled: enabled, today: today, registry: registry, db)
            guard let ticket = try TicketRecord.find(db, id: token.id), ticket.kind == token.kind,
                  ticket.siteId == site.id else {
                return .refused("scan.forged")
            }
            guard ticket.revokedAt == nil else { return .refused("scan.revoked") }
            let scan = Scan(ticket: ticket, site: site, activity: activity, at: now, staffUsername: staffUsername)
            if ticket.moduleID != ModuleID.core.rawValue {
                let moduleID = ModuleID(rawValue: ticket.moduleID)
                guard enabled.contains(moduleID), let module = registry.module(moduleID) else {
                    return .refused("scan.notAvailableHere", name: try Self.holderName(ticket, db))
                }
                return try module.judge(scan, db) ?? .refused("scan.notATicket")
            }
            if let activity, let module = registry.module(activity.moduleID), let verdict = try module.judge(scan, db) {
                return verdict
            }
            return try Self.judgeCard(ticket, db)
        }
        return try sealed(verdict, site: site, activityID: activityID, at: now)
    }

    /// A code that is no ticket of ours goes to the module of the station's activity, if one of its
    /// patterns claims it (a book at the library desk), in the same durable group commit as tickets.
    private func judgeCode(_ code: String, at site: Site, activityID: String?, staffUsername: String) async throws -> ScanVerdict {
        guard let activityID, let slash = activityID.firstIndex(of: "/"),
              let module = registry.module(ModuleID(rawValue: String(activityID[..<slash]))),
              let pattern = module.codePatterns.first(where: { $0.matches(code) }) else {
            return .refused("scan.notATicket")
        }
        let now = clock.now
        let today = clock.today
        let registry = self.registry
        let verdict = try await commits.submit { db -> ScanVerdict in
            let enabled = try AppDatabase.enabledModules(siteID: site.id!, db)
            guard let activity = try Self.resolveActivity(activityID, site: site, enabled: enabled, today: today, registry: registry, db) else {
                return .refused("scan.notAvailableHere")
            }
            let scan = CodeScan(code: code, pattern: pattern.name, site: site, activity: activity, at: now, staffUsername: staffUsername)
            return try module.judgeCode(scan, db) ?? .refused("scan.notATicket")
        }
        return try sealed(verdict, site: site, activityID: activityID, at: now)
    }

    /// Performs a station action a module offered (a walk-in, a check-in from a name search), in the
    /// same durable group commit as scans. `action` is the sealed key the station was handed: one
    /// offered at this site, for this activity, in the last ten minutes; anything else is refused
    /// before a module sees it.
    public func perform(_ action: String, at site: Site, activityID: String, staffUsername: String,
                        tickets: TicketIssuer, reason: String? = nil) async throws -> ScanVerdict {
        let now = clock.now
        let today = clock.today
        let registry = self.registry
        guard let key = try offers.open(action, site: site, activityID: activityID, at: now) else {
            return .refused("scan.actionRefused")
        }
        let verdict = try await commits.submit { db -> ScanVerdict in
            let enabled = try AppDatabase.enabledModules(siteID: site.id!, db)
            guard let activity = try Self.resolveActivity(activityID, site: site, enabled: enabled, today: today, registry: registry, db),
                  let module = registry.module(activity.moduleID) else {
                return .refused("scan.notAvailableHere")
            }
            let context = StationActionContext(site: site, activity: activity, staffUsername: staffUsername, at: now, tickets: tickets,
                                               reason: reason)
            return try module.performStationAction(key, context, db)
        }
        return try sealed(verdict, site: site, activityID: activityID, at: now)
    }

    /// People of a station activity whose names match `query`, each with its sealed action.
    public func search(_ query: String, at site: Site, activityID: String) async throws -> [StationSearchResult] {
        let now = clock.now
        let today = clock.today
        let registry = self.registry
        let results = try await database.read { db in
            let enabled = try AppDatabase.enabledModules(siteID: site.id!, db)
            guard let activity = try Self.resolveActivity(activityID, site: site, enabled: enabled, today: today, registry: registry, db),
                  let module = registry.module(activity.moduleID) else { return [StationSearchResult]() }
            return try module.stationSearch(activity, query: query, db)
        }
        return try results.map { result in
            StationSearchResult(name: result.name, detail: result.detail,
                                action: try sealed(result.action, site: site, activityID: activityID, at: now))
        }
    }

    /// The verdict with its offer sealed for the station; a station with no activity can take up no offer.
    private func sealed(_ verdict: ScanVerdict, site: Site, activityID: String?, at now: Date) throws -> ScanVerdict {
        guard let offer = verdict.offer else { return verdict }
        return ScanVerdict(verdict.outcome, verdict.title, name: verdict.name, detail: verdict.detail,
                           offer: try activityID.map { try sealed(offer, site: site, activityID: $0, at: now) })
    }

    private func sealed(_ offer: StationOffer, site: Site, activityID: String, at now: Date) throws -> StationOffer {
        StationOffer(label: offer.label, key: try offers.seal(offer.key, site: site, activityID: activityID, at: now), reason: offer.reason)
    }

    /// The activity a station is set to (`<module>/<key>`), if its module is enabled and offers it today.
    private static func resolveActivity(_ activityID: String?, site: Site, enabled: Set<ModuleID>, today: LocalDate,
                                        registry: ModuleRegistry, _ db: Database) throws -> StationActivity? {
        guard let activityID, let slash = activityID.firstIndex(of: "/") else { return nil }
        let moduleID = ModuleID(rawValue: String(activityID[..<slash]))
        guard enabled.contains(moduleID), let module = registry.module(moduleID) else { return nil }
        return try module.stationActivity(String(activityID[activityID.index(after: slash)...]), site: site, on: today, db)
    }

    /// A member or guardian card with no activity to judge it: valid, with the holder's name.
    static func judgeCard(_ ticket: TicketRecord, _ db: Database) throws -> ScanVerdict {
        if let childId = ticket.childId, let name = try Child.fullName(db, id: childId) {
            return ScanVerdict(.accepted, .key("scan.member"), name: name)
        }
        if let guardianId = ticket.guardianId, let name = try Guardian.fullName(db, id: guardianId) {
            return ScanVerdict(.accepted, .key("scan.guardian"), name: name)
        }
        return .refused("scan.revoked")
    }

    /// The name of the child or guardian a ticket was issued to, so that staff can tell them why.
    private static func holderName(_ ticket: TicketRecord, _ db: Database) throws -> String? {
        if let childId = ticket.childId { return try Child.fullName(db, id: childId) }
        if let guardianId = ticket.guardianId { return try Guardian.fullName(db, id: guardianId) }
        return nil
    }
}
