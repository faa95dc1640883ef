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
    }

    @Sendable func list(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, module, resource) = try await resolve(context)
        let rows = try await services.database.read { db in try resource.list(site, db) }
        let language = context.language
        return services.page(context: context, title: resource.title, template: "admin-list", values: base(site, module, resource, language).merging([
            "columns": resource.listColumns.map { name in services.localizer.string(resource.fields.first { $0.name == name }?.label ?? .literal(vi: name), language) },
            "rows": rows.map { row in
                ["id": row.id, "cells": resource.listColumns.map { row.values[$0] ?? "" },
                 "exports": resource.exports.map { ["name": $0.name, "label": services.localizer.string($0.label, language)] }] as [String: Any]
            },
        ]) { $1 }, surface: .admin)
    }

    @Sendable func newForm(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, module, resource) = try await resolve(context)
        return form(site, module, resource, id: nil, values: [:], error: nil, context)
    }

    @Sendable func editForm(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (site, module, resource) = try await resolve(context)
        let id = try context.parameters.require("id", as: Int64.self)
        guard let values = try await services.database.read({ db in try resource.load(id, site, db) }) else {
            throw HTTPError(.notFound)
        }
        return form(site, module, resource, id: id, values: values, error: nil, context)
    }

    @Sendable func save(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (site, module, resource) = try await resolve(context)
        let (_, staff) = try await adminSite(context, services)
        let id = context.parameters.get("id", as: Int64.self)
        let values = context.form.filter { !$0.key.hasPrefix("_") }
        do {
            let saved = try await services.database.write { db in
                let saved = try resource.save(id, values, site, db)
                try AuditEntry(at: services.clock.now, siteId: site.id, actor: actor(staff), action: "\(module.id).\(resource.name).save",
                               target: "\(resource.name)#\(saved)").insert(db)
                return saved
            }
            _ = saved
            return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/m/\(module.id)/\(resource.name)"])
        } catch let error as KioskError {
            var response = try form(site, module, resource, id: id, values: values, error: error, context).response(from: request, context: context)
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

    private func resolve(_ context: KioskRequestContext) async throws -> (Site, any KioskModule, AdminResource) {
        let (site, _) = try await adminSite(context, services)
        let moduleID = ModuleID(rawValue: try context.parameters.require("module"))
        let enabled = try await services.database.enabledModules(siteID: site.id!)
        guard enabled.contains(moduleID), let module = services.registry.module(moduleID),
              let resource = module.adminResources.first(where: { $0.name == context.parameters.get("resource") }) else {
            throw HTTPError(.notFound)
        }
        return (site, module, resource)
    }

    private func base(_ site: Site, _ module: any KioskModule, _ resource: AdminResource, _ language: Language) -> [String: Any] {
        ["site": ["code": site.code, "name": site.name], "module": module.id.rawValue, "resource": resource.name,
         "resourceTitle": services.localizer.string(resource.title, language)]
    }

    private func form(_ site: Site, _ module: any KioskModule, _ resource: AdminResource, id: Int64?, values: [String: String],
                      error: KioskError?, _ context: KioskRequestContext) -> HTMLPage {
        let language = context.language
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
            case .checkbox: entry["checkbox"] = ["checked": values[field.name] == "yes"]
            case .select(let options):
                entry["select"] = ["options": options.map { ["value": $0.value, "label": services.localizer.string($0.label, language),
                                                               "selected": $0.value == values[field.name]] }]
            }
            return entry
        }
        let formError = error.flatMap { error in resource.fields.contains { $0.name == error.field } ? nil : services.localizer.string(error.message, language) }
        return services.page(context: context, title: resource.title, template: "admin-form", values: base(site, module, resource, language).merging([
            "id": id.map(String.init) ?? "new", "isNew": id == nil, "fields": fields, "error": optional(formError),
        ]) { $1 }, surface: .admin)
    }
}
