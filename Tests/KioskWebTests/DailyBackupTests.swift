import Foundation
import KioskCore
import KioskTesting
import KioskWeb
import Logging
import Testing

@Suite struct DailyBackupTests {
    @Test func theServiceBacksItselfUpOnItsOwnAndKeepsTheNewest() async throws {
        // Given a kiosk whose daily backup runs every 1.1 s here, keeping two
        let kiosk = try await TestKiosk.make()
        let folder = kiosk.directory.appendingPathComponent("usb")
        let service = DailyBackup(configuration: kiosk.services.configuration, directory: folder, keep: 2,
                                  logger: Logger(label: "test"), firstDelay: .milliseconds(100), interval: .milliseconds(1100))
        // When it has run three times (watched for at most 30 s: a loaded machine runs it late)
        let (seen, kept) = try await Self.watch(folder, until: 3, running: service)
        // Then the two newest are kept, each one that a restore accepts, and the first is gone
        #expect(seen.count >= 3)
        #expect(kept.count == 2)
        #expect(!kept.map(\.lastPathComponent).contains(seen.sorted().first!))
        for backup in kept {
            #expect(throws: Never.self) { try KioskBackup.check(backup, modules: [VisitsModule()]) }
        }
        kiosk.remove()
    }

    /// Runs the service until `count` backups have been seen in `folder`: the names seen, and the folders left.
    private static func watch(_ folder: URL, until count: Int, running service: DailyBackup) async throws -> (Set<String>, [URL]) {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            var seen = Set<String>()
            for _ in 0..<300 where seen.count < count {
                try await Task.sleep(for: .milliseconds(100))
                seen.formUnion(((try? KioskBackup.backups(in: folder)) ?? []).map(\.lastPathComponent))
            }
            group.cancelAll()
            return (seen, try KioskBackup.backups(in: folder))
        }
    }
}
