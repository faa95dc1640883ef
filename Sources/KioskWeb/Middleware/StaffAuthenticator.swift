import Hummingbird
import HummingbirdAuth
import KioskCore

/// Finds the logged-in staff member of the session (`Lookups`: an account disabled on the admin
/// pages loses access at once) and reads the visitor's language from the `lang` cookie.
struct StaffAuthenticator: RouterMiddleware {
    typealias Context = KioskRequestContext
    let services: KioskServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let language = request.cookie("lang").flatMap(Language.init(rawValue:)) {
            context.language = language
        }
        if let session = context.sessions.session {
            context.staff = try await services.lookups.staffMember(username: session.username)
        }
        return try await next(request, context)
    }
}
