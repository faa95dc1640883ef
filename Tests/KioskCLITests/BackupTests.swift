import Foundation
import KioskCore
import KioskTesting
import Testing

/// `kiosk backup` while the service runs and others write, `kiosk restore` onto a new box, and
/// the backups a restore must refuse.
@Suite struct BackupTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let binary = root.appendingPathComponent(".build/debug/kiosk").path
    private static let assets = root.appendingPathComponent("kiosk-assets").path

    private func kiosk(_ arguments: [String], state: String) throws -> ToolRun {
        try ToolRun(Self.binary, arguments + ["--state-dir", state, "--assets", Self.assets])
    }

    private func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aBackupTakenWhileTheServiceRunsAndOthersWriteRestoresOntoANewBox() async throws {
        let state = temporary("kiosk-live"), backups = temporary("kiosk-usb"), newBox = temporary("kiosk-new")
        defer { for path in [state, backups, newBox] { try? FileManager.default.removeItem(atPath: path) } }
        // Given a running service with the demo site
        #expect(try kiosk(["demo"], state: state).status == 0)
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.binary)
        server.arguments = ["serve", "--state-dir", state, "--assets", Self.assets, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var healthy = false
        for _ in 0..<100 where !healthy {
            healthy = (try? ToolRun("/usr/bin/curl", ["-s", "http://127.0.0.1:\(port)/healthz"]).output) == "ok"
            if !healthy { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(healthy)
        // and another writer adding sites all the while
        let writer = try AppDatabase(path: URL(fileURLWithPath: state).appendingPathComponent("kiosk.sqlite").path, modules: [])
        let load = Task {
            for n in 0..<300 where !Task.isCancelled {
                _ = try await writer.createSite(code: "L\(n)", name: "Tải \(n)", actor: "test", at: Date())
            }
        }
        // and a file about a child beside the database
        let attachments = URL(fileURLWithPath: state).appendingPathComponent("attachments")
        try FileManager.default.createDirectory(at: attachments, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: attachments.appendingPathComponent("5eed").path, contents: Data("giấy".utf8)))
        // When three backups are taken meanwhile, keeping two
        for _ in 0..<3 {
            #expect(try kiosk(["backup", "--to", backups, "--keep", "2"], state: state).status == 0)
            try await Task.sleep(for: .milliseconds(1100))  // one folder a second
        }
        load.cancel()
        _ = try? await load.value
        let kept = try KioskBackup.backups(in: URL(fileURLWithPath: backups))
        #expect(kept.count == 2)
        let newest = try #require(kept.first)
        #expect(try mode(newest.path) == 0o700)
        #expect(try mode(newest.appendingPathComponent("kiosk.sqlite").path) == 0o600)
        #expect(try mode(newest.appendingPathComponent("keys/DEMO.key").path) == 0o600)
        #expect(try mode(newest.appendingPathComponent("attachments/5eed").path) == 0o600)

        // Then it restores onto a new box: the demo family and the sites written before it are there, its cards verify
        let restore = try kiosk(["restore", newest.path], state: newBox)
        #expect(restore.status == 0, "\(restore.errors)")
        let restored = try AppDatabase(path: URL(fileURLWithPath: newBox).appendingPathComponent("kiosk.sqlite").path, modules: [])
        let (families, loadSites, card) = try await restored.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM family")!, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site WHERE code LIKE 'L%'")!,
             try TicketRecord.fetchOne(db, sql: "SELECT * FROM ticket WHERE kind = 'MC'")!)
        }
        #expect(families == 1 && loadSites > 0)
        let signer = TicketSigner(keyring: try SiteKeyring(directory: URL(fileURLWithPath: newBox).appendingPathComponent("keys")))
        let token = try signer.token(siteCode: "DEMO", kind: card.kind, id: card.id)
        #expect(try kiosk(["ticket", "verify", token.description], state: newBox).status == 0)
        let restoredFile = URL(fileURLWithPath: newBox).appendingPathComponent("attachments/5eed").path
        #expect(FileManager.default.contents(atPath: restoredFile) == Data("giấy".utf8))
        #expect(try mode(restoredFile) == 0o600)
    }

    @Test func aDamagedForeignOrKeylessBackupIsRefusedAndNothingChanges() async throws {
        let state = temporary("kiosk-live"), backups = temporary("kiosk-usb")
        defer { for path in [state, backups] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try kiosk(["demo"], state: state).status == 0)
        #expect(try kiosk(["backup", "--to", backups], state: state).status == 0)
        let backup = try #require(try KioskBackup.backups(in: URL(fileURLWithPath: backups)).first)
        let live = URL(fileURLWithPath: state).appendingPathComponent("kiosk.sqlite")
        let before = try Data(contentsOf: live)

        // Damaged: bytes overwritten in the middle of the copy
        let copy = backup.appendingPathComponent("kiosk.sqlite")
        let good = try Data(contentsOf: copy)
        var damaged = good
        damaged.replaceSubrange(4096..<min(damaged.count, 4096 * 3), with: Data(repeating: 0x5A, count: min(damaged.count, 4096 * 3) - 4096))
        try damaged.write(to: copy)
        var refused = try kiosk(["restore", backup.path], state: state)
        #expect(refused.status != 0 && refused.errors.split(separator: "\n").count == 1 && refused.errors.contains("damaged"))

        // Foreign: a SQLite file of something else
        try FileManager.default.removeItem(at: copy)
        let foreign = try DatabaseQueue(path: copy.path)
        try await foreign.write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)") }
        try foreign.close()
        refused = try kiosk(["restore", backup.path], state: state)
        #expect(refused.status != 0 && refused.errors.contains("not a kiosk database"))

        // Keyless: the cards would not verify
        try FileManager.default.removeItem(at: copy)
        try good.write(to: copy)
        try FileManager.default.removeItem(at: backup.appendingPathComponent("keys/DEMO.key"))
        refused = try kiosk(["restore", backup.path], state: state)
        #expect(refused.status != 0 && refused.errors.contains("no ticket key for site DEMO"))

        #expect(try Data(contentsOf: live) == before, "the live database was not touched")
    }
}
