import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import KioskCore

/// Protects every form and JSON post with a double-submit token: a random `CSRF` cookie
/// (HttpOnly, SameSite=Strict) that each page writes into its forms (`_csrf`) and the station's
/// script sends as `X-CSRF-Token`. A post whose token does not match is refused before it runs.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext
    static let cookieName = "CSRF"
    private static let hexDigits = Set("0123456789abcdef".utf8)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let existing = request.cookie(Self.cookieName)
        let token = existing.flatMap(Self.wellFormed) ?? Self.newToken()
        context.csrfToken = token
        if request.method == .post {
            let presented = context.form["_csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            guard existing == token, Self.equal(presented, token) else {
                throw KioskError(.forbidden, "error.csrf")
            }
        }
        var response = try await next(request, context)
        if existing != token {
            response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The token of a cookie when it has the shape of one (32 hex digits).
    static func wellFormed(_ value: String) -> String? {
        value.utf8.count == 32 && value.utf8.allSatisfy(hexDigits.contains) ? value : nil
    }

    static func newToken() -> String {
        SymmetricKey(size: .bits128).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// Compares in constant time.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
