/// Work a module does by itself while the service runs: holds that expire, reminders, deleting what
/// a retention rule no longer allows to keep. The host runs each task at the start and then every
/// `interval`, beside the server (swift-service-lifecycle, like the WAL checkpointer), stops it with
/// the server, and logs a run that fails (its error kind, never data) and tries again next time.
public struct ModuleTask: Sendable {
    /// A name for the log (`visits/retention`).
    public let name: String
    /// The wait between two runs.
    public let interval: Duration
    /// One run.
    public let run: @Sendable (ModuleTaskContext) async throws -> Void

    public init(name: String, every interval: Duration, run: @escaping @Sendable (ModuleTaskContext) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.run = run
    }
}

/// What a module's task works with.
public struct ModuleTaskContext: Sendable {
    public let database: AppDatabase
    public let clock: KioskClock

    public init(database: AppDatabase, clock: KioskClock) {
        self.database = database
        self.clock = clock
    }
}
