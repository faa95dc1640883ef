import ArgumentParser
import Foundation
import KioskCore
import KioskWeb

/// Where the service keeps its state and finds its assets; shared by every subcommand.
struct StateOptions: ParsableArguments {
    @Option(help: "The state directory (database, ticket keys).")
    var stateDir: String = ProcessInfo.processInfo.environment["KIOSK_STATE_DIR"] ?? "./state"

    @Option(help: "The SQLite database file (default: <state-dir>/kiosk.sqlite).")
    var database: String?

    @Option(help: "The assets directory (templates, CSS, JS, locales).")
    var assets: String = ProcessInfo.processInfo.environment["KIOSK_ASSETS"] ?? "./kiosk-assets"

    func configuration(host: String = "127.0.0.1", port: Int = 8080, idleTimeout: Int = 90) -> KioskConfiguration {
        KioskConfiguration(host: host, port: port, stateDirectory: URL(fileURLWithPath: stateDir), databasePath: database,
                           assetsDirectory: URL(fileURLWithPath: assets), idleTimeout: idleTimeout)
    }

    /// The composed service with every installed module.
    func services(host: String = "127.0.0.1", port: Int = 8080, idleTimeout: Int = 90, backupDirectory: URL? = nil,
                  backupsKept: Int = 7) async throws -> KioskServices {
        var configuration = configuration(host: host, port: port, idleTimeout: idleTimeout)
        configuration.backupDirectory = backupDirectory
        configuration.backupsKept = backupsKept
        do {
            return try await KioskServices(configuration: configuration, modules: InstalledModules.all)
        } catch let error as ModuleRegistry.RegistrationError {
            throw CommandFailure(error.description)
        }
    }
}

/// One clear line for an error a person can act on.
func describe(_ error: KioskError, _ services: KioskServices) -> String {
    services.localizer.string(error.message, .en)
}
