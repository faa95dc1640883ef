import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import KioskCore

/// Refuses a post that another page sent. Two checks, both before the handler runs:
/// - the browser's word: `Sec-Fetch-Site` must be `same-origin` (or `none`, typed by the person)
///   and an `Origin` must be this server's own; a page on another port of the same host is another
///   origin, though the same site for cookies;
/// - a token bound to the visitor's sessions: an HMAC, under a key of this process, of the `CSRF`
///   cookie (random, HttpOnly) and the staff and kiosk session cookies the request carries. A page
///   writes it into its forms (`_csrf`) and scripts send it as `X-CSRF-Token`. A cookie planted by
///   another page gives it no token it can compute, and a new login or kiosk session gives a new one.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext
    static let cookieName = "CSRF"
    /// The session cookies a token is bound to.
    static let boundCookies = ["STAFF_SESSION", KioskController.cookieName]
    private static let hexDigits = Set("0123456789abcdef".utf8)
    let key: SymmetricKey

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let existing = request.cookie(Self.cookieName).flatMap(Self.wellFormed)
        let visitor = existing ?? Self.newToken()
        let token = Self.token(visitor: visitor, sessions: Self.boundCookies.map { request.cookie($0) ?? "" }, key: key)
        context.csrfToken = token
        if request.method == .post {
            guard Self.sentByThisOrigin(request.headers, authority: request.head.authority) else {
                throw KioskError(.forbidden, "error.crossSite")
            }
            let presented = context.form["_csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            guard existing != nil, ConstantTime.equal(presented, token) else {
                throw KioskError(.forbidden, "error.csrf")
            }
        }
        var response = try await next(request, context)
        if existing == nil {
            response.setCookie(Cookie(name: Self.cookieName, value: visitor, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The token of a visitor with these session cookies.
    static func token(visitor: String, sessions: [String], key: SymmetricKey) -> String {
        let bound = ([visitor] + sessions).joined(separator: "|")
        let mac = HMAC<SHA256>.authenticationCode(for: Array(bound.utf8), using: key)
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the browser says the post comes from a page of this server (a client that says
    /// nothing, like curl, is judged by the token alone).
    static func sentByThisOrigin(_ headers: HTTPFields, authority: String?) -> Bool {
        if let site = headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" { return false }
        guard let origin = headers[.origin] else { return true }
        guard let authority, let schemeEnd = origin.range(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == authority.lowercased()
    }

    /// The token of a cookie when it has the shape of one (32 hex digits).
    static func wellFormed(_ value: String) -> String? {
        value.utf8.count == 32 && value.utf8.allSatisfy(hexDigits.contains) ? value : nil
    }

    static func newToken() -> String {
        RandomHex.make(bits: 128)
    }
}
