import Foundation
import Hummingbird
import KioskCore

/// The staff scan station: `/staff` lists the sites a member works at, `/staff/<site>` is the scan
/// page, `POST /api/scan` judges a code, and `/staff/<site>/counter` feeds the live counter.
struct StaffController {
    let services: KioskServices

    var endpoints: RouteCollection<KioskRequestContext> {
        let routes = RouteCollection(context: KioskRequestContext.self)
        LoginController(services: services).add(to: routes)
        routes.get("staff", use: sites)
        routes.get("staff/:site", use: station)
        routes.get("staff/:site/counter", use: counter)
        routes.get("staff/:site/search", use: search)
        routes.post("api/scan", use: scan)
        routes.post("api/station-action", use: stationAction)
        return routes
    }

    /// The verdict as the station shows it.
    struct ScanAnswer: ResponseEncodable {
        struct Offer: Encodable {
            let label: String
            let action: String
            /// The question asked before the action, if it asks a reason.
            let reason: String?
        }

        let outcome: String
        let title: String
        let name: String
        let detail: String
        let offer: Offer?
        /// False when the disk took nothing: the station says the scan was not recorded.
        let recorded: Bool
    }

    /// People found by name at the station.
    struct SearchAnswer: ResponseEncodable {
        struct Item: Encodable {
            let name: String
            let detail: String
            let label: String
            let action: String
        }

        let items: [Item]
    }

    @Sendable func sites(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let staff = try context.requireStaff()
        let sites = try await services.database.sites().filter { staff.may(.staff, siteID: $0.id!) }
        return services.page(context: context, title: .key("station.title"), template: "station-sites",
                             values: ["sites": sites.map { ["code": $0.code, "name": $0.name] }], surface: .admin)
    }

    @Sendable func station(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, _) = try await siteForStaff(context.parameters.require("site"), context)
        let activities = try await activities(site)
        let selected = request.uri.queryParameters["activity"].map(String.init).flatMap { id in activities.first { $0.stationID == id } }
        return services.page(context: context, title: .key("station.title"), template: "station", values: [
            "siteCode": site.code, "siteName": site.name,
            "activities": activities.map { ["id": $0.stationID, "label": $0.label, "selected": $0 == selected] },
            "activity": selected?.stationID ?? "", "activityLabel": optional(selected?.label),
        ], surface: .station(site))
    }

    @Sendable func counter(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, _) = try await siteForStaff(context.parameters.require("site"), context)
        let id = request.uri.queryParameters["activity"].map(String.init) ?? ""
        guard let activity = try await activities(site).first(where: { $0.stationID == id }),
              let module = services.registry.module(activity.moduleID) else { throw HTTPError(.notFound) }
        let counters = try await services.database.read { db in try module.stationCounters(activity, db) }
        let items = counters.map { ["label": services.localizer.string($0.label, context.language), "value": $0.value] }
        let body = try JSONEncoder().encode(["items": items])
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    @Sendable func scan(_ request: Request, context: KioskRequestContext) async throws -> ScanAnswer {
        let body: StationScanRequest
        do {
            body = try await request.decode(as: StationScanRequest.self, context: context)
        } catch {
            throw KioskError(.invalidInput, "error.request")
        }
        guard body.code.utf8.count <= 512 else { return answer(.refused("scan.notATicket"), context) }
        let (site, staff) = try await siteForStaff(body.site, context)
        let verdict = try await services.judge.judge(body.code, at: site, activityID: body.activity,
                                                     staffUsername: staff.account.username)
        return answer(verdict, context)
    }

    @Sendable func stationAction(_ request: Request, context: KioskRequestContext) async throws -> ScanAnswer {
        let body: StationActionRequest
        do {
            body = try await request.decode(as: StationActionRequest.self, context: context)
        } catch {
            throw KioskError(.invalidInput, "error.request")
        }
        let (site, staff) = try await siteForStaff(body.site, context)
        let reason = try body.reason.map { try TextInput.clean($0, field: "reason", maxLength: 200, required: false) }
        let verdict = try await services.judge.perform(body.action, at: site, activityID: body.activity,
                                                       staffUsername: staff.account.username, tickets: services.tickets, reason: reason)
        try await services.database.audit("station.action", target: body.action, actor: actor(staff), siteID: site.id,
                                          detail: reason ?? "", at: services.clock.now)
        return answer(verdict, context)
    }

    @Sendable func search(_ request: Request, context: KioskRequestContext) async throws -> SearchAnswer {
        let (site, _) = try await siteForStaff(context.parameters.require("site"), context)
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(100))
        let activity = request.uri.queryParameters["activity"].map(String.init) ?? ""
        let results = try await services.judge.search(query, at: site, activityID: activity)
        let localizer = services.localizer
        return SearchAnswer(items: results.map {
            .init(name: $0.name, detail: $0.detail, label: localizer.string($0.action.label, context.language), action: $0.action.key)
        })
    }

    private func answer(_ verdict: ScanVerdict, _ context: KioskRequestContext) -> ScanAnswer {
        let localizer = services.localizer
        return ScanAnswer(outcome: verdict.outcome.rawValue, title: localizer.string(verdict.title, context.language),
                          name: verdict.name ?? "", detail: verdict.detail.map { localizer.string($0, context.language) } ?? "",
                          offer: verdict.offer.map { offer in
                              .init(label: localizer.string(offer.label, context.language), action: offer.key,
                                    reason: offer.reason.map { localizer.string($0, context.language) })
                          },
                          recorded: verdict.recorded)
    }

    private func siteForStaff(_ code: String, _ context: KioskRequestContext) async throws -> (Site, StaffMember) {
        let staff = try context.requireStaff()
        let site = try await services.lookups.site(code: code)
        guard staff.may(.staff, siteID: site.id!) else { throw KioskError(.forbidden, "error.forbidden") }
        return (site, staff)
    }

    private func activities(_ site: Site) async throws -> [StationActivity] {
        let enabled = try await services.database.enabledModules(siteID: site.id!)
        let today = services.clock.today
        let modules = services.registry.modules.filter { enabled.contains($0.id) }
        return try await services.database.read { db in
            try modules.flatMap { try $0.stationActivities(site, on: today, db) }
        }
    }
}
