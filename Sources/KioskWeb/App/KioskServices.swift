import Crypto
import Foundation
import Hummingbird
import HummingbirdAuth
import KioskCore
import KioskTickets
import Mustache

/// Everything a request handler needs, built once at start: the composition of the service.
public struct KioskServices: Sendable {
    public let configuration: KioskConfiguration
    public let database: AppDatabase
    public let registry: ModuleRegistry
    public let signer: TicketSigner
    public let tickets: TicketIssuer
    public let judge: ScanJudge
    public let localizer: Localizer
    public let clock: KioskClock
    /// The kiosk's flows and sessions, which the browser kiosk drives.
    public let engine: KioskEngine
    let templates: MustacheLibrary
    let cards: TicketCardRenderer
    let loginThrottle: LoginThrottle
    let lookups: Lookups
    /// The staff sessions, in memory: a restart logs everybody out.
    let staffSessions: SessionStorage<StaffSession>
    /// The key of this process's CSRF tokens.
    let csrfKey = SymmetricKey(size: .bits256)

    /// Opens the database (running migrations), loads the keys, locales and templates.
    public init(configuration: KioskConfiguration, modules: [any KioskModule], clock: KioskClock = .system) async throws {
        self.configuration = configuration
        self.registry = try ModuleRegistry(modules)
        try FileManager.default.createDirectory(at: configuration.stateDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        self.database = try AppDatabase(path: configuration.databasePath, modules: modules)
        // A file written for a save that never committed (a crash between the two) names no row.
        try await database.attachments?.sweep(database)
        self.signer = TicketSigner(keyring: try SiteKeyring(directory: configuration.keysDirectory))
        self.tickets = TicketIssuer(signer: signer, clock: clock)
        self.judge = ScanJudge(database: database, registry: registry, signer: signer, clock: clock)
        self.localizer = try Localizer(directory: configuration.assetsDirectory.appendingPathComponent("locales"))
        self.templates = try await MustacheLibrary(directory: configuration.assetsDirectory.appendingPathComponent("templates").path)
        self.cards = try TicketCardRenderer()
        self.clock = clock
        self.engine = KioskEngine(database: database, registry: registry, tickets: tickets, clock: clock, kioskName: configuration.kioskName,
                                  idleTimeout: .seconds(configuration.idleTimeout))
        self.loginThrottle = LoginThrottle()
        self.lookups = Lookups(database: database)
        self.staffSessions = SessionStorage(MemoryPersistDriver(), configuration: .init(sessionCookieParameters: .init(name: "STAFF_SESSION", sameSite: .strict)))
    }
}
