import Foundation
import Logging

/// The kiosk's flow engine, the one every front end drives (the browser kiosk, the framebuffer
/// display). It keeps the sessions with their idle reset, builds the home menu, opens flows (first
/// identifying the family when a flow needs one, then going on to the flow asked for), refuses a
/// press from a screen no longer on display, types what was filled in by the form on display, and
/// turns a flow's error into a message a person can act on. A front end renders the `KioskScreen`
/// of `current` and reports presses and scans; it knows no flow.
public struct KioskEngine: Sendable {
    let database: AppDatabase
    let registry: ModuleRegistry
    let tickets: TicketIssuer
    let clock: KioskClock
    /// The kiosk's name, recorded with consent.
    let kioskName: String
    let sessions: KioskSessionStore
    let logger: Logger
    /// How long a draft of a long flow is kept for the family.
    public static let draftLifetime: TimeInterval = 24 * 3600

    public init(database: AppDatabase, registry: ModuleRegistry, tickets: TicketIssuer, clock: KioskClock, kioskName: String,
                idleTimeout: Duration, logger: Logger = Logger(label: "kiosk.flows")) {
        self.database = database
        self.registry = registry
        self.tickets = tickets
        self.clock = clock
        self.kioskName = kioskName
        self.sessions = KioskSessionStore(idleTimeout: idleTimeout)
        self.logger = logger
    }

    /// A screen to show, with what a press from it sends back.
    public struct Display: Sendable, Hashable {
        public let screen: KioskScreen
        /// The nonce a press from this screen carries (empty on the home screen, which only opens flows).
        public let step: String
        /// Whether a family is identified: the front end offers Finish.
        public let familyIdentified: Bool
    }

    /// What a front end does after a press or a scan.
    public enum Outcome: Sendable, Hashable {
        /// Show the session's screen (`current`); the session's id may be new (a family was identified).
        case screen(session: String)
        /// There is no session: show the home screen.
        case home
        /// The code scanned is no card of this site: show what was shown, saying so.
        case cardUnknown(session: String?)
    }

    // MARK: Screens

    /// The home screen of `site`: register and identify, or the identified family's own tiles, then
    /// a tile for each enabled module with a `start` flow (of the kiosk profile's modules, when the
    /// screen has a profile).
    public func home(site: Site, session id: String?, profile: KioskProfile? = nil) async throws -> Display {
        let session = await sessions.session(id, siteCode: site.code)
        let enabled = try await database.enabledModules(siteID: site.id!)
        var tiles: [MenuTile] = []
        if session?.familyID != nil {
            tiles.append(MenuTile(icon: "🪪", title: .key("home.myFamily"), target: .flow(.core, CoreFlows.family)))
            tiles.append(MenuTile(icon: "➕", title: .key("family.addChild"), target: .flow(.core, CoreFlows.register)))
        } else {
            tiles.append(MenuTile(icon: "📝", title: .key("home.register"), detail: .key("home.registerDetail"),
                                  target: .flow(.core, CoreFlows.register)))
            tiles.append(MenuTile(icon: "🪪", title: .key("home.identify"), detail: .key("home.identifyDetail"),
                                  target: .flow(.core, CoreFlows.identify)))
        }
        for module in registry.modules where enabled.contains(module.id) && module.flows["start"] != nil && Self.shows(module.id, profile) {
            tiles.append(MenuTile(icon: module.icon, title: module.title, target: .flow(module.id, "start")))
        }
        let screen = KioskScreen(title: .key("home.title", site.name), intro: [.key("home.intro")], content: .menu(tiles))
        return Display(screen: screen, step: "", familyIdentified: session?.familyID != nil)
    }

    /// The screen on display in the session; nil when there is none, and the front end shows home.
    public func current(site: Site, session id: String?) async -> Display? {
        guard let session = await sessions.session(id, siteCode: site.code), let screen = session.screen else { return nil }
        return Display(screen: screen, step: session.step, familyIdentified: session.familyID != nil)
    }

