import Foundation
import Hummingbird
import KioskCore

/// The box above a list whose records hand out tickets (`AdminResource.opensTickets`): a scanner
/// types a receipt into it, and a genuine, live ticket of that kind and site opens its record's
/// page; anything else comes back to the list, which says the code was not recognised.
extension AdminResourcesController {
    @Sendable func openScanned(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let (reader, module, resource) = try await resolve(context)
        guard let kind = resource.opensTickets, resource.page != nil else { throw HTTPError(.notFound) }
        let list = "/admin/\(reader.site.code)/m/\(module.id)/\(resource.name)"
        let raw = request.uri.queryParameters["code"].map(String.init) ?? ""
        let signer = services.signer
        let subject = try await services.database.read { db -> Int64? in
            guard let token = try? TicketToken.parse(ScannerInput.clean(raw)), token.siteCode == reader.site.code, token.kind == kind.code,
                  try signer.verify(token), let ticket = try TicketRecord.find(db, id: token.id), ticket.siteId == reader.site.id,
                  ticket.kind == kind.code, ticket.revokedAt == nil else { return nil }
            return ticket.subjectID
        }
        return Response(status: .seeOther, headers: [.location: subject.map { "\(list)/\($0)/page" } ?? "\(list)?scanned=unknown"])
    }
}
