import Dispatch
import Synchronization

/// Group commit for scans: scans that arrive while a commit is on its way to disk are judged
/// together in the next transaction, each in its own savepoint, and every verdict is returned only
/// after that transaction is durable. One fsync then serves a whole crowd at the gate, and a scan
/// that fails rolls back alone. When the disk refuses the commit (full, read-only), the verdicts
/// judged are still answered, marked not recorded: the gate keeps working and says it is not saving.
///
/// Batches run one after another on a serial dispatch queue of their own, which writes through
/// GRDB's synchronous API: the scan's task waits once, for its verdict, and the batch runs on one
/// thread from judging to fsync.
final class ScanCommitQueue: Sendable {
    typealias Work = @Sendable (Database) throws -> ScanVerdict
    private typealias Item = (work: Work, continuation: CheckedContinuation<ScanVerdict, any Error>)

    private let writer: any DatabaseWriter
    private let queue = DispatchQueue(label: "kiosk.scan-commits")
    /// The scans waiting for the next batch, and whether a drain is scheduled or running.
    private let pending = Mutex<(items: [Item], draining: Bool)>(([], false))

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `work` in the next batch and returns its verdict once the batch is committed.
    func submit(_ work: @escaping Work) async throws -> ScanVerdict {
        try await withCheckedThrowingContinuation { continuation in
            let startsDrain = pending.withLock { state in
                state.items.append((work, continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if startsDrain {
                queue.async { self.drain() }
            }
        }
    }

    /// Commits batches until no scan is waiting.
    private func drain() {
        while true {
            let batch = pending.withLock { state in
                let batch = state.items
                state.items = []
                state.draining = !batch.isEmpty
                return batch
            }
            if batch.isEmpty { return }
            commit(batch)
        }
    }

    private func commit(_ batch: [Item]) {
        var judged: [Result<ScanVerdict, any Error>]?
        do {
            let results = try writer.write { db in
                let results = batch.map { item in
                    Result<ScanVerdict, any Error> {
                        var verdict: ScanVerdict?
                        try db.inSavepoint {
                            verdict = try item.work(db)
                            return .commit
                        }
                        return verdict!
                    }
                }
                judged = results
                return results
            }
            for (item, result) in zip(batch, results) { item.continuation.resume(with: result) }
        } catch {
            let results = DiskFailure(error) == nil ? nil : judged
            for (index, item) in batch.enumerated() {
                guard let results, case .success(let verdict) = results[index] else {
                    item.continuation.resume(throwing: error)
                    continue
                }
                item.continuation.resume(returning: verdict.notRecorded)
            }
        }
    }
}
