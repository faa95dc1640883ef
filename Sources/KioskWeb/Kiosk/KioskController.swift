import Foundation
import Hummingbird
import KioskCore

/// The browser kiosk at `/kiosk/<site>`: a transport and a renderer for `KioskEngine`, which runs
/// the flows. The session's id is a cookie; a button's `_action` is `name:value`; fields come as
/// the page typed them. A kiosk screen with a profile (a library-only kiosk) is opened once at
/// `/kiosk/<site>/at/<name>`, which its browser then remembers.
///
/// Presses answer with a redirect to `GET …/screen` (post/redirect/get), so a reload or Back never
/// posts twice, and once the session is gone Back shows only the home screen.
struct KioskController {
    let services: KioskServices
    static let cookieName = "KIOSK"
    /// The cookie that names the kiosk screen's profile.
    static let profileCookie = "KIOSK_SCREEN"

    var endpoints: RouteCollection<KioskRequestContext> {
        let routes = RouteCollection(context: KioskRequestContext.self)
        routes.get(":site", use: home)
        routes.get(":site/reset", use: reset)
        routes.get(":site/at/:profile", use: setProfile)
        routes.get(":site/lang/:lang", use: language)
        routes.get(":site/start/:owner/:flow", use: start)
        routes.get(":site/screen", use: showScreen)
        routes.post(":site/screen", use: act)
        routes.post(":site/scan", use: scan)
        routes.post(":site/alive", use: alive)
        return routes
    }

    private var engine: KioskEngine { services.engine }

    @Sendable func home(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let display = try await engine.home(site: site, session: request.cookie(Self.cookieName), profile: try await profile(request, site))
        return try render(display, site: site, request: request, context: context)
    }

    @Sendable func reset(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let siteCode = try context.parameters.require("site")
        await engine.finish(session: request.cookie(Self.cookieName))
        var response = Response(status: .seeOther, headers: [.location: "/kiosk/\(siteCode)"])
        response.setCookie(Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/kiosk", httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: "lang", value: Language.default.rawValue, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// Makes this browser the kiosk screen of a profile, for years: its home shows the profile's tiles.
    @Sendable func setProfile(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        guard let profile = try await services.database.kioskProfile(siteID: site.id!, name: context.parameters.require("profile")) else {
            throw KioskError(.notFound, "error.notFound")
        }
        await engine.finish(session: request.cookie(Self.cookieName))
        var response = Response(status: .seeOther, headers: [.location: "/kiosk/\(site.code)"])
        response.setCookie(Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/kiosk", httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: Self.profileCookie, value: profile.name, maxAge: 10 * 365 * 86400, path: "/kiosk", httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    @Sendable func language(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.lookups.site(code: context.parameters.require("site"))
        let language = Language(rawValue: try context.parameters.require("lang")) ?? .default
        let shown = await engine.current(site: site, session: request.cookie(Self.cookieName)) != nil
        var response = Response(status: .seeOther, headers: [.location: shown ? "/kiosk/\(site.code)/screen" : "/kiosk/\(site.code)"])
        response.setCookie(Cookie(name: "lang", value: language.rawValue, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func start(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let flow = FlowRef(ModuleID(rawValue: try context.parameters.require("owner")), try context.parameters.require("flow"))
        let cookie = request.cookie(Self.cookieName)
        let session = try await engine.open(flow, site: site, session: cookie, language: context.language,
                                            profile: try await profile(request, site))
        return show(.screen(session: session), site: site, cookie: cookie)
    }

    @Sendable func showScreen(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        guard let display = await engine.current(site: site, session: request.cookie(Self.cookieName)) else {
            return Response(status: .seeOther, headers: [.location: "/kiosk/\(site.code)"])
        }
        return try render(display, site: site, request: request, context: context)
    }

    @Sendable func act(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let (name, value) = Self.splitAction(context.form["_action"] ?? "")
        let cookie = request.cookie(Self.cookieName)
        let outcome = await engine.press(name, value: value, fields: context.form.fields,
                                         step: context.form["_step"] ?? "", site: site, session: cookie, language: context.language)
        return show(outcome, site: site, cookie: cookie)
    }

    /// A code a scanner typed on any kiosk screen (the page tells a scanner's burst of keys from a
    /// person's typing); `KioskEngine.scan` says what it does.
    @Sendable func scan(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.database.site(code: context.parameters.require("site"))
        let cookie = request.cookie(Self.cookieName)
        let outcome = await engine.scan(context.form["code"] ?? "", site: site, session: cookie, language: context.language,
                                        profile: try await profile(request, site))
        return show(outcome, site: site, cookie: cookie)
    }

    /// The page says a family is touching the screen: the session's idle clock starts again, as it
    /// does on every request. 204 while the session lives, 410 once it is gone.
    @Sendable func alive(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let site = try await services.lookups.site(code: context.parameters.require("site"))
        return Response(status: await engine.isAlive(session: request.cookie(Self.cookieName), site: site) ? .noContent : .gone)
    }

    // MARK: Helpers

    /// The profile this browser's cookie names at the site, if it names one of the site's.
    private func profile(_ request: Request, _ site: Site) async throws -> KioskProfile? {
        guard let name = request.cookie(Self.profileCookie) else { return nil }
        return try await services.database.kioskProfile(siteID: site.id!, name: name)
    }

    /// The redirect after a step, with the session's cookie when its id is new.
    private func show(_ outcome: KioskEngine.Outcome, site: Site, cookie: String?) -> Response {
        let screen = "/kiosk/\(site.code)/screen", home = "/kiosk/\(site.code)"
        switch outcome {
        case .home:
            return Response(status: .seeOther, headers: [.location: home])
        case .cardUnknown(let session):
            // A scan that was no card of this site comes back to the screen it left, which says so.
            return Response(status: .seeOther, headers: [.location: (session == nil ? home : screen) + "?notice=cardUnknown"])
        case .screen(let session):
            var response = Response(status: .seeOther, headers: [.location: screen])
            if session != cookie {
                response.setCookie(Cookie(name: Self.cookieName, value: session, path: "/kiosk", httpOnly: true, sameSite: .strict))
            }
            return response
        }
    }

    private func render(_ display: KioskEngine.Display, site: Site, request: Request, context: KioskRequestContext) throws -> Response {
        let renderer = ScreenRenderer(localizer: services.localizer, language: context.language, siteCode: site.code)
        var values = try renderer.values(display.screen, step: display.step)
        values["siteCode"] = site.code
        if request.uri.queryParameters["notice"] == "cardUnknown" {
            values["notice"] = services.localizer.string(.key("identify.cardUnknown"), context.language)
        }
        values["finish"] = display.familyIdentified
        let page = services.page(context: context, title: display.screen.title, template: "kiosk-screen", values: values, surface: .kiosk(site))
        return try page.response(from: request, context: context)
    }

    /// A button's `_action`, `name:value`, split at the first colon.
    static func splitAction(_ raw: String) -> (String, String) {
        guard let colon = raw.firstIndex(of: ":") else { return (raw, "") }
        return (String(raw[..<colon]), String(raw[raw.index(after: colon)...]))
    }
}
