import Foundation
import Hummingbird
import KioskCore
import Logging

/// Turns errors into answers a person can read, in their language: a page for browsers, JSON for
/// `/api`. A visitor who must log in is sent to the login page. Errors are logged by kind only,
/// never with what a family typed.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext
    let services: KioskServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as KioskError {
            if error.kind == .unauthorized, !request.uri.path.hasPrefix("/api"), !request.uri.path.hasPrefix("/kiosk") {
                let target = request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
                return Response(status: .seeOther, headers: [.location: "/login?next=\(target)"])
            }
            return try render(error.message, status: Self.status(error.kind), request: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try render(.key("error.notFound"), status: .notFound, request: request, context: context)
        } catch let error as HTTPError {
            return try render(.key("error.request"), status: error.status, request: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))", "path": "\(request.uri.path)"])
            return try render(.key("error.internal"), status: .internalServerError, request: request, context: context)
        }
    }

    private func render(_ message: LocalizedText, status: HTTPResponse.Status, request: Request, context: Context) throws -> Response {
        let text = services.localizer.string(message, context.language)
        if request.uri.path.hasPrefix("/api") {
            let body = try JSONEncoder().encode(["outcome": "refused", "title": text, "error": text])
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let page = services.page(context: context, title: .key("error.title"), template: "error", values: ["message": text])
        var response = try page.response(from: request, context: context)
        response.status = status
        return response
    }

    static func status(_ kind: KioskError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .invalidInput: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        default: .badRequest
        }
    }
}
