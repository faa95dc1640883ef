import Foundation
import Hummingbird

/// Refuses a path with a NUL or another control character once percent-decoded: such a path means
/// no page of ours, and a NUL would let the file lookup and the content type read different names
/// (`kiosk.js%00.html` served as HTML).
struct PathGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        guard !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw HTTPError(.badRequest)
        }
        return try await next(request, context)
    }
}