    /// Whether the session lives; asking touches it, so its idle clock starts again.
    public func isAlive(session id: String?, site: Site) async -> Bool {
        await sessions.session(id, siteCode: site.code) != nil
    }

    /// Forgets the session at once (Finish).
    public func finish(session id: String?) async {
        await sessions.remove(id)
    }

    // MARK: Steps

    /// Opens `flow` in the session, or in a new one; a flow that needs a family opens identification
    /// first. Returns the session's id.
    /// - Throws: `KioskError` `.notFound` when the flow is neither the core's nor an enabled module's.
    public func open(_ flow: FlowRef, site: Site, session id: String?, language: Language, profile: KioskProfile? = nil) async throws -> String {
        var session = await session(id, site: site, profile: profile)
        let opened = try await resolve(flow, site: site, profile: session.profile)
        if opened.requiresFamily, session.familyID == nil {
            session.afterIdentify = flow
            await begin(FlowRef(.core, CoreFlows.identify), in: &session, site: site, language: language)
        } else {
            session.afterIdentify = nil
            await begin(flow, in: &session, site: site, language: language)
        }
        await sessions.save(session)
        return session.id
    }

    /// A button pressed on the screen on display, with the fields as the front end sent them
    /// (a date as typed, `dd/mm/yyyy`). A press from any other screen (a double tap, a reload, a
    /// second press sent at the same moment) changes nothing and the current screen stays.
    public func press(_ action: String, value: String, fields: [String: [String]], step: String, site: Site, session id: String?,
                      language: Language) async -> Outcome {
        guard var session = await sessions.claim(id, siteCode: site.code, step: step) else {
            let live = await sessions.session(id, siteCode: site.code)
            return live.flatMap { $0.screen == nil ? nil : Outcome.screen(session: $0.id) } ?? .home
        }
        guard let flow = session.flow else { return .home }
        let press = FlowAction(name: action, value: value, fields: FormValues(sent: fields, form: session.screen?.form))
        await perform(press, flow, in: &session, site: site, language: language)
        return .screen(session: session.id)
    }

    /// A code a scanner typed on any screen. A screen that waits for scans hands it to its flow
    /// (`FlowAction.scan`); a screen that waits for a code (a form with a code field) takes it as if
    /// typed and submitted. On any other screen a member or guardian card identifies its family in
    /// a new session, whoever stood here before; a code an enabled module's `CodePattern` claims
    /// opens the pattern's flow with it (after identification, when the flow needs a family); any
    /// other code leaves the session as it was.
    public func scan(_ raw: String, site: Site, session id: String?, language: Language, profile: KioskProfile? = nil) async -> Outcome {
        let code = ScannerInput.code(raw)
        if var session = await sessions.session(id, siteCode: site.code), let flow = session.flow,
           let press = Self.scanPress(code, shown: session.screen) {
            await perform(press, flow, in: &session, site: site, language: language)
            return .screen(session: session.id)
        }
        if (try? TicketToken.parse(ScannerInput.clean(code))) == nil,
           let enabled = try? await database.enabledModules(siteID: site.id!),
           let (module, pattern) = registry.claim(code, among: enabled.filter { Self.shows($0, profile) }), let flow = pattern.flow {
            return await open(FlowRef(module.id, flow), scanned: code, site: site, session: id, language: language, profile: profile)
        }
        // The card opens identification in a session of its own, kept only if it found a family.
        var fresh = await sessions.create(siteCode: site.code)
        fresh.profile = profile
        let identify = FlowRef(.core, CoreFlows.identify)
        await begin(identify, in: &fresh, site: site, language: language)
        await perform(FlowAction(name: "card", value: "", fields: ["card": code]), identify, in: &fresh, site: site, language: language)
        guard fresh.familyID != nil else {
            await sessions.remove(fresh.id)
            let shown = await sessions.session(id, siteCode: site.code)?.screen != nil
            return .cardUnknown(session: shown ? id : nil)
        }
        await sessions.remove(id)
        return .screen(session: fresh.id)
    }

