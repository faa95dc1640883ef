import Foundation
import Hummingbird
import KioskCore

/// Renders every module's admin resources with one list and one form template, at
/// `/admin/<site>/m/<module>/<resource>`: the site's administrators and the holders of the
/// resource's roles open them. A module that is disabled at the site answers 404 here. Reads of a
/// sensitive resource are written to the audit log.
struct AdminResourcesController {
    let services: KioskServices
    /// The rows of a list page.
    static let pageSize = 50

    func add(to routes: RouteCollection<KioskRequestContext>) {
        routes.get(":site/m/:module/:resource", use: list)
        routes.get(":site/m/:module/:resource/export.csv", use: exportList)
        routes.get(":site/m/:module/:resource/print", use: printList)
        routes.get(":site/m/:module/:resource/labels", use: printLabels)
        routes.get(":site/m/:module/:resource/scanned", use: openScanned)
        routes.get(":site/m/:module/:resource/import", use: importForm)
        routes.post(":site/m/:module/:resource/import", use: importFile)
        routes.get(":site/m/:module/:resource/new", use: newForm)
        routes.post(":site/m/:module/:resource/new", use: save)
        routes.get(":site/m/:module/:resource/:id", use: editForm)
        routes.post(":site/m/:module/:resource/:id", use: save)
        routes.get(":site/m/:module/:resource/:id/export/:export", use: export)
        routes.get(":site/m/:module/:resource/:id/page", use: page)
        routes.get(":site/m/:module/:resource/:id/file/:field", use: file)
        routes.post(":site/m/:module/:resource/:id/page", use: perform)
    }

