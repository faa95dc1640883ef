import Foundation
import KioskCore
import Logging
import ServiceLifecycle

/// Backs the deployment up by itself: a minute after the start, then every day, into a folder such
/// as a USB stick, keeping the newest few (`KioskBackup`). A backup that fails is logged and tried
/// again an hour later; the service goes on.
public struct DailyBackup: Service {
    let configuration: KioskConfiguration
    let directory: URL
    let keep: Int
    let logger: Logger
    let firstDelay: Duration
    let interval: Duration
    let retry: Duration

    /// - Parameters:
    ///   - directory: the folder the backups go in.
    ///   - keep: how many to keep there.
    ///   - firstDelay, interval, retry: the wait before the first backup, between two, and after a failed one.
    public init(configuration: KioskConfiguration, directory: URL, keep: Int, logger: Logger, firstDelay: Duration = .seconds(60),
                interval: Duration = .seconds(24 * 3600), retry: Duration = .seconds(3600)) {
        self.configuration = configuration
        self.directory = directory
        self.keep = keep
        self.logger = logger
        self.firstDelay = firstDelay
        self.interval = interval
        self.retry = retry
    }

    public func run() async throws {
        var wait = firstDelay
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { [wait] in try await Task.sleep(for: wait) }
            guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
            do {
                let folder = try await backUp()
                logger.info("backed up", metadata: ["folder": "\(folder.path)"])
                wait = interval
            } catch {
                logger.error("backup failed", metadata: ["error": "\(ErrorKind.of(error))"])
                wait = retry
            }
        }
    }

    /// The copy runs on a thread of its own: a large database takes a while, and the scans go on.
    private func backUp() async throws -> URL {
        let (configuration, directory, keep) = (self.configuration, self.directory, self.keep)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result {
                    try KioskBackup.create(databasePath: configuration.databasePath, keysDirectory: configuration.keysDirectory,
                                           into: directory, keep: keep, at: Date())
                })
            }
        }
    }
}