    /// Opens the flow a code pattern names, in the session or a new one, and hands it the code;
    /// when the flow needs a family, identification comes first and keeps the code for it.
    private func open(_ flow: FlowRef, scanned code: String, site: Site, session id: String?, language: Language,
                      profile: KioskProfile?) async -> Outcome {
        var session = await session(id, site: site, profile: profile)
        guard let opened = try? await resolve(flow, site: site, profile: session.profile) else { return .cardUnknown(session: id) }
        if opened.requiresFamily, session.familyID == nil {
            session.afterIdentify = flow
            session.actionAfterIdentify = .scan(code)
            await begin(FlowRef(.core, CoreFlows.identify), in: &session, site: site, language: language)
            await sessions.save(session)
        } else {
            session.afterIdentify = nil
            await begin(flow, in: &session, site: site, language: language)
            await perform(.scan(code), flow, in: &session, site: site, language: language)
        }
        return .screen(session: session.id)
    }

    /// What a scan submits on a screen that waits for one: the flow's scan, or a form's own action
    /// with the code in its code field.
    static func scanPress(_ code: String, shown screen: KioskScreen?) -> FlowAction? {
        if case .scans = screen?.content { return .scan(code) }
        guard let form = screen?.form, case .submit(let name, let value) = form.submit.target,
              let field = form.fields.first(where: { if case .code = $0.kind { true } else { false } }) else { return nil }
        return FlowAction(name: name, value: value, fields: [field.name: code])
    }

    // MARK: Running flows

    /// The live session, or a new one on the kiosk screen of `profile`.
    private func session(_ id: String?, site: Site, profile: KioskProfile?) async -> KioskSession {
        if let live = await sessions.session(id, siteCode: site.code) { return live }
        var session = await sessions.create(siteCode: site.code)
        session.profile = profile
        return session
    }

    /// Whether a kiosk screen of `profile` offers the module (every enabled module, without a profile).
    private static func shows(_ moduleID: ModuleID, _ profile: KioskProfile?) -> Bool {
        profile.map { $0.moduleIDs.contains(moduleID) } ?? true
    }

    /// The flow a reference names, if its owner is the core, or a module enabled at the site and
    /// shown on the session's kiosk screen.
    private func resolve(_ ref: FlowRef, site: Site, profile: KioskProfile?) async throws -> any KioskFlow {
        if ref.owner == .core, let flow = CoreFlows.all[ref.name] { return flow }
        let enabled = try await database.enabledModules(siteID: site.id!)
        guard enabled.contains(ref.owner), Self.shows(ref.owner, profile), let flow = registry.module(ref.owner)?.flows[ref.name] else {
            throw KioskError(.notFound, "error.notFound")
        }
        return flow
    }

    /// Runs `action` on the session's flow and keeps the next screen. Once identification finds
    /// the family, the session gets a new id and the flow the family had asked for opens.
    private func perform(_ action: FlowAction, _ ref: FlowRef, in session: inout KioskSession, site: Site,
                         language: Language) async {
        let hadFamily = session.familyID != nil
        let flow = try? await resolve(ref, site: site, profile: session.profile)
        let shown = await run(ref, in: &session, site: site, language: language) {
            guard let flow else { throw KioskError(.notFound, "error.notFound") }
            return try await flow.handle(action, &$0)
        }
        guard let screen = shown else {
            // The step needs the family: identification first, then the same press in the same flow.
            session.afterIdentify = ref
            session.actionAfterIdentify = action
            await begin(FlowRef(.core, CoreFlows.identify), in: &session, site: site, language: language)
            return await sessions.save(session)
        }
        if !hadFamily, session.familyID != nil {
            await sessions.renew(&session)
        }
        if !hadFamily, session.familyID != nil, ref.name == CoreFlows.identify, ref.owner == .core, let next = session.afterIdentify {
            session.afterIdentify = nil
            await begin(next, in: &session, site: site, language: language)
            if let replay = session.actionAfterIdentify {
                session.actionAfterIdentify = nil
                await perform(replay, next, in: &session, site: site, language: language)
                return
            }
        } else {
            show(screen, in: &session)
            if flow?.keepsDraft == true { await keepDraft(of: ref, session) }
        }
        await sessions.save(session)
    }

