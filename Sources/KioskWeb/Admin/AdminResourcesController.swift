import Foundation
import Hummingbird
import KioskCore

/// Renders every module's admin resources with one list and one form template, at
/// `/admin/<site>/m/<module>/<resource>`. A module that is disabled at the site answers 404 here.
struct AdminResourcesController {
    let services: KioskServices

    func add(to routes: RouteCollection<KioskRequestContext>) {
        routes.get(":site/m/:module/:resource", use: list)
        routes.get(":site/m/:module/:resource/new", use: newForm)
        routes.post(":site/m/:module/:resource/new", use: save)
        routes.get(":site/m/:module/:resource/:id", use: editForm)
        routes.post(":site/m/:module/:resource/:id", use: save)
        routes.get(":site/m/:module/:resource/:id/export/:export", use: export)
        routes.get(":site/m/:module/:resource/:id/page", use: page)
        routes.post(":site/m/:module/:resource/:id/page", use: perform)
    }

    @Sendable func list(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, module, resource) = try await resolve(context)
        let rows = try await services.database.read { db in try resource.list(site, db) }
        let language = context.language
        return services.page(context: context, title: resource.title, template: "admin-list", values: base(site, module, resource, language).merging([
            "columns": resource.listColumns.map { services.localizer.string(resource.label(of: $0) ?? .literal(vi: $0.name), language) },
            "rows": rows.map { row in
                ["id": row.id, "cells": resource.listColumns.map { row.values[$0.name] ?? "" }, "hasPage": resource.page != nil,
                 "exports": resource.exports.map { ["name": $0.name, "label": services.localizer.string($0.label, language)] }] as [String: Any]
            },
        ]) { $1 }, surface: .admin)
    }

    @Sendable func newForm(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, module, resource) = try await resolve(context)
        return try await form(site, module, resource, id: nil, values: [:], error: nil, context)
    }

    @Sendable func editForm(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, module, resource) = try await resolve(context)
        let id = try context.parameters.require("id", as: Int64.self)
        guard let values = try await services.database.read({ db in try resource.load(id, site, db) }) else {
            throw HTTPError(.notFound)
        }
        return try await form(site, module, resource, id: id, values: values, error: nil, context)
    }

    @Sendable func save(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, module, resource) = try await resolve(context)
        let (_, staff) = try await adminSite(context, services)
        let id = context.parameters.get("id", as: Int64.self)
        let values = context.form.filter { !$0.key.hasPrefix("_") }
        do {
            try await audited(site, module, resource, staff, action: "save") { actionContext, db in
                (try resource.save(id, values, actionContext, db), "")
            }
            return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/m/\(module.id)/\(resource.name)"])
        } catch let error as KioskError {
            var response = try await form(site, module, resource, id: id, values: values, error: error, context)
                .response(from: request, context: context)
            response.status = .badRequest
            return response
        }
    }

    @Sendable func export(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, _, resource) = try await resolve(context)
        let id = try context.parameters.require("id", as: Int64.self)
        let name = try context.parameters.require("export")
        guard let export = resource.exports.first(where: { $0.name == name }) else { throw HTTPError(.notFound) }
        let file = try await services.database.read { db in try export.make(id, site, db) }
        return download(file.body, filename: file.filename, type: file.contentType, inline: file.inline)
    }

    private func selectOptions(_ options: [FieldOption], selected: String?, _ language: Language) -> [String: Any] {
        ["options": options.map { ["value": $0.value, "label": services.localizer.string($0.label, language), "selected": $0.value == selected] }]
    }

    func resolve(_ context: KioskRequestContext) async throws -> (Site, any KioskModule, AdminResource) {
        let (site, _) = try await adminSite(context, services)
        let moduleID = ModuleID(rawValue: try context.parameters.require("module"))
        let enabled = try await services.database.enabledModules(siteID: site.id!)
        guard enabled.contains(moduleID), let module = services.registry.module(moduleID),
              let resource = module.adminResources.first(where: { $0.name == context.parameters.get("resource") }) else {
            throw HTTPError(.notFound)
        }
        return (site, module, resource)
    }

    /// Runs a change of a module's resource in one transaction with its audit entry (who, which
    /// record, and the change's detail).
    func audited(_ site: Site, _ module: any KioskModule, _ resource: AdminResource, _ staff: StaffMember, action: String,
                 _ change: @escaping @Sendable (AdminActionContext, Database) throws -> (id: Int64, detail: String)) async throws {
        let actionContext = AdminActionContext(site: site, staffUsername: staff.account.username, at: services.clock.now,
                                               tickets: services.tickets)
        try await services.database.write { db in
            let (id, detail) = try change(actionContext, db)
            try AuditEntry(at: actionContext.at, siteId: site.id, actor: actor(staff), action: "\(module.id).\(resource.name).\(action)",
                           target: "\(resource.name)#\(id)", detail: detail).insert(db)
        }
    }

    func base(_ site: Site, _ module: any KioskModule, _ resource: AdminResource, _ language: Language) -> [String: Any] {
        ["site": ["code": site.code, "name": site.name], "module": module.id.rawValue, "resource": resource.name,
         "resourceTitle": services.localizer.string(resource.title, language)]
    }

    private func form(_ site: Site, _ module: any KioskModule, _ resource: AdminResource, id: Int64?, values: [String: String],
                      error: KioskError?, _ context: KioskRequestContext) async throws -> HTMLPage {
        let language = context.language
        let loaders = resource.fields.compactMap { field in
            if case .options(let load) = field.kind { (field.name, load) } else { nil }
        }
        let lookedUp = loaders.isEmpty ? [:] : try await services.database.read { db in
            try Dictionary(uniqueKeysWithValues: loaders.map { name, load in (name, try load(site, db)) })
        }
        let fields: [[String: Any]] = resource.fields.map { field in
            var entry: [String: Any] = ["name": field.name, "label": services.localizer.string(field.label, language),
                                        "value": values[field.name] ?? "", "required": field.required,
                                        "error": optional(error?.field == field.name ? services.localizer.string(error!.message, language) : nil)]
            switch field.kind {
            case .text(let max): entry["text"] = ["maxLength": max]
            case .multiline(let max): entry["multiline"] = ["maxLength": max]
            case .integer(let range): entry["integer"] = ["min": range.lowerBound, "max": range.upperBound]
            case .date: entry["date"] = true
            case .dateTime: entry["dateTime"] = true
            case .time: entry["time"] = true
            case .checkbox: entry["checkbox"] = ["checked": values[field.name] == "yes"]
            case .select(let options): entry["select"] = selectOptions(options, selected: values[field.name], language)
            case .options: entry["select"] = selectOptions(lookedUp[field.name] ?? [], selected: values[field.name], language)
            }
            return entry
        }
        let formError = error.flatMap { error in resource.fields.contains { $0.name == error.field } ? nil : services.localizer.string(error.message, language) }
        return services.page(context: context, title: resource.title, template: "admin-form", values: base(site, module, resource, language).merging([
            "id": id.map(String.init) ?? "new", "isNew": id == nil, "fields": fields, "error": optional(formError),
        ]) { $1 }, surface: .admin)
    }
}
