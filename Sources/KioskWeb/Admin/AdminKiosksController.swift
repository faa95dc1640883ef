import Foundation
import Hummingbird
import KioskCore

/// The kiosk screens of a site and their profiles: which modules' tiles each shows, and the
/// address its browser opens once (`/kiosk/<site>/at/<name>`).
struct AdminKiosksController {
    let services: KioskServices

    func add(to routes: RouteCollection<KioskRequestContext>) {
        routes.get(":site/kiosks", use: list)
        routes.post(":site/kiosks", use: save)
    }

    @Sendable func list(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, _) = try await adminSite(context, services)
        return try await page(site, context, error: nil)
    }

    @Sendable func save(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        do {
            _ = try await services.database.saveKioskProfile(
                siteID: site.id!, name: context.form["name"] ?? "", label: context.form["label"] ?? "",
                modules: (context.form.values["modules"] ?? []).map { ModuleID(rawValue: $0) }, known: services.registry.ids,
                actor: actor(staff), at: services.clock.now)
            return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/kiosks"])
        } catch let error as KioskError {
            var response = try await page(site, context, error: error).response(from: request, context: context)
            response.status = .badRequest
            return response
        }
    }

    private func page(_ site: Site, _ context: KioskRequestContext, error: KioskError?) async throws -> HTMLPage {
        let language = context.language
        let profiles = try await services.database.kioskProfiles(siteID: site.id!)
        let title = { (id: ModuleID) in services.registry.module(id).map { services.localizer.string($0.title, language) } ?? id.rawValue }
        return services.page(context: context, title: .key("admin.kiosks"), template: "admin-kiosks", values: [
            "site": ["code": site.code, "name": site.name],
            "profiles": profiles.map { profile in
                ["name": profile.name, "label": profile.label, "modules": services.registry.ids.filter(profile.moduleIDs.contains).map(title)]
                    as [String: Any]
            },
            "modules": services.registry.ids.map { ["id": $0.rawValue, "title": title($0)] },
            "error": optional(error.map { services.localizer.string($0.message, language) }),
        ], surface: .admin)
    }
}