    @Sendable func list(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (reader, module, resource) = try await resolve(context)
        let filters = Self.filters(request, resource)
        let pageNumber = max(1, request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1)
        let query = AdminListQuery(filters: filters, offset: (pageNumber - 1) * Self.pageSize, limit: Self.pageSize)
        let list = try await read(reader, module, resource, target: resource.name, detail: "page \(pageNumber)") { db in
            try resource.list(query, reader, db)
        }
        let language = context.language
        let text = { (value: LocalizedText) in services.localizer.string(value, language) }
        let pages = max(1, (list.total + Self.pageSize - 1) / Self.pageSize)
        let chosen = filters.map { "f.\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.sorted()
        let link = { (page: Int) in "?" + (chosen + ["page=\(page)"]).joined(separator: "&") }
        return services.page(context: context, title: resource.title, template: "admin-list", values: base(reader, module, resource, language).merging([
            "columns": resource.listColumns.map { text(resource.label(of: $0) ?? .literal(vi: $0.name)) },
            "rows": list.rows.map { row in
                ["id": row.id, "cells": resource.cells(of: row, text), "hasPage": resource.page != nil,
                 "editable": resource.save != nil,
                 "exports": resource.exports.map { ["name": $0.name, "label": text($0.label)] }] as [String: Any]
            },
            "scannable": resource.opensTickets != nil && resource.page != nil,
            "notFound": request.uri.queryParameters["scanned"] == "unknown",
            "creatable": resource.save != nil && resource.creates, "importable": resource.importer != nil, "labelled": resource.labels != nil,
            "imported": optional(request.uri.queryParameters["imported"].flatMap { Int(String($0)) }
                .map { services.localizer.string(.key("admin.import.done", String($0)), language) }),
            "filters": resource.filters.map { filter in
                ["name": filter.name, "label": text(filter.label), "options": filter.options.map {
                    ["value": $0.value, "label": text($0.label), "selected": filters[filter.name] == $0.value]
                }] as [String: Any]
            },
            "hasFilters": !resource.filters.isEmpty,
            "exportQuery": chosen.joined(separator: "&"),
            "pageOf": services.localizer.string(.key("admin.pageOf", String(pageNumber), String(pages), String(list.total)), language),
            "previous": optional(pageNumber > 1 ? link(pageNumber - 1) : nil),
            "next": optional(pageNumber < pages ? link(pageNumber + 1) : nil),
        ]) { $1 }, surface: .admin)
    }

    /// The whole list, as the filters narrow it, for Excel: the list's columns with their heads.
    @Sendable func exportList(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (reader, module, resource) = try await resolve(context)
        let query = AdminListQuery(filters: Self.filters(request, resource))
        let list = try await read(reader, module, resource, target: resource.name, detail: "export") { db in try resource.list(query, reader, db) }
        var csv = CSVWriter(header: resource.listColumns.map { services.localizer.string(resource.label(of: $0) ?? .literal(vi: $0.name), context.language) })
        for row in list.rows { csv.append(resource.cells(of: row) { services.localizer.string($0, context.language) }) }
        return download(csv.bytes, filename: "\(module.id)-\(resource.name)-\(reader.site.code).csv", type: "text/csv; charset=utf-8")
    }

    /// The filters chosen in the query (`f.<name>=<value>`), among each filter's own options.
    static func filters(_ request: Request, _ resource: AdminResource) -> [String: String] {
        var chosen: [String: String] = [:]
        for filter in resource.filters {
            if let value = request.uri.queryParameters["f.\(filter.name)"].map(String.init), filter.options.contains(where: { $0.value == value }) {
                chosen[filter.name] = value
            }
        }
        return chosen
    }

    @Sendable func newForm(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (reader, module, resource) = try await resolve(context)
        guard resource.save != nil, resource.creates else { throw HTTPError(.notFound) }
        return try await form(reader, module, resource, id: nil, values: [:], error: nil, context)
    }

    @Sendable func editForm(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (reader, module, resource) = try await resolve(context)
        let id = try context.parameters.require("id", as: Int64.self)
        guard let values = try await read(reader, module, resource, target: "\(resource.name)#\(id)", detail: "record", { db in
            try resource.load(id, reader, db)
        }) else {
            throw HTTPError(.notFound)
        }
        return try await form(reader, module, resource, id: id, values: values, error: nil, context)
    }

    @Sendable func save(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (reader, module, resource) = try await resolve(context)
        guard let save = resource.save else { throw HTTPError(.notFound) }
        let site = reader.site
        let id = context.parameters.get("id", as: Int64.self)
        guard id != nil || resource.creates else { throw HTTPError(.notFound) }
        let values = context.form.fields.compactMapValues(\.last)
        do {
            // Only the files of the resource's own file fields reach the module.
            let files = context.files.filter { name, _ in resource.fields.contains { $0.name == name && $0.isFile } }
            try await audited(reader, module, resource, action: "save", files: files) { actionContext, db in
                (try save(id, values, actionContext, db), "")
            }
            return Response(status: .seeOther, headers: [.location: "/admin/\(site.code)/m/\(module.id)/\(resource.name)"])
        } catch let error as KioskError {
            var response = try await form(reader, module, resource, id: id, values: values, error: error, context)
                .response(from: request, context: context)
            response.status = .badRequest
            return response
        }
    }

    /// The file of a record's file field, to whoever may open the record (audited when sensitive):
    /// always as a download, in the type its bytes were checked to be.
    @Sendable func file(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (reader, module, resource) = try await resolve(context)
        let id = try context.parameters.require("id", as: Int64.self)
        let name = try context.parameters.require("field")
        guard resource.fields.contains(where: { $0.name == name && $0.isFile }), let attachments = services.database.attachments else {
            throw HTTPError(.notFound)
        }
        let found = try await read(reader, module, resource, target: "\(resource.name)#\(id)", detail: "file \(name)") { db in
            try resource.load(id, reader, db)?[name].flatMap(Int64.init).flatMap { try attachments.read($0, moduleID: module.id, db) }
        }
        guard let (attachment, bytes) = found else { throw HTTPError(.notFound) }
        let filename = attachment.filename.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0.value >= 0x20 }.map(String.init).joined()
        return download(bytes, filename: filename.isEmpty ? "file" : filename, type: attachment.type.mediaType)
    }

    @Sendable func export(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (reader, module, resource) = try await resolve(context)
        let id = try context.parameters.require("id", as: Int64.self)
        let name = try context.parameters.require("export")
        guard let export = resource.exports.first(where: { $0.name == name }) else { throw HTTPError(.notFound) }
        let file = try await read(reader, module, resource, target: "\(resource.name)#\(id)", detail: "export \(name)") { db in
            try export.make(id, reader, db)
        }
        return download(file.body, filename: file.filename, type: file.contentType, inline: file.inline)
    }

    private func selectOptions(_ options: [FieldOption], selected: String?, _ language: Language) -> [String: Any] {
        ["options": options.map { ["value": $0.value, "label": services.localizer.string($0.label, language), "selected": $0.value == selected] }]
    }

