import Foundation
import Hummingbird
import KioskCore

/// A resource's CSV import (`AdminResource.importer`) at `/admin/<site>/m/<module>/<resource>/import`:
/// the file is read and every row checked, with each error and its line shown, before anything is
/// saved; the administrator then confirms, and the rows are saved in one audited transaction.
extension AdminResourcesController {
    @Sendable func importForm(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (reader, module, resource) = try await resolve(context)
        guard let importer = resource.importer else { throw HTTPError(.notFound) }
        return importPage(reader, module, resource, importer, context, values: [:])
    }

    @Sendable func importFile(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (reader, module, resource) = try await resolve(context)
        guard let importer = resource.importer else { throw HTTPError(.notFound) }
        let language = context.language
        let text = { (value: LocalizedText) in services.localizer.string(value, language) }
        // The file the first time; the same text, sent back from the preview, when confirmed.
        let bytes = context.files["file"]?.bytes ?? Array((context.form["csv"] ?? "").utf8)
        let rows: [(line: Int, values: [String: String])]
        do {
            rows = try importer.rows(try CSVReader.parse(bytes))
        } catch let error as KioskError {
            var response = try importPage(reader, module, resource, importer, context, values: ["error": text(error.message)])
                .response(from: request, context: context)
            response.status = .badRequest
            return response
        }
        let values = rows.map(\.values)
        let errors = try await services.database.read { db in try importer.check(values, reader, db) }
        let problems = zip(rows, errors).compactMap { row, error in
            error.map { ["line": row.line, "message": text($0.message)] as [String: Any] }
        }
        if problems.isEmpty, context.form["confirm"] == "yes" {
            let added = try await audited(reader, module, resource, action: "import", target: resource.name) { actionContext, db in
                guard try importer.check(values, reader, db).allSatisfy({ $0 == nil }) else { throw KioskError(.conflict, "error.csv.changed") }
                let added = try importer.apply(values, actionContext, db)
                return (Int64(added), "rows: \(values.count), added: \(added)")
            }
            return Response(status: .seeOther, headers: [.location: "/admin/\(reader.site.code)/m/\(module.id)/\(resource.name)?imported=\(added)"])
        }
        var response = try importPage(reader, module, resource, importer, context, values: [
            "rows": values.count, "problems": problems, "hasProblems": !problems.isEmpty,
            "confirm": optional(problems.isEmpty ? String(decoding: bytes, as: UTF8.self) : nil),
            "summary": text(problems.isEmpty ? .key("admin.import.ready", String(values.count))
                                             : .key("admin.import.problems", String(problems.count), String(values.count))),
        ]).response(from: request, context: context)
        response.status = problems.isEmpty ? .ok : .badRequest
        return response
    }

    private func importPage(_ reader: AdminReadContext, _ module: any KioskModule, _ resource: AdminResource, _ importer: AdminImport,
                            _ context: KioskRequestContext, values: [String: Any]) -> HTMLPage {
        services.page(context: context, title: resource.title, template: "admin-import",
                      values: base(reader, module, resource, context.language).merging(["columns": importer.columns.joined(separator: ";")]
                                                                                            .merging(values) { $1 }) { $1 },
                      surface: .admin)
    }
}
