import KioskCore
import Logging
import ServiceLifecycle

/// Runs one module's background task beside the server: at the start, then every interval, until
/// the service stops. A run that fails is logged by its error's kind and tried again next time.
struct ModuleTaskRunner: Service {
    let task: ModuleTask
    let context: ModuleTaskContext
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await task.run(context)
            } catch {
                logger.error("module task failed", metadata: ["task": "\(task.name)", "error": "\(ErrorKind.of(error))"])
            }
            // A stop ends the wait at once.
            try? await cancelWhenGracefulShutdown { [interval = task.interval] in try await Task.sleep(for: interval) }
        }
    }
}
