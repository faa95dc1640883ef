import Foundation
import Logging

/// The one SQLite database of a deployment: sites, families, staff, tickets, the audit log, and
/// every module's tables.
///
/// Production opens a `DatabasePool` on a file (WAL, `synchronous=FULL`, foreign keys on,
/// `secure_delete` on so that erased data is overwritten). Methods are named after what they do,
/// each one transaction. Modules reach the database only through `read` and `write`.
public struct AppDatabase: Sendable {
    package let writer: any DatabaseWriter
    /// The files about children, beside the database file (`attachments/`); nil for a database in memory.
    public let attachments: AttachmentStore?

    /// Opens (or creates) the database file at `path` and runs every pending migration.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - modules: the modules whose migrations run after the core's.
    public init(path: String, modules: [any KioskModule]) throws {
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        // GRDB turns its writer to `synchronous = NORMAL` when it sets up WAL, after our
        // `prepareDatabase`: a commit would then reach the disk only at the next checkpoint, safe from
        // a killed process but not from a power cut. Every commit is synced.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try self.init(writer: pool, modules: modules,
                      attachments: AttachmentStore(directory: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("attachments")))
    }

    /// Wraps an open writer (a pool, or a queue in tests) and migrates it. A database that a newer
    /// program migrated (a migration of the core or of an installed module unknown here) is refused
    /// with `NewerDatabaseError`, before anything is written. The tables of a module no longer
    /// installed stay as they are.
    public init(writer: any DatabaseWriter, modules: [any KioskModule], attachments: AttachmentStore? = nil) throws {
        self.writer = writer
        self.attachments = attachments
        let migrator = Self.migrator(modules: modules)
        try writer.read { db in
            let unknown = try Self.unknownMigrations(modules: modules, db)
            guard !unknown.isEmpty else { return }
            throw NewerDatabaseError(path: writer.path, writtenBy: try? String.fetchOne(db, sql: "SELECT version FROM kioskVersion"),
                                     unknownMigrations: unknown)
        }
        try migrator.migrate(writer)
        try writer.write { db in
            if try String.fetchOne(db, sql: "SELECT version FROM kioskVersion") != KioskVersion.current {
                try db.execute(sql: "INSERT OR REPLACE INTO kioskVersion (id, version) VALUES (1, ?)", arguments: [KioskVersion.current])
            }
        }
    }

    /// Turns the writer's automatic checkpoints off while a background checkpointer runs, and on again.
    public func setWriterCheckpoints(enabled: Bool) async throws {
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(enabled ? 1000 : 0)") }
    }

    /// The configuration every connection gets.
    public static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA cache_size = -1024;")
        }
        return configuration
    }

    /// Migrations applied to the database by a newer program: of the core or of one of `modules`,
    /// and unknown here (those of a module no longer installed do not count).
    static func unknownMigrations(modules: [any KioskModule], _ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let migrator = Self.migrator(modules: modules)
        let owners = ["core"] + modules.map(\.id.rawValue)
        let known = Set(migrator.migrations)
        return try migrator.appliedIdentifiers(db).filter { identifier in
            !known.contains(identifier) && owners.contains { identifier.hasPrefix($0 + "/") }
        }.sorted()
    }

    static func migrator(modules: [any KioskModule]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        CoreMigrations.register(in: &migrator)
        for module in modules {
            var moduleMigrator = ModuleMigrator(moduleID: module.id, migrator: migrator)
            module.registerMigrations(in: &moduleMigrator)
            migrator = moduleMigrator.migrator
        }
        return migrator
    }

    /// Reads in one consistent snapshot.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }

    /// Writes in one transaction, committed to disk before this returns.
    public func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await writer.write(body)
    }

    /// The names of the migrations applied so far, in order.
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }
}

/// Registers a module's migrations under its id: `"001 create event"` becomes
/// `"event-check-in/001 create event"`. Migrations are never edited once shipped.
public struct ModuleMigrator {
    let moduleID: ModuleID
    var migrator: DatabaseMigrator

    /// Adds a named migration to run after the core's and earlier modules'.
    public mutating func register(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        migrator.registerMigration("\(moduleID.rawValue)/\(name)", migrate: migrate)
    }
}