    /// The resource the path names, if its module is enabled at the site and the staff member may
    /// open it, with who reads it and when.
    func resolve(_ context: KioskRequestContext) async throws -> (AdminReadContext, any KioskModule, AdminResource) {
        let staff = try context.requireStaff()
        let site = try await services.database.site(code: context.parameters.require("site"))
        let moduleID = ModuleID(rawValue: try context.parameters.require("module"))
        let enabled = try await services.database.enabledModules(siteID: site.id!)
        guard enabled.contains(moduleID), let module = services.registry.module(moduleID),
              let resource = module.adminResources.first(where: { $0.name == context.parameters.get("resource") }) else {
            throw HTTPError(.notFound)
        }
        guard resource.isOpen(to: staff, siteID: site.id!) else { throw KioskError(.forbidden, "error.forbidden") }
        return (AdminReadContext(site: site, staff: staff, at: services.clock.now, today: services.clock.today), module, resource)
    }

    /// Reads a resource; a read of a sensitive one is written to the audit log in the same
    /// transaction (who, which records), so no sensitive read goes unrecorded.
    func read<Value: Sendable>(_ reader: AdminReadContext, _ module: any KioskModule, _ resource: AdminResource, target: String,
                               detail: String, _ body: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        guard resource.sensitive else { return try await services.database.read(body) }
        return try await services.database.write { db in
            let value = try body(db)
            try AuditEntry(at: reader.at, siteId: reader.site.id, actor: actor(reader.staff), action: "\(module.id).\(resource.name).read",
                           target: target, detail: detail).insert(db)
            return value
        }
    }

    /// Runs a change of a module's resource in one transaction with its audit entry (who, which
    /// record, or `target`, and the change's detail); returns what the change returned as its id.
    @discardableResult
    func audited(_ reader: AdminReadContext, _ module: any KioskModule, _ resource: AdminResource, action: String,
                 files: [String: UploadedFile] = [:], target: String? = nil,
                 _ change: @escaping @Sendable (AdminActionContext, Database) throws -> (id: Int64, detail: String)) async throws -> Int64 {
        let actionContext = AdminActionContext(site: reader.site, staff: reader.staff, at: reader.at, tickets: services.tickets,
                                               files: files, attachments: services.database.attachments)
        return try await services.database.write { db in
            let (id, detail) = try change(actionContext, db)
            try AuditEntry(at: actionContext.at, siteId: reader.site.id, actor: actor(reader.staff),
                           action: "\(module.id).\(resource.name).\(action)", target: target ?? "\(resource.name)#\(id)", detail: detail).insert(db)
            return id
        }
    }

    func base(_ reader: AdminReadContext, _ module: any KioskModule, _ resource: AdminResource, _ language: Language) -> [String: Any] {
        ["site": ["code": reader.site.code, "name": reader.site.name], "module": module.id.rawValue, "resource": resource.name,
         "resourceTitle": services.localizer.string(resource.title, language), "roleOnly": !reader.isAdmin]
    }

    private func form(_ reader: AdminReadContext, _ module: any KioskModule, _ resource: AdminResource, id: Int64?, values: [String: String],
                      error: KioskError?, _ context: KioskRequestContext) async throws -> HTMLPage {
        let language = context.language
        let site = reader.site
        var formFields = resource.fields
        if let id, let recordFields = resource.recordFields {
            formFields += try await services.database.read { db in try recordFields(id, reader, db) }
        }
        let loaders = formFields.compactMap { field in
            if case .options(let load) = field.kind { (field.name, load) } else { nil }
        }
        let lookedUp = loaders.isEmpty ? [:] : try await services.database.read { db in
            try Dictionary(uniqueKeysWithValues: loaders.map { name, load in (name, try load(site, db)) })
        }
        let fields: [[String: Any]] = formFields.map { field in
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
            case .file(let types, _):
                entry["file"] = ["accept": types.map(\.mediaType).joined(separator: ","),
                                 "current": optional(id != nil && !(values[field.name] ?? "").isEmpty ? "\(field.name)" : nil)]
            }
            return entry
        }
        let formError = error.flatMap { error in formFields.contains { $0.name == error.field } ? nil : services.localizer.string(error.message, language) }
        return services.page(context: context, title: resource.title, template: "admin-form", values: base(reader, module, resource, language).merging([
            "id": id.map(String.init) ?? "new", "isNew": id == nil, "fields": fields, "error": optional(formError),
            "multipart": resource.fields.contains { $0.isFile },
        ]) { $1 }, surface: .admin)
    }
}
