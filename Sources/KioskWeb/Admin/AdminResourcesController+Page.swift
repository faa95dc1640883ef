import Foundation
import Hummingbird
import KioskCore

/// A record's own page (`AdminResource.page`) at `/admin/<site>/m/<module>/<resource>/<id>/page`,
/// and its buttons, each performed in one transaction and recorded in the audit log.
extension AdminResourcesController {
    @Sendable func page(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (reader, module, resource) = try await resolve(context)
        let id = try context.parameters.require("id", as: Int64.self)
        let view = request.uri.queryParameters["view"].map(String.init)
        guard let load = resource.page,
              let page = try await read(reader, module, resource, target: "\(resource.name)#\(id)", detail: "page \(view ?? "")", { db in
                  try load(id, view, reader, db)
              }) else { throw HTTPError(.notFound) }
        let language = context.language
        let text = { (text: LocalizedText) in services.localizer.string(text, language) }
        let link = { (link: AdminLink) -> [String: Any] in ["label": text(link.label), "view": link.view] }
        let sections: [[String: Any]] = page.sections.map { section in
            [
                "title": text(section.title), "columns": section.columns.map(text), "hasRows": !section.rows.isEmpty,
                "empty": optional(section.empty.map(text)),
                "rows": section.rows.map { row in
                    ["cells": row.cells, "links": row.links.map(link),
                     "actions": row.actions.map { ["label": text($0.label), "key": $0.key, "style": $0.style.rawValue] }] as [String: Any]
                },
            ]
        }
        return services.page(context: context, title: page.title, template: "admin-page", values: base(reader, module, resource, language).merging([
            "id": id, "view": view ?? "", "pageTitle": text(page.title), "intro": page.intro.map(text),
            "links": page.links.map(link), "sections": sections,
        ]) { $1 }, surface: .admin)
    }

    @Sendable func perform(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (reader, module, resource) = try await resolve(context)
        let site = reader.site
        let id = try context.parameters.require("id", as: Int64.self)
        guard let perform = resource.perform, let key = context.form["key"], !key.isEmpty, key.utf8.count <= 200 else {
            throw KioskError(.invalidInput, "error.request")
        }
        try await audited(reader, module, resource, action: "action") { actionContext, db in
            try perform(id, key, actionContext, db)
            return (id, key)
        }
        let view = (context.form["view"] ?? "").addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
        return Response(status: .seeOther,
                        headers: [.location: "/admin/\(site.code)/m/\(module.id)/\(resource.name)/\(id)/page\(view.isEmpty ? "" : "?view=\(view)")"])
    }
}
