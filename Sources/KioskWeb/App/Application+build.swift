import Foundation
import Hummingbird
import HummingbirdAuth
import KioskCore
import Logging
import ServiceLifecycle

/// Builds the web application: the composition root that `kiosk serve` and the tests both call.
/// - Parameters:
///   - services: the composed service.
///   - onServerRunning: called with the bound port once the server listens.
public func buildApplication(
    _ services: KioskServices,
    logger: Logger = Logger(label: "kiosk"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(services)
    return Application(
        router: router,
        configuration: .init(address: .hostname(services.configuration.host, port: services.configuration.port), serverName: "kiosk"),
        services: backgroundServices(services, logger: logger),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: logger
    )
}

/// What runs beside the server: the WAL checkpointer, the daily backup when a folder is set, and
/// each installed module's background tasks.
func backgroundServices(_ services: KioskServices, logger: Logger) -> [any Service] {
    var background: [any Service] = [WALCheckpointer(database: services.database, path: services.configuration.databasePath)]
    let context = ModuleTaskContext(database: services.database, clock: services.clock)
    background += services.registry.modules.flatMap(\.backgroundTasks).map { ModuleTaskRunner(task: $0, context: context, logger: logger) as any Service }
    if let directory = services.configuration.backupDirectory {
        background.append(DailyBackup(configuration: services.configuration, directory: directory, keep: services.configuration.backupsKept,
                                      logger: logger))
    }
    return background
}

/// The router with every route and middleware; tests drive it with `app.test(.router)` or `.live`.
public func buildRouter(_ services: KioskServices) -> Router<KioskRequestContext> {
    // HEAD answers as GET without the body (monitoring and link checkers ask so).
    let router = Router(context: KioskRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: ServerTimingMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(services: services))
    router.add(middleware: PathGuardMiddleware())
    router.add(middleware: FileMiddleware(services.configuration.assetsDirectory.path, urlBasePath: "/assets",
                                          searchForIndexHtml: false))
    router.add(middleware: FormMiddleware())
    router.add(middleware: CSRFMiddleware(key: services.csrfKey))
    router.add(middleware: SessionMiddleware(sessionStorage: services.staffSessions, defaultSessionExpiration: .seconds(12 * 3600)))
    router.add(middleware: StaffAuthenticator(services: services))
    // For systemd and monitoring: 200 "ok" while the service can save, else 503 and why.
    router.get("/healthz") { _, context -> Response in
        guard let problem = await services.database.problem(directory: services.configuration.stateDirectory, at: services.clock.now) else {
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        context.logger.error("cannot save", metadata: ["problem": "\(problem)"])
        return Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "not ok: \(problem)")))
    }
    router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/admin"]) }
    router.addRoutes(KioskController(services: services).endpoints, atPath: "/kiosk")
    router.addRoutes(StaffController(services: services).endpoints)
    router.addRoutes(AdminController(services: services).endpoints, atPath: "/admin")
    return router
}
