/// Group commit for scans: scans that arrive while a commit is on its way to disk are judged
/// together in the next transaction, each in its own savepoint, and every verdict is returned only
/// after that transaction is durable. One fsync then serves a whole crowd at the gate, and a scan
/// that fails rolls back alone.
actor ScanCommitQueue {
    typealias Work = @Sendable (Database) throws -> ScanVerdict

    private let writer: any DatabaseWriter
    private var pending: [(work: Work, continuation: CheckedContinuation<ScanVerdict, any Error>)] = []
    private var draining = false

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `work` in the next batch and returns its verdict once the batch is committed.
    func submit(_ work: @escaping Work) async throws -> ScanVerdict {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((work, continuation))
            if !draining {
                draining = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let works = batch.map(\.work)
            do {
                let results = try await writer.write { db in
                    works.map { work in
                        Result<ScanVerdict, any Error> {
                            var verdict: ScanVerdict?
                            try db.inSavepoint {
                                verdict = try work(db)
                                return .commit
                            }
                            return verdict!
                        }
                    }
                }
                for (item, result) in zip(batch, results) { item.continuation.resume(with: result) }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        draining = false
    }
}
