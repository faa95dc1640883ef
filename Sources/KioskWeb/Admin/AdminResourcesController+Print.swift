import Foundation
import Hummingbird
import KioskCore
import KioskTickets

/// Paper from any resource's list, as its filters narrow it: the whole list as a printable page
/// (`…/print`: the overdue books to call about, a class list), and for a resource that has them,
/// an A4 sheet of labels with QR codes (`…/labels`: copies of books). Reads of a sensitive
/// resource are audited as on screen.
extension AdminResourcesController {
    /// Labels on an A4 sheet: three across, eight down (the common 70 × 37 mm label paper).
    static let labelsPerSheet = 24

    @Sendable func printList(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (reader, module, resource) = try await resolve(context)
        let query = AdminListQuery(filters: Self.filters(request, resource))
        let list = try await read(reader, module, resource, target: resource.name, detail: "print") { db in try resource.list(query, reader, db) }
        let language = context.language
        let text = { (value: LocalizedText) in services.localizer.string(value, language) }
        return services.page(context: context, title: resource.title, template: "admin-print", values: base(reader, module, resource, language).merging([
            "printedAt": LocalTime.display(reader.at),
            "chosen": resource.filters.compactMap { filter in
                query.filter(filter.name).flatMap { value in filter.options.first { $0.value == value } }.map { "\(text(filter.label)): \(text($0.label))" }
            },
            "columns": resource.listColumns.map { text(resource.label(of: $0) ?? .literal(vi: $0.name)) },
            "rows": list.rows.map { row in ["cells": resource.cells(of: row, text)] },
            "count": list.rows.count,
        ]) { $1 })
    }

    @Sendable func printLabels(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        let (reader, module, resource) = try await resolve(context)
        guard let labels = resource.labels else { throw HTTPError(.notFound) }
        let query = AdminListQuery(filters: Self.filters(request, resource))
        let printed = try await read(reader, module, resource, target: resource.name, detail: "labels") { db in try labels(query, reader, db) }
        let drawn = try printed.map { label in
            // Our own SVG, made of rectangles only: the one unescaped value on the page.
            ["qr": QRRenderer.svg(try QRMatrix(label.code, correction: .medium), moduleSize: 4), "code": label.code, "lines": label.lines] as [String: Any]
        }
        let sheets = stride(from: 0, to: drawn.count, by: Self.labelsPerSheet).map { start in
            ["labels": Array(drawn[start..<min(start + Self.labelsPerSheet, drawn.count)])]
        }
        return services.page(context: context, title: resource.title, template: "admin-labels",
                             values: base(reader, module, resource, context.language).merging(["sheets": sheets, "count": drawn.count]) { $1 })
    }
}
