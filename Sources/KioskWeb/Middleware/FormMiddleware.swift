import Foundation
import Hummingbird
import KioskCore

/// Reads URL-encoded form bodies into `context.form`, once, for every handler. A body that is too
/// large, has too many fields, or is not valid UTF-8 (also after percent-decoding) is refused with
/// a localized error before any handler runs, so nothing is saved.
struct FormMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    static let maxBodyBytes = 64 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post,
              request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return try await next(request, context)
        }
        var context = context
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maxBodyBytes)
        } catch {
            throw KioskError(.invalidInput, "error.body.tooLarge")
        }
        context.form = try URLEncodedForm.parse(Array(buffer.readableBytesView))
        return try await next(request, context)
    }
}
