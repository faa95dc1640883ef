import Foundation
import Hummingbird
import KioskCore
import KioskTickets

/// Families of a site for administrators: search by name (tone-insensitive), a family's record
/// with its consent evidence, export on request (JSON, CSV), consent withdrawal, and erasure.
struct AdminFamiliesController {
    let services: KioskServices

    func add(to routes: RouteCollection<KioskRequestContext>) {
        routes.get(":site/families", use: search)
        routes.get(":site/families/:id", use: family)
        routes.get(":site/families/:id/export.json", use: exportJSON)
        routes.get(":site/families/:id/export.csv", use: exportCSV)
        routes.post(":site/families/:id/erase", use: erase)
        routes.get(":site/children/:id/card.png", use: card)
        routes.post(":site/children/:id/withdraw-consent", use: withdraw)
    }

    @Sendable func search(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, _) = try await adminSite(context, services)
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(100))
        let children = try await services.database.searchChildren(siteID: site.id!, query: query)
        let guardians = try await services.database.searchGuardians(siteID: site.id!, query: query)
        return services.page(context: context, title: .key("admin.families"), template: "admin-families", values: [
            "site": ["code": site.code, "name": site.name], "q": query, "searched": !query.isEmpty,
            "moreChildren": children.more, "moreGuardians": guardians.more,
            "children": children.found.map { ["familyId": $0.familyId, "name": $0.fullName, "birthDate": $0.birthDate.display, "school": $0.school] as [String: Any] },
            "guardians": guardians.found.map { ["familyId": $0.familyId, "name": $0.fullName, "phone": PhoneNumber($0.phone)?.masked ?? ""] as [String: Any] },
        ], surface: .admin)
    }

    @Sendable func family(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, _) = try await adminSite(context, services)
        let id = try context.parameters.require("id", as: Int64.self)
        let overview = try await services.database.familyOverview(familyID: id, site: site, tickets: services.tickets)
        let consents = try await services.database.read { db in
            try Consent.filter(overview.children.map { $0.person.id! }.contains(Column("childId"))).fetchAll(db)
        }
        return services.page(context: context, title: .key("admin.family"), template: "admin-family", values: [
            "site": ["code": site.code, "name": site.name], "familyId": id,
            "guardians": overview.guardians.map { ["name": $0.person.fullName, "phone": $0.person.phone,
                "relationship": services.localizer.string("relationship.\($0.person.relationship)", context.language)] },
            "children": overview.children.map { member in
                let child = member.person
                return ["id": child.id!, "name": child.fullName, "birthDate": child.birthDate.display, "school": child.school,
                        "grade": services.localizer.string("grade.\(child.grade)", context.language),
                        "withdrawn": optional(child.consentWithdrawnAt.map(LocalTime.display)),
                        "consents": consents.filter { $0.childId == child.id }.map {
                            ["purpose": $0.purpose, "givenBy": $0.givenBy, "textVersion": $0.textVersion, "kiosk": $0.kiosk, "at": LocalTime.display($0.givenAt)]
                        }] as [String: Any]
            },
        ], surface: .admin)
    }

    @Sendable func exportJSON(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let export = try await makeExport(context)
        return download(try export.json(), filename: "family-\(export.familyID).json", type: "application/json; charset=utf-8")
    }

    @Sendable func exportCSV(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let export = try await makeExport(context)
        return download(export.csv(), filename: "family-\(export.familyID).csv", type: "text/csv; charset=utf-8")
    }

    @Sendable func erase(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        let id = try context.parameters.require("id", as: Int64.self)
        guard context.form["confirm"] == "yes" else { throw KioskError(.invalidInput, "admin.eraseConfirmNeeded") }
        try await services.database.eraseFamily(familyID: id, siteID: site.id!, registry: services.registry,
                                                actor: actor(staff), at: services.clock.now)
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/families?erased=1"])
    }

    /// A child's member card as a printable PNG, to reprint a lost card.
    @Sendable func card(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        let id = try context.parameters.require("id", as: Int64.self)
        let tickets = services.tickets
        let found = try await services.database.read { db -> (Child, String)? in
            guard let child = try Child.fetchOne(db, key: id), child.siteId == site.id,
                  let token = try tickets.existing(.memberCard, subjectID: id, site: site, db) else { return nil }
            return (child, token.description)
        }
        guard let (child, token) = found else { throw KioskError(.notFound, "error.family.notFound") }
        let localizer = services.localizer, language = context.language
        let png = try services.cards.png(.init(token: token, siteName: site.name, title: localizer.string(TicketKind.memberCard.title, language),
                                               holder: child.fullName, detail: localizer.string("card.birthDate", language, child.birthDate.display)))
        try await services.database.audit("card.print", target: "child#\(id)", actor: actor(staff), siteID: site.id, at: services.clock.now)
        return Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    @Sendable func withdraw(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, staff) = try await adminSite(context, services)
        let id = try context.parameters.require("id", as: Int64.self)
        try await services.database.withdrawConsent(childID: id, siteID: site.id!, actor: actor(staff), at: services.clock.now)
        let familyID = try await services.database.read { db in try Child.fetchOne(db, key: id)?.familyId } ?? 0
        return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/families/\(familyID)"])
    }

    private func makeExport(_ context: KioskRequestContext) async throws -> FamilyExport {
        let (site, staff) = try await adminSite(context, services)
        let id = try context.parameters.require("id", as: Int64.self)
        return try await services.database.exportFamily(familyID: id, siteID: site.id!, registry: services.registry,
                                                        actor: actor(staff), at: services.clock.now)
    }
}

/// A file download, or a page shown in the browser when `inline`.
func download(_ bytes: [UInt8], filename: String, type: String, inline: Bool = false) -> Response {
    Response(status: .ok, headers: [.contentType: type, .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"\(filename)\""],
             body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}
