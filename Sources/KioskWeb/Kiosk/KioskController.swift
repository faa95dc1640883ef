import Foundation
import Hummingbird
import KioskCore
import Logging

/// The family-facing kiosk at `/kiosk/<site>`: the home tiles, and every flow's screens.
///
/// Flows answer posts with a screen that is kept in the kiosk session and shown by a redirect to
/// `GET …/screen` (post/redirect/get), so a reload or Back never posts twice, and once the session
/// is gone Back shows only the home screen.
struct KioskController {
    let services: KioskServices
    static let cookieName = "KIOSK"

    var endpoints: RouteCollection<KioskRequestContext> {
        let routes = RouteCollection(context: KioskRequestContext.self)
        routes.get(":site", use: home)
        routes.get(":site/reset", use: reset)
        routes.get(":site/lang/:lang", use: language)
        routes.get(":site/start/:owner/:flow", use: start)
        routes.get(":site/screen", use: showScreen)
        routes.post(":site/screen", use: act)
        routes.post(":site/scan", use: scan)
        routes.post(":site/alive", use: alive)
        return routes
    }

    @Sendable func home(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let session = await services.kioskSessions.session(request.cookie(Self.cookieName), siteCode: site.code)
        let enabled = try await services.database.enabledModules(siteID: site.id!)
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
        for module in services.registry.modules where enabled.contains(module.id) && module.flows["start"] != nil {
            tiles.append(MenuTile(icon: module.icon, title: module.title, target: .flow(module.id, "start")))
        }
        let screen = KioskScreen(title: .key("home.title", site.name), intro: [.key("home.intro")], content: .menu(tiles),
                                 actions: [])
        return try render(screen, step: "", site: site, request: request, context: context, finish: session?.familyID != nil)
    }

