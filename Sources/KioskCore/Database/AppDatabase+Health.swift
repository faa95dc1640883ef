import Foundation

extension AppDatabase {
    /// Less free space than this under the state directory and the service says it cannot save.
    public static let minimumFreeBytes: Int64 = 20 * 1024 * 1024

    /// What stops the service from saving, if anything: the database must answer and take a write
    /// (one row, committed to disk as every write is), and the disk under `directory` have room.
    /// - Returns: nil when all is well, else a reason for a log or a monitor (no personal data).
    public func problem(directory: URL, at now: Date) async -> String? {
        do {
            try await write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO healthProbe (id, at) VALUES (1, ?)", arguments: [DatabaseTimestamp(now)])
            }
        } catch let error as DatabaseError {
            return "the database cannot be written (\(error.resultCode))"
        } catch {
            return "the database cannot be written (\(type(of: error)))"
        }
        guard let free = Self.freeBytes(directory) else { return "the free space of \(directory.path) is unknown" }
        guard free >= Self.minimumFreeBytes else { return "the disk is nearly full (\(free / 1024) KiB free)" }
        return nil
    }

    /// The bytes an unprivileged process may still write under `directory`.
    static func freeBytes(_ directory: URL) -> Int64? {
        var stats = statvfs()
        guard statvfs(directory.path, &stats) == 0 else { return nil }
        return Int64(stats.f_bavail) * Int64(stats.f_frsize)
    }
}
