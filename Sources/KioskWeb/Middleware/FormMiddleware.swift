import Foundation
import Hummingbird
import KioskCore

/// Reads form bodies into `context.form`, once, for every handler: URL-encoded ones everywhere,
/// and `multipart/form-data` (an admin form with a file, into `context.files`) under `/admin/`
/// only. A body that is too large, has too many fields, or is not valid UTF-8 (also after
/// percent-decoding) is refused with a localized error before any handler runs, so nothing is saved.
struct FormMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    static let maxBodyBytes = 64 * 1024
    /// The most a form with files may send.
    static let maxUploadBytes = 10 * 1024 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        var request = request
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            context.form = try URLEncodedForm.parse(Array(try await body(&request, upTo: Self.maxBodyBytes).readableBytesView))
        } else if contentType.hasPrefix("multipart/form-data"), request.uri.path.hasPrefix("/admin/") {
            guard let boundary = MultipartForm.boundary(request.headers[.contentType] ?? "") else {
                throw KioskError(.invalidInput, "error.request")
            }
            (context.form, context.files) = try MultipartForm.parse(try await body(&request, upTo: Self.maxUploadBytes), boundary: boundary)
        }
        return try await next(request, context)
    }

    private func body(_ request: inout Request, upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.collectBody(upTo: limit)
        } catch {
            throw KioskError(.invalidInput, "error.body.tooLarge")
        }
    }
}
