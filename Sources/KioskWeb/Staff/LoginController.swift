import Foundation
import Hummingbird
import HummingbirdAuth
import KioskCore
import Logging

/// Log in and out of the staff station and the admin pages.
struct LoginController {
    let services: KioskServices

    func add(to routes: RouteCollection<KioskRequestContext>) {
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
    }

    @Sendable func form(_ request: Request, context: KioskRequestContext) async throws -> HTMLPage {
        page(context, next: request.uri.queryParameters["next"].map(String.init) ?? "", error: nil)
    }

    @Sendable func login(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let username = (context.form["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = context.form["password"] ?? ""
        let next = Self.safeNext(context.form["next"])
        let client = context.clientAddress
        guard await services.loginThrottle.begin(client: client, username: username) else {
            var response = try page(context, next: next, error: .key("login.throttled")).response(from: request, context: context)
            response.status = .tooManyRequests
            return response
        }
        let member = try? await services.database.staffMember(username: username)
        let valid = await PasswordHashing.verify(password, hash: member?.account.passwordHash)
        await services.loginThrottle.finish(client: client, username: username, succeeded: valid)
        guard let member, valid else {
            // The audit names an account only when it exists: a username typed wrong may be a password.
            await audit("staff.login.failed", target: member.map { "staff:\($0.account.username)" } ?? "staff:unknown", actor: "anonymous",
                        context)
            var response = try page(context, next: next, error: .key("login.failed")).response(from: request, context: context)
            response.status = .unauthorized
            return response
        }
        // A new session id at every login; the one this browser had before is ended, not left valid.
        _ = try? await services.staffSessions.delete(request: request)
        context.sessions.createSession(StaffSession(username: member.account.username))
        await audit("staff.login", target: "staff:\(member.account.username)", actor: "staff:\(member.account.username)", context)
        // Administrators and holders of a module's role (a librarian) land on their pages, others at the station.
        let target = next.isEmpty ? (member.roles.contains { $0.role != .staff } ? "/admin" : "/staff") : next
        return Response(status: .seeOther, headers: [.location: target])
    }

    @Sendable func logout(_ request: Request, context: KioskRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return Response(status: .seeOther, headers: [.location: "/login"])
    }

    /// Records a login in the audit log; a disk that cannot be written does not keep staff out (a
    /// station still shows the verdicts it can judge), so the failure is logged instead.
    private func audit(_ action: String, target: String, actor: String, _ context: KioskRequestContext) async {
        do {
            try await services.database.audit(action, target: target, actor: actor, siteID: nil, at: services.clock.now)
        } catch {
            context.logger.error("login not audited", metadata: ["action": "\(action)", "error": "\(ErrorKind.of(error))"])
        }
    }

    private func page(_ context: KioskRequestContext, next: String, error: LocalizedText?) -> HTMLPage {
        services.page(context: context, title: .key("login.title"), template: "login", values: [
            "next": Self.safeNext(next), "error": optional(error.map { services.localizer.string($0, context.language) }),
        ])
    }

    /// Only a local path is followed after login, never another site: printable ASCII without
    /// spaces or backslashes (a browser drops a tab or a newline, so `/\t/evil.example` would become
    /// `//evil.example`), starting with one slash.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
              next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }) else { return "" }
        return next
    }
}
