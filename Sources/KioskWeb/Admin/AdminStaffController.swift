import Foundation
import Hummingbird
import KioskCore

/// Staff accounts of a site: list, create with a role, disable.
struct AdminStaffController {
    let services: KioskServices
    static let minimumPasswordLength = 10

    func add(to routes: RouteCollection<KioskRequestContext>) {
        routes.get(":site/staff", use: list)
        routes.post(":site/staff", use: create)
        routes.post(":site/staff/:id/disable", use: disable)
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
            guard let role = StaffRole.Role(rawValue: form["role"] ?? "") else {
                throw KioskError(.invalidInput, "error.field.required", field: "role")
            }
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
        guard try await services.database.staffMembers(siteID: site.id!).contains(where: { $0.account.id == id && $0.role.siteId == site.id }) else {
            throw KioskError(.notFound, "error.notFound")
        }
        try await services.database.disableStaff(id: id, actor: actor(staff), siteID: site.id!, at: services.clock.now)
        services.lookups.forgetStaff()
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/staff"])
    }

    private func page(_ site: Site, _ context: KioskRequestContext, error: KioskError?, values: [String: String]) async throws -> HTMLPage {
        let members = try await services.database.staffMembers(siteID: site.id!)
        return services.page(context: context, title: .key("admin.staff"), template: "admin-staff", values: [
            "site": ["code": site.code, "name": site.name],
            "members": members.map { member in
                ["id": member.account.id!, "username": member.account.username, "displayName": member.account.displayName,
                 "role": services.localizer.string("role.\(member.role.role.rawValue)", context.language),
                 "allSites": member.role.siteId == nil, "disabled": member.account.disabledAt != nil] as [String: Any]
            },
            "error": optional(error.map { services.localizer.string($0.message, context.language) }),
            "username": values["username"] ?? "", "displayName": values["displayName"] ?? "",
        ], surface: .admin)
    }
}
