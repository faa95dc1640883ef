import Foundation
import Hummingbird
import KioskCore
import KioskWeb

/// The real service for tests: a temporary state directory with a real SQLite file (WAL), the
/// repository's assets, a fixed clock, and the demo site seeded. Remove it with `remove()`.
public struct TestKiosk: Sendable {
    public let services: KioskServices
    public let directory: URL
    public let site: Site

    /// 10:00 on 22/11/2026 in Vietnam.
    public static let defaultNow = Date(timeIntervalSince1970: 1_795_316_400)

    /// Builds the service.
    /// - Parameters:
    ///   - modules: the modules compiled in (the sample module by default).
    ///   - now: the fixed time.
    ///   - idleTimeout: seconds before a kiosk session is forgotten.
    ///   - seed: whether to create the demo site, accounts and family.
    public static func make(modules: [any KioskModule] = [VisitsModule()], now: Date = defaultNow, idleTimeout: Int = 90,
                            seed: Bool = true) async throws -> TestKiosk {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-test-\(UUID().uuidString)")
        let configuration = KioskConfiguration(host: "127.0.0.1", port: 0, stateDirectory: directory,
                                               assetsDirectory: assetsDirectory, idleTimeout: idleTimeout, kioskName: "test-kiosk")
        let services = try await KioskServices(configuration: configuration, modules: modules, clock: .fixed(now))
        if seed { try await DemoData.seedIfEmpty(services) }
        let site = seed ? try await services.database.site(code: DemoData.siteCode)
                        : Site(code: "NONE", name: "", createdAt: now)
        return TestKiosk(services: services, directory: directory, site: site)
    }

    /// The repository's `kiosk-assets`.
    public static var assetsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("kiosk-assets")
    }

    /// The service started again on the same state directory, as after a restart: the same
    /// database and keys, no kiosk session.
    public func restarted(modules: [any KioskModule] = [VisitsModule()], now: Date? = nil) async throws -> TestKiosk {
        let services = try await KioskServices(configuration: services.configuration, modules: modules,
                                               clock: now.map { .fixed($0) } ?? services.clock)
        return TestKiosk(services: services, directory: directory, site: site)
    }

    /// The web application on a free port of 127.0.0.1.
    public func application() -> some ApplicationProtocol {
        buildApplication(services)
    }

    /// The database file.
    public var databasePath: String { services.configuration.databasePath }

    /// Deletes the state directory.
    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
