import Foundation

/// A backup of a deployment: a folder `kiosk-<yyyyMMdd-HHmmss>` holding a consistent copy of the
/// database (SQLite's online backup: the service keeps running and writing meanwhile), the
/// sites' ticket keys, without which no card or ticket would verify after a restore, and the files
/// about children (`attachments`, copied after the database, so every file it names is there). Everything in
/// it is readable by its owner only (folders 0700, files 0600): it holds every family's data.
public enum KioskBackup {
    /// Why a folder cannot be restored.
    public struct RefusedError: Error, CustomStringConvertible {
        public let description: String
    }

    static let databaseName = "kiosk.sqlite"
    static let keysName = "keys"
    static let attachmentsName = "attachments"
    static let prefix = "kiosk-"

    /// Backs up the database at `databasePath` and the keys in `keysDirectory` into a new folder
    /// under `directory`, keeping the `keep` newest backups there.
    /// - Returns: the new backup folder.
    @discardableResult
    public static func create(databasePath: String, keysDirectory: URL, into directory: URL, keep: Int, at now: Date) throws -> URL {
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = prefix + stamp(now)
        let partial = directory.appendingPathComponent(".\(name).partial")
        try? files.removeItem(at: partial)
        try files.createDirectory(at: partial, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let copy = partial.appendingPathComponent(databaseName)
        var configuration = Configuration()
        configuration.readonly = true
        let source = try DatabasePool(path: databasePath, configuration: configuration)
        let destination = try DatabaseQueue(path: copy.path)
        try source.backup(to: destination)
        try destination.close()
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy.path)
        try copyPrivately(keysDirectory, to: partial.appendingPathComponent(keysName))
        let attachments = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent(attachmentsName)
        if files.fileExists(atPath: attachments.path) {
            try copyPrivately(attachments, to: partial.appendingPathComponent(attachmentsName))
        }
        let done = directory.appendingPathComponent(name)
        try? files.removeItem(at: done)
        try files.moveItem(at: partial, to: done)
        for old in try backups(in: directory).dropFirst(max(1, keep)) { try files.removeItem(at: old) }
        return done
    }

    /// The backups under `directory`, newest first.
    public static func backups(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(prefix) }.sorted(by: >).map { directory.appendingPathComponent($0) }
    }

    /// Checks a backup folder before it is restored: a whole SQLite file (`integrity_check`) of
    /// this program's kind, no newer than this program, with a key for each site that has tickets.
    /// - Throws: `RefusedError` saying what is wrong.
    public static func check(_ backup: URL, modules: [any KioskModule]) throws {
        let database = backup.appendingPathComponent(databaseName), keys = backup.appendingPathComponent(keysName)
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw RefusedError(description: "\(backup.path) is no kiosk backup: it has no \(databaseName)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let sites: [String]
        do {
            let queue = try DatabaseQueue(path: database.path, configuration: configuration)
            sites = try queue.read { db in
                guard try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" else {
                    throw RefusedError(description: "\(database.path) is damaged (SQLite's integrity check fails)")
                }
                guard try db.tableExists("grdb_migrations"),
                      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains(where: { $0.hasPrefix("core/001") }) else {
                    throw RefusedError(description: "\(database.path) is not a kiosk database")
                }
                if try !AppDatabase.unknownMigrations(modules: modules, db).isEmpty {
                    throw RefusedError(description: "\(database.path) was written by a newer kiosk than this \(KioskVersion.current)")
                }
                // A site gets its key with its first ticket.
                return try String.fetchAll(db, sql: "SELECT code FROM site WHERE EXISTS (SELECT 1 FROM ticket WHERE ticket.siteId = site.id)")
            }
        } catch let error as RefusedError {
            throw error
        } catch {
            throw RefusedError(description: "\(database.path) is damaged or not a database (\((error as? DatabaseError)?.resultCode.description ?? "\(type(of: error))"))")
        }
        for site in sites where !FileManager.default.fileExists(atPath: keys.appendingPathComponent("\(site).key").path) {
            throw RefusedError(description: "the backup has no ticket key for site \(site): its cards would not verify")
        }
    }

    /// Restores a checked backup into the state: the database file replaced in one rename (its old
    /// log files removed), the keys copied over. The service must be stopped.
    public static func restore(_ backup: URL, databasePath: String, keysDirectory: URL, modules: [any KioskModule]) throws {
        try check(backup, modules: modules)
        let files = FileManager.default
        try files.createDirectory(at: URL(fileURLWithPath: databasePath).deletingLastPathComponent(), withIntermediateDirectories: true,
                                  attributes: [.posixPermissions: 0o700])
        let incoming = databasePath + ".restoring"
        try? files.removeItem(atPath: incoming)
        try files.copyItem(atPath: backup.appendingPathComponent(databaseName).path, toPath: incoming)
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: incoming)
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: databasePath + suffix) }
        guard rename(incoming, databasePath) == 0 else { throw RefusedError(description: "could not move the restored database into place") }
        try copyPrivately(backup.appendingPathComponent(keysName), to: keysDirectory)
        let attachments = backup.appendingPathComponent(attachmentsName)
        if files.fileExists(atPath: attachments.path) {
            try copyPrivately(attachments, to: URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent(attachmentsName))
        }
    }

    /// Copies every file of `source` into `target` (created if need be), the folder 0700 and each file 0600.
    private static func copyPrivately(_ source: URL, to target: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for name in try files.contentsOfDirectory(atPath: source.path) {
            let copy = target.appendingPathComponent(name)
            try? files.removeItem(at: copy)
            try files.copyItem(at: source.appendingPathComponent(name), to: copy)
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy.path)
        }
    }

    /// `20261201-173005`: Vietnam's date and time, so that names sort in time and read as the centre's clock.
    private static func stamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) % 60
        return LocalDate(date).iso.replacingOccurrences(of: "-", with: "") + "-"
            + LocalTime.clock(date).replacingOccurrences(of: ":", with: "") + ((seconds + 60) % 60).zeroPadded(2)
    }
}
