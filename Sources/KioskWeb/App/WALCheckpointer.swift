import Foundation
import KioskCore
import ServiceLifecycle

/// Copies the write-ahead log into the database file in the background, on a connection of its own,
/// so that no scan's commit waits for it. SQLite would otherwise checkpoint inside the commit that
/// fills the log past 1,000 pages, and that scan's answer would wait for the copy and its fsync.
///
/// While the service runs, the writer's own checkpoints are off; when it stops they are back on.
struct WALCheckpointer: Service {
    let database: AppDatabase
    let path: String
    var interval: Duration = .milliseconds(500)

    func run() async throws {
        let checkpointer = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
        try await database.setWriterCheckpoints(enabled: false)
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await Task.sleep(for: interval)
            // PASSIVE: copies what no reader still needs, never blocks the writer or readers.
            _ = try? await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
        try await database.setWriterCheckpoints(enabled: true)
    }
}
