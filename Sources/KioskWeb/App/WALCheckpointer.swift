import Foundation
import KioskCore
import ServiceLifecycle

/// Copies the write-ahead log into the database file in the background, on a connection of its own,
/// so that no scan's commit waits for it. SQLite would otherwise checkpoint inside the commit that
/// fills the log past 1,000 pages, and that scan's answer would wait for the copy and its fsync.
///
/// While the log grows it copies often, so each copy is small: a copy every 500 ms at a busy gate
/// held a core long enough to put the scans' p99 about a millisecond higher than a copy every 50 ms.
/// While nothing is written it looks once a second. The writer's own checkpoints are off while the
/// service runs, and on again when it stops.
struct WALCheckpointer: Service {
    let database: AppDatabase
    let path: String
    var busyInterval: Duration = .milliseconds(50)
    var idleInterval: Duration = .seconds(1)

    func run() async throws {
        let checkpointer = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
        try await database.setWriterCheckpoints(enabled: false)
        var interval = idleInterval
        var logFrames: Int?
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            // A stop ends the wait at once: the service stops without waiting out the interval.
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            // PASSIVE: copies what no reader still needs, never blocks the writer or readers.
            let frames = try? await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive).walFrameCount }
            interval = frames == logFrames ? idleInterval : busyInterval
            logFrames = frames
        }
        try await database.setWriterCheckpoints(enabled: true)
    }
}
