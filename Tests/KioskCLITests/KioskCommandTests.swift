import Foundation
import KioskTesting
import Testing

/// The `kiosk` command as an administrator types it: clear one-line errors and non-zero exits.
@Suite struct KioskCommandTests {
    private static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/kiosk").path
    private static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("kiosk-assets").path

    private func kiosk(_ arguments: [String], state: String, environment: [String: String] = [:]) throws -> ToolRun {
        try ToolRun(Self.binary, arguments + ["--state-dir", state, "--assets", Self.assets], environment: environment)
    }

    private func withState(_ body: (String) throws -> Void) throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        try body(state)
    }

    @Test func sitesAndModulesAreManagedFromTheShell() throws {
        try withState { state in
            #expect(try kiosk(["sites", "--add", "Q1", "--name", "Nhà Thiếu nhi Quận 1"], state: state).output.contains("Q1\tNhà Thiếu nhi Quận 1"))
            #expect(try kiosk(["modules", "enable", "events", "--site", "Q1"], state: state).status == 0)
            let list = try kiosk(["modules", "list"], state: state)
            #expect(list.output.contains("events\tSự kiện\tenabled at: Q1"))
            #expect(try kiosk(["modules", "disable", "events", "--site", "Q1"], state: state).status == 0)
            #expect(try kiosk(["modules", "list"], state: state).output.contains("events\tSự kiện\tenabled at: \n"))
            let migrations = try kiosk(["migrate"], state: state)
            #expect(migrations.output.contains("core/001"))
            #expect(migrations.output.contains("events/001"))
        }
    }

    @Test func mistakesAreOneClearLineAndANonZeroExit() throws {
        try withState { state in
            let unknown = try kiosk(["modules", "enable", "karaoke", "--site", "Q1"], state: state)
            #expect(unknown.status != 0)
            #expect(unknown.errors.contains("Error: no module 'karaoke'; installed: classes, events, library"))
            let noSite = try kiosk(["modules", "enable", "events", "--site", "Q9"], state: state)
            #expect(noSite.status != 0)
            #expect(noSite.errors.contains("Error: Centre not found."))
            let badCode = try kiosk(["sites", "--add", "q-1", "--name", "x"], state: state)
            #expect(badCode.status != 0)
            #expect(badCode.errors.contains("A centre code is 1–8 capital letters or digits."))
            let shortPassword = try kiosk(["admin", "create", "--username", "lan", "--name", "Lan"], state: state,
                                          environment: ["KIOSK_ADMIN_PASSWORD": "short"])
            #expect(shortPassword.status != 0)
            #expect(shortPassword.errors.contains("the password needs 10 to 72 characters"))
        }
    }

    @Test func anOlderKioskRefusesANewerDatabaseInOneLineAndWritesNothing() throws {
        try withState { state in
            // Given a database a newer kiosk migrated (one migration this binary does not know)
            #expect(try kiosk(["migrate"], state: state).status == 0)
            let path = URL(fileURLWithPath: state).appendingPathComponent("kiosk.sqlite").path
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('core/099 from the future')")
                try db.execute(sql: "UPDATE kioskVersion SET version = '9.1.0'")
            }
            let migrations = { try DatabaseQueue(path: path).read { db in
                (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                 try String.fetchOne(db, sql: "SELECT version FROM kioskVersion"))
            } }
            let before = try migrations()
            // Then migrate and serve refuse, with one line naming the version that wrote it
            for command in [["migrate"], ["serve", "--port", "0"]] {
                let run = try kiosk(command, state: state)
                #expect(run.status != 0)
                let lines = run.errors.split(separator: "\n")
                #expect(lines.count == 1, "\(command)")
                #expect(run.errors.contains("written by kiosk 9.1.0") && run.errors.contains("core/099 from the future"))
            }
            #expect(try migrations() == before)
        }
    }

    @Test func aCommandThatFailsSaysSoInOneLine() throws {
        try withState { state in
            let unknown = try kiosk(["modules", "enable", "karaoke", "--site", "Q1"], state: state)
            #expect(unknown.errors.split(separator: "\n") == ["Error: no module 'karaoke'; installed: classes, events, library, scholarships"])
            let task = try kiosk(["task", "karaoke/sing"], state: state)
            #expect(task.status != 0 && task.errors.contains("no task 'karaoke/sing'; installed:") && task.errors.contains("scholarships/retention"))
        }
    }

    @Test func aModulesBackgroundTaskRunsOnceFromTheCommandLine() throws {
        try withState { state in
            #expect(try kiosk(["demo"], state: state).status == 0)
            for command in [["task", "scholarships/retention"], ["scholarships", "retention"]] {
                let run = try kiosk(command, state: state)
                #expect(run.status == 0 && run.output.contains("scholarships/retention done"), "\(run.errors)")
            }
        }
    }

    @Test func ticketsAreVerifiedOfflineAndRenderedToFiles() throws {
        try withState { state in
            #expect(try kiosk(["demo"], state: state).status == 0)
            let keyFile = URL(fileURLWithPath: state).appendingPathComponent("keys/DEMO.key").path
            #expect(FileManager.default.fileExists(atPath: keyFile))
            let forged = try kiosk(["ticket", "verify", "NTN1.DEMO.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB"], state: state)
            #expect(forged.status != 0)
            #expect(forged.errors.contains("forged or altered"))
            let garbage = try kiosk(["ticket", "verify", "hello"], state: state)
            #expect(garbage.errors.contains("Error: not a ticket token"))
            let png = URL(fileURLWithPath: state).appendingPathComponent("t.png").path
            #expect(try ToolRun(Self.binary, ["ticket", "render", "NTN1.DEMO.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB", "--png", png]).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: png)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }
}
