import Hummingbird
import HummingbirdAuth
import KioskCore

/// What the staff session remembers: who logged in.
public struct StaffSession: Codable, Sendable {
    public let username: String
}

/// The request context of every route: the staff session, the parsed form, the CSRF token, the
/// logged-in staff member and the visitor's language.
public struct KioskRequestContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<StaffSession>
    /// The fields of a URL-encoded form body (empty for other requests).
    public var form = SubmittedForm()
    /// The files of a `multipart/form-data` body of an admin form, by field name.
    public var files: [String: UploadedFile] = [:]
    /// The CSRF token every form of this response carries.
    public var csrfToken: String = ""
    /// The staff member logged in, if any.
    public var staff: StaffMember?
    /// The language chosen with the toggle (a cookie), Vietnamese by default.
    public var language: Language = .default

    /// The address the request came from (the peer's IP), for throttling; behind a proxy, the proxy's.
    public let clientAddress: String

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.sessions = .init()
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The logged-in staff member, or an error sending the visitor to the login page.
    func requireStaff() throws -> StaffMember {
        guard let staff else { throw KioskError(.unauthorized, "error.login.required") }
        return staff
    }
}
