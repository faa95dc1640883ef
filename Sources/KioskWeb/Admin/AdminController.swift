import Foundation
import Hummingbird
import KioskCore

/// The administrators' pages at `/admin`: sites, modules per site, staff, families, the audit log,
/// reports, and every module's admin resources. Only administrators of a site reach its pages.
struct AdminController {
    let services: KioskServices

    var endpoints: RouteCollection<KioskRequestContext> {
        let routes = RouteCollection(context: KioskRequestContext.self)
        routes.get("", use: sites)
        routes.post("sites", use: createSite)
        routes.get(":site", use: site)
        routes.post(":site/modules/:module", use: toggleModule)
        routes.post(":site/schools", use: saveSchools)
        routes.get(":site/audit", use: audit)
        routes.get(":site/report", use: report)
        routes.get(":site/report.csv", use: reportCSV)
        AdminStaffController(services: services).add(to: routes)
        AdminKiosksController(services: services).add(to: routes)
        AdminFamiliesController(services: services).add(to: routes)
        AdminResourcesController(services: services).add(to: routes)
        return routes
    }

    @Sendable func sites(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let staff = try context.requireStaff()
        let sites = try await services.database.sites().filter { site in
            staff.roles.contains { ($0.siteId == nil || $0.siteId == site.id) && $0.role != .staff }
        }
        guard staff.isDeploymentAdmin || !sites.isEmpty else { throw KioskError(.forbidden, "error.forbidden") }
        return services.page(context: context, title: .key("admin.sites"), template: "admin-sites", values: [
            "sites": sites.map { ["code": $0.code, "name": $0.name] },
            "canCreate": staff.isDeploymentAdmin,
        ], surface: .admin)
    }

    @Sendable func createSite(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard staff.isDeploymentAdmin else { throw KioskError(.forbidden, "error.forbidden") }
        let code = (context.form["code"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let site = try await services.database.createSite(code: code, name: context.form["name"] ?? "",
                                                          actor: actor(staff), at: services.clock.now)
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)"])
    }

    /// The site's page: for its administrators, the modules with their pages, and the schools; for
    /// a holder of a module's role (a librarian), only the module pages open to them.
    @Sendable func site(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let staff = try context.requireStaff()
        let site = try await services.database.site(code: context.parameters.require("site"))
        let isAdmin = staff.may(.admin, siteID: site.id!)
        let enabled = try await services.database.enabledModules(siteID: site.id!)
        let language = context.language
        let modules: [[String: Any]] = services.registry.modules.compactMap { module in
            let resources = module.adminResources.filter { $0.isOpen(to: staff, siteID: site.id!) }
            guard isAdmin || (enabled.contains(module.id) && !resources.isEmpty) else { return nil }
            return [
                "id": module.id.rawValue, "icon": module.icon, "title": services.localizer.string(module.title, language),
                "enabled": enabled.contains(module.id),
                "resources": resources.map { ["name": $0.name, "title": services.localizer.string($0.title, language)] },
            ]
        }
        guard isAdmin || !modules.isEmpty else { throw KioskError(.forbidden, "error.forbidden") }
        let schools = isAdmin ? try await services.database.schools(siteID: site.id!) : []
        return services.page(context: context, title: .literal(vi: site.name), template: "admin-site", values: [
            "site": ["code": site.code, "name": site.name], "modules": modules, "schools": schools.joined(separator: "\n"),
            "saved": request.uri.queryParameters["saved"] == "schools", "roleOnly": !isAdmin,
        ], surface: .admin)
    }

    @Sendable func saveSchools(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        try await services.database.setSchools(context.form["schools"] ?? "", siteID: site.id!, actor: actor(staff), at: services.clock.now)
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)?saved=schools"])
    }

    @Sendable func toggleModule(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        let moduleID = ModuleID(rawValue: try context.parameters.require("module"))
        guard services.registry.module(moduleID) != nil else { throw HTTPError(.notFound) }
        try await services.database.setModule(moduleID, enabled: context.form["enabled"] == "yes", siteID: site.id!,
                                              actor: actor(staff), at: services.clock.now)
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)"])
    }

    @Sendable func audit(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, _) = try await adminSite(context, services)
        let entries = try await services.database.auditLog(siteID: site.id!)
        return services.page(context: context, title: .key("admin.audit"), template: "admin-audit", values: [
            "site": ["code": site.code, "name": site.name],
            "entries": entries.map { ["at": LocalTime.display($0.at), "actor": $0.actor, "action": $0.action, "target": $0.target, "detail": $0.detail] },
        ], surface: .admin)
    }

    @Sendable func report(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, report) = try await siteReport(request, context)
        let language = context.language
        // Each figure, then its parts indented under it, level by level.
        func rows(_ figure: ReportFigure, depth: Int) -> [[String: Any]] {
            [["label": services.localizer.string(figure.label, language), "value": figure.value, "depth": depth, "part": depth > 0]]
                + figure.parts.flatMap { rows($0, depth: depth + 1) }
        }
        let sections: [[String: Any]] = report.sections.map { section in
            ["title": services.localizer.string(section.title, language), "figures": section.figures.flatMap { rows($0, depth: 0) }]
        }
        return services.page(context: context, title: .key("admin.report"), template: "admin-report", values: [
            "site": ["code": site.code, "name": site.name], "from": report.from.iso, "to": report.to.iso, "sections": sections,
        ], surface: .admin)
    }

    /// The report for Excel: a row per figure and per part.
    @Sendable func reportCSV(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, report) = try await siteReport(request, context)
        return download(report.csv(services.localizer, context.language).bytes,
                        filename: "report-\(site.code)-\(report.from.iso)-\(report.to.iso).csv", type: "text/csv; charset=utf-8")
    }

    /// The site's report for the dates asked (`from`, `to`), from the first of January to today by default.
    private func siteReport(_ request: Request, _ context: KioskRequestContext) async throws -> (Site, SiteReport) {
        let (site, _) = try await adminSite(context, services)
        let today = services.clock.today
        let from = request.uri.queryParameters["from"].flatMap { LocalDate(iso: String($0)) } ?? LocalDate(year: today.year, month: 1, day: 1)!
        let to = request.uri.queryParameters["to"].flatMap { LocalDate(iso: String($0)) } ?? today
        return (site, try await SiteReport(site: site, from: from, to: to, registry: services.registry, database: services.database))
    }
}

/// The site named in the path, if the logged-in member administers it.
func adminSite(_ context: KioskRequestContext, _ services: KioskServices) async throws -> (Site, StaffMember) {
    let staff = try context.requireStaff()
    let site = try await services.database.site(code: context.parameters.require("site"))
    guard staff.may(.admin, siteID: site.id!) else {
        throw KioskError(.forbidden, "error.forbidden")
    }
    return (site, staff)
}

/// How a staff member is named in the audit log.
func actor(_ staff: StaffMember) -> String { "staff:\(staff.account.username)" }
