import HTTPTypes
import Hummingbird

/// Headers every answer carries: nothing from other origins (no CDN, no inline script), no framing,
/// no referrer to other origins (`same-origin`: with `no-referrer` a browser sends `Origin: null`
/// on its own forms, which `CSRFMiddleware` must refuse), and no caching of pages, so Back after an
/// idle reset shows nothing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if !request.uri.path.hasPrefix("/assets/") {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
