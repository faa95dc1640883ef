import Foundation
import Hummingbird
import KioskCore

/// Staff accounts of a site: list with their roles, create with a role, grant and take away roles
/// (the core's, and those of the modules enabled at the site), disable.
struct AdminStaffController {
    let services: KioskServices
    static let minimumPasswordLength = 10

    func add(to routes: RouteCollection<KioskRequestContext>) {
        routes.get(":site/staff", use: list)
        routes.post(":site/staff", use: create)
        routes.post(":site/staff/:id/disable", use: disable)
        routes.post(":site/staff/:id/grant", use: grant)
        routes.post(":site/staff/:id/revoke", use: revoke)
    }

    @Sendable func list(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, _) = try await adminSite(context, services)
        return try await page(site, context, error: nil, values: [:])
    }

    @Sendable func create(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        let form = context.form
        do {
            let password = form["password"] ?? ""
            guard (Self.minimumPasswordLength...72).contains(password.utf8.count) else {
                throw KioskError(.invalidInput, "error.password.length", String(Self.minimumPasswordLength), field: "password")
            }
            let role = try await grantable(form["role"], site: site)
            let hash = await PasswordHashing.hash(password)
            _ = try await services.database.createStaff(username: form["username"] ?? "", displayName: form["displayName"] ?? "",
                                                        passwordHash: hash, role: role, siteID: site.id!, actor: actor(staff),
                                                        at: services.clock.now)
            return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/staff"])
        } catch let error as KioskError {
            var response = try await page(site, context, error: error,
                                          values: ["username": form["username"] ?? "", "displayName": form["displayName"] ?? ""])
                .response(from: request, context: context)
            response.status = .badRequest
            return response
        }
    }

    @Sendable func disable(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        let id = try context.parameters.require("id", as: Int64.self)
        guard try await services.database.staffMembers(siteID: site.id!)
            .contains(where: { $0.account.id == id && $0.roles.contains { $0.siteId == site.id } }) else {
            throw KioskError(.notFound, "error.notFound")
        }
        try await services.database.disableStaff(id: id, actor: actor(staff), siteID: site.id!, at: services.clock.now)
        services.lookups.forgetStaff()
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/staff"])
    }

    @Sendable func grant(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        let role = try await grantable(context.form["role"], site: site)
        try await services.database.grantRole(role, accountID: try context.parameters.require("id", as: Int64.self), siteID: site.id!,
                                              actor: actor(staff), at: services.clock.now)
        services.lookups.forgetStaff()
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/staff"])
    }

    @Sendable func revoke(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        try await services.database.revokeRole(StaffRole.Role(rawValue: context.form["role"] ?? ""),
                                               accountID: try context.parameters.require("id", as: Int64.self), siteID: site.id!,
                                               actor: actor(staff), at: services.clock.now)
        services.lookups.forgetStaff()
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/staff"])
    }

    /// The roles a site's administrator may grant there: the core's, and those of its enabled modules.
    private func roles(at site: Site) async throws -> [(role: StaffRole.Role, title: LocalizedText)] {
        let enabled = try await services.database.enabledModules(siteID: site.id!)
        return services.registry.roles.filter { $0.role.moduleID.map(enabled.contains) ?? true }
    }

    private func grantable(_ name: String?, site: Site) async throws -> StaffRole.Role {
        guard let role = try await roles(at: site).first(where: { $0.role.rawValue == name })?.role else {
            throw KioskError(.invalidInput, "error.field.required", field: "role")
        }
        return role
    }

    private func page(_ site: Site, _ context: KioskRequestContext, error: KioskError?, values: [String: String]) async throws -> HTMLPage {
        let members = try await services.database.staffMembers(siteID: site.id!)
        let roles = try await roles(at: site)
        let title = { (role: StaffRole.Role) in
            services.localizer.string(services.registry.roles.first { $0.role == role }?.title ?? .literal(vi: role.rawValue), context.language)
        }
        return services.page(context: context, title: .key("admin.staff"), template: "admin-staff", values: [
            "site": ["code": site.code, "name": site.name],
            "members": members.map { member in
                let atSite = member.roles.filter { $0.siteId == site.id }
                let grantable = roles.filter { role in !atSite.contains { $0.role == role.role } }
                return ["id": member.account.id!, "username": member.account.username, "displayName": member.account.displayName,
                        "roles": member.roles.map { ["name": $0.role.rawValue, "title": title($0.role), "allSites": $0.siteId == nil,
                                                     "revocable": $0.siteId == site.id && atSite.count > 1] as [String: Any] },
                        "grantable": grantable.map { ["name": $0.role.rawValue, "title": title($0.role)] }, "canGrant": !grantable.isEmpty,
                        "ofSite": !atSite.isEmpty, "disabled": member.account.disabledAt != nil] as [String: Any]
            },
            "roles": roles.map { ["name": $0.role.rawValue, "title": title($0.role)] },
            "error": optional(error.map { services.localizer.string($0.message, context.language) }),
            "username": values["username"] ?? "", "displayName": values["displayName"] ?? "",
        ], surface: .admin)
    }
}