    @Sendable func reset(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let siteCode = try context.parameters.require("site")
        await services.kioskSessions.remove(request.cookie(Self.cookieName))
        var response = Response(status: .seeOther, headers: [.location: "/kiosk/\(siteCode)"])
        response.setCookie(Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/kiosk", httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: "lang", value: Language.default.rawValue, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func language(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let siteCode = try context.parameters.require("site")
        let language = Language(rawValue: try context.parameters.require("lang")) ?? .default
        let session = await services.kioskSessions.session(request.cookie(Self.cookieName), siteCode: siteCode)
        let target = session?.screen != nil ? "/kiosk/\(siteCode)/screen" : "/kiosk/\(siteCode)"
        var response = Response(status: .seeOther, headers: [.location: target])
        response.setCookie(Cookie(name: "lang", value: language.rawValue, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func start(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let ref = KioskSession.FlowRef(owner: ModuleID(rawValue: try context.parameters.require("owner")),
                                       name: try context.parameters.require("flow"))
        let flow = try await resolve(ref, site: site)
        let existing = await services.kioskSessions.session(request.cookie(Self.cookieName), siteCode: site.code)
        var session: KioskSession
        if let existing {
            session = existing
        } else {
            session = await services.kioskSessions.create(siteCode: site.code)
        }
        if flow.requiresFamily, session.familyID == nil {
            session.afterIdentify = ref
            try await begin(KioskSession.FlowRef(owner: .core, name: CoreFlows.identify), in: &session, site: site, context: context)
        } else {
            session.afterIdentify = nil
            try await begin(ref, in: &session, site: site, context: context)
        }
        await services.kioskSessions.save(session)
        var response = Response(status: .seeOther, headers: [.location: "/kiosk/\(site.code)/screen"])
        if existing == nil {
            response.setCookie(Cookie(name: Self.cookieName, value: session.id, path: "/kiosk", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    @Sendable func showScreen(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        guard let session = await services.kioskSessions.session(request.cookie(Self.cookieName), siteCode: site.code),
              let screen = session.screen else {
            return Response(status: .seeOther, headers: [.location: "/kiosk/\(site.code)"])
        }
        return try render(screen, step: session.step, site: site, request: request, context: context, finish: session.familyID != nil)
    }

    @Sendable func act(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let screenURL = Response(status: .seeOther, headers: [.location: "/kiosk/\(site.code)/screen"])
        guard var session = await services.kioskSessions.session(request.cookie(Self.cookieName), siteCode: site.code),
              let ref = session.flow else {
            return Response(status: .seeOther, headers: [.location: "/kiosk/\(site.code)"])
        }
        // A post from a screen that is no longer on display (a double tap, a reload): show the current one.
        guard context.form["_step"] == session.step else { return screenURL }
        let (name, value) = Self.splitAction(context.form["_action"] ?? "")
        let action = FlowAction(name: name, value: value, fields: Self.flowFields(context.form, shown: session.screen))
        return try await performAndShow(action, ref, in: &session, site: site, context: context)
    }

    /// A code a scanner typed on any kiosk screen (the page tells a scanner's burst of keys from a
    /// person's typing). A screen that waits for a code (a form with a `code` field: identification,
    /// the guardian's card before an adult is added) takes it as if typed and submitted. On any
    /// other screen a member or guardian card identifies its family in a new session, whoever stood
    /// here before; any other code leaves the session as it was, and the screen says the card was
    /// not recognised.
    @Sendable func scan(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let existing = await services.kioskSessions.session(request.cookie(Self.cookieName), siteCode: site.code)
        let code = String((context.form["code"] ?? "").prefix(200))
        if var session = existing, let ref = session.flow, let action = Self.scanAction(code, shown: session.screen) {
            return try await performAndShow(action, ref, in: &session, site: site, context: context)
        }
        guard try await services.database.identifyFamily(site: site, card: code, signer: services.signer) != nil else {
            let shown = existing?.screen != nil ? "/kiosk/\(site.code)/screen" : "/kiosk/\(site.code)"
            return Response(status: .seeOther, headers: [.location: shown + "?notice=cardUnknown"])
        }
        await services.kioskSessions.remove(existing?.id)
        var session = await services.kioskSessions.create(siteCode: site.code)
        let identify = KioskSession.FlowRef(owner: .core, name: CoreFlows.identify)
        try await begin(identify, in: &session, site: site, context: context)
        return try await performAndShow(FlowAction(name: "card", value: "", fields: ["card": code]), identify, in: &session,
                                        site: site, context: context)
    }

    /// What a scan submits on a screen that waits for one: the form's own action, with the code in its code field.
    static func scanAction(_ code: String, shown screen: KioskScreen?) -> FlowAction? {
        guard case .form(let spec) = screen?.content, case .submit(let name, let value) = spec.submit.target,
              let field = spec.fields.first(where: { if case .code = $0.kind { true } else { false } }) else { return nil }
        return FlowAction(name: name, value: value, fields: [field.name: code])
    }

    /// The page says a family is touching the screen: the session's idle clock starts again, as it
    /// does on every request. 204 while the session lives, 410 once it is gone.
    @Sendable func alive(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.lookups.site(code: context.parameters.require("site"))
        let session = await services.kioskSessions.session(request.cookie(Self.cookieName), siteCode: site.code)
        return Response(status: session == nil ? .gone : .noContent)
    }

    // MARK: Helpers

    /// The flow a reference names, if its owner is the core or a module enabled at the site.
    private func resolve(_ ref: KioskSession.FlowRef, site: Site) async throws -> any KioskFlow {
        if ref.owner == .core, let flow = CoreFlows.all[ref.name] { return flow }
        let enabled = try await services.database.enabledModules(siteID: site.id!)
        guard enabled.contains(ref.owner), let flow = services.registry.module(ref.owner)?.flows[ref.name] else {
            throw HTTPError(.notFound)
        }
        return flow
    }

    /// Runs `action` on the session's flow and shows the next screen (post/redirect/get). Once the
    /// identify flow finds the family, the session gets a new id and the flow the family had asked
    /// for opens.
    private func performAndShow(_ action: FlowAction, _ ref: KioskSession.FlowRef, in session: inout KioskSession, site: Site,
                                context: KioskRequestContext) async throws -> Response {
        let flow = try await resolve(ref, site: site)
        let hadFamily = session.familyID != nil
        var flowContext = makeContext(session, site: site, language: context.language)
        let screen = await run(ref, context) { try await flow.handle(action, &flowContext) }
        session.familyID = flowContext.familyID
        session.scannedChildID = flowContext.scannedChildID
        session.state = flowContext.state
        var response = Response(status: .seeOther, headers: [.location: "/kiosk/\(site.code)/screen"])
        if !hadFamily, session.familyID != nil {
            await services.kioskSessions.renew(&session)
            response.setCookie(Cookie(name: Self.cookieName, value: session.id, path: "/kiosk", httpOnly: true, sameSite: .strict))
        }
        if !hadFamily, session.familyID != nil, ref.name == CoreFlows.identify, let next = session.afterIdentify {
            session.afterIdentify = nil
            try await begin(next, in: &session, site: site, context: context)
        } else {
            show(screen, in: &session)
        }
        await services.kioskSessions.save(session)
        return response
    }

    private func begin(_ ref: KioskSession.FlowRef, in session: inout KioskSession, site: Site, context: KioskRequestContext) async throws {
        let flow = try await resolve(ref, site: site)
        session.flow = ref
        session.state = [:]
        var flowContext = makeContext(session, site: site, language: context.language)
        let screen = await run(ref, context) { try await flow.start(&flowContext) }
        session.familyID = flowContext.familyID
        session.scannedChildID = flowContext.scannedChildID
        session.state = flowContext.state
        show(screen, in: &session)
    }

    private func show(_ screen: KioskScreen, in session: inout KioskSession) {
        session.screen = screen
        session.step = CSRFMiddleware.newToken()
    }

    /// Runs a flow step; an error becomes a message screen that says what a person can do. What
    /// went wrong beyond a person's mistake is logged: the flow and the error's kind, never what was typed.
    private func run(_ ref: KioskSession.FlowRef, _ context: KioskRequestContext, _ body: () async throws -> KioskScreen) async -> KioskScreen {
        do {
            return try await body()
        } catch let error as KioskError {
            return .message(.key("error.title"), error.message, style: .error)
        } catch {
            let message = Self.message(for: error)
            context.logger.error("kiosk step failed", metadata: ["flow": "\(ref.owner)/\(ref.name)", "error": "\(ErrorKind.of(error))"])
            return .message(.key("error.title"), message, style: .error)
        }
    }

    /// What the family is told of an error that is not theirs: a full or read-only disk is for staff to call in.
    static func message(for error: any Error) -> LocalizedText {
        switch DiskFailure(error) {
        case .full: return .key("error.disk.full")
        case .cannotWrite: return .key("error.disk.cannotWrite")
        case nil: return .key("error.internal")
        }
    }

    private func makeContext(_ session: KioskSession, site: Site, language: Language) -> FlowContext {
        FlowContext(site: site, language: language, kiosk: services.kioskName, familyID: session.familyID,
                    scannedChildID: session.scannedChildID, state: session.state,
                    database: services.database, tickets: services.tickets, clock: services.clock)
    }

    private func render(_ screen: KioskScreen, step: String, site: Site, request: Request, context: KioskRequestContext,
                        finish: Bool) throws -> Response {
        let renderer = ScreenRenderer(localizer: services.localizer, language: context.language, siteCode: site.code)
        var values = try renderer.values(screen, step: step)
        values["siteCode"] = site.code
        // A scan that was no card of this site comes back to the screen it left, which says so.
        if request.uri.queryParameters["notice"] == "cardUnknown" {
            values["notice"] = services.localizer.string(.key("identify.cardUnknown"), context.language)
        }
        values["finish"] = finish
        let page = services.page(context: context, title: screen.title, template: "kiosk-screen", values: values, surface: .kiosk(site))
        return try page.response(from: request, context: context)
    }

    static func splitAction(_ raw: String) -> (String, String) {
        guard let colon = raw.firstIndex(of: ":") else { return (raw, "") }
        return (String(raw[..<colon]), String(raw[raw.index(after: colon)...]))
    }

    /// The form's fields for the flow: the host's own fields removed, and the date fields of the
    /// screen on display turned from the typed `dd/mm/yyyy` to `yyyy-MM-dd` (left as typed when they
    /// are no date, for the flow to refuse).
    static func flowFields(_ form: [String: String], shown screen: KioskScreen?) -> [String: String] {
        var fields = form.filter { !$0.key.hasPrefix("_") }
        guard case .form(let spec) = screen?.content else { return fields }
        for field in spec.fields {
            if case .date = field.kind, let typed = fields[field.name], let date = LocalDate(display: typed) {
                fields[field.name] = date.iso
            }
        }
        return fields
    }
}