    /// Keeps the draft of a long flow after a step, or drops it once the flow emptied its state.
    private func keepDraft(of ref: FlowRef, _ session: KioskSession) async {
        guard let familyID = session.familyID, let screen = session.screen else { return }
        let now = clock.now
        do {
            if session.state.isEmpty {
                try await database.deleteDraft(familyID: familyID, flow: ref)
            } else {
                try await database.saveDraft(familyID: familyID, flow: ref, state: session.state, screen: screen, at: now,
                                             expiresAt: now.addingTimeInterval(Self.draftLifetime))
            }
        } catch {
            // The step itself is done; a draft that could not be kept costs only a retype after a restart.
            logger.error("kiosk draft not kept", metadata: ["flow": "\(ref)", "error": "\(ErrorKind.of(error))"])
        }
    }

    /// Opens a flow at its first screen, or where the family left it when the flow keeps a draft.
    private func begin(_ ref: FlowRef, in session: inout KioskSession, site: Site, language: Language) async {
        session.flow = ref
        session.state.removeAll()
        let flow = try? await resolve(ref, site: site, profile: session.profile)
        if flow?.keepsDraft == true, let familyID = session.familyID,
           let draft = try? await database.draft(familyID: familyID, flow: ref, at: clock.now) {
            session.state = draft.state
            return show(draft.screen, in: &session)
        }
        let screen = await run(ref, in: &session, site: site, language: language) {
            guard let flow else { throw KioskError(.notFound, "error.notFound") }
            return try await flow.start(&$0)
        }
        show(screen ?? .message(.key("error.title"), .key("error.family.notIdentified"), style: .error), in: &session)
    }

    private func show(_ screen: KioskScreen, in session: inout KioskSession) {
        session.screen = screen
        session.step = RandomHex.make(bits: 128)
    }

    /// Runs a flow step on the session; an error becomes a message screen that says what a person
    /// can do. What went wrong beyond a person's mistake is logged: the flow and the error's kind,
    /// never what was typed. Nil: the step needs a family, and the session has none.
    private func run(_ ref: FlowRef, in session: inout KioskSession, site: Site, language: Language,
                     _ body: (inout FlowContext) async throws -> KioskScreen) async -> KioskScreen? {
        var context = FlowContext(site: site, language: language, kiosk: kioskName, profile: session.profile, familyID: session.familyID,
                                  scannedChildID: session.scannedChildID, state: session.state,
                                  database: database, tickets: tickets, clock: clock)
        let screen: KioskScreen
        do {
            screen = try await body(&context)
        } catch is FamilyRequired where context.familyID == nil {
            return nil
        } catch let error as KioskError {
            screen = .message(.key("error.title"), error.message, style: .error)
        } catch {
            logger.error("kiosk step failed", metadata: ["flow": "\(ref)", "error": "\(ErrorKind.of(error))"])
            screen = .message(.key("error.title"), Self.message(for: error), style: .error)
        }
        session.familyID = context.familyID
        session.scannedChildID = context.scannedChildID
        session.state = context.state
        return screen
    }

    /// What the family is told of an error that is not theirs: a full or read-only disk is for staff to call in.
    public static func message(for error: any Error) -> LocalizedText {
        switch DiskFailure(error) {
        case .full: return .key("error.disk.full")
        case .cannotWrite: return .key("error.disk.cannotWrite")
        case nil: return .key("error.internal")
        }
    }
}
