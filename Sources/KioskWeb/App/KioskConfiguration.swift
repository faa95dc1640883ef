import Foundation

/// How the service runs: where it listens, where it keeps its state, how long a kiosk waits.
public struct KioskConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 keeps the service on the kiosk box.
    public var host: String
    /// The port; 0 picks a free one (tests).
    public var port: Int
    /// The state directory: the database and the ticket keys live here.
    public var stateDirectory: URL
    /// The SQLite file; by default `<state>/kiosk.sqlite`.
    public var databasePath: String
    /// Templates, CSS, JS and locales.
    public var assetsDirectory: URL
    /// Seconds without a touch before the kiosk forgets everything.
    public var idleTimeout: Int
    /// This kiosk's name, recorded with consent.
    public var kioskName: String
    /// Where the service backs itself up every day (a USB stick, say); nil for no daily backup.
    public var backupDirectory: URL?
    /// How many daily backups to keep.
    public var backupsKept: Int = 7

    public init(host: String = "127.0.0.1", port: Int = 8080, stateDirectory: URL, databasePath: String? = nil,
                assetsDirectory: URL, idleTimeout: Int = 90, kioskName: String = "kiosk-1") {
        self.host = host
        self.port = port
        self.stateDirectory = stateDirectory
        self.databasePath = databasePath ?? stateDirectory.appendingPathComponent("kiosk.sqlite").path
        self.assetsDirectory = assetsDirectory
        self.idleTimeout = idleTimeout
        self.kioskName = kioskName
    }

    /// Where the sites' ticket keys are kept.
    public var keysDirectory: URL { stateDirectory.appendingPathComponent("keys") }
}
