import ArgumentParser
import Foundation
import KioskCore
import Hummingbird
import KioskWeb

extension Kiosk {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the kiosk, the staff station and the admin pages.")

        @OptionGroup var state: StateOptions

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port: Int = 8080

        @Option(help: "Seconds without a touch before the kiosk forgets the family.")
        var idleTimeout: Int = 90

        @Flag(help: "Create the demo site on first start (when the database has no site).")
        var demo: Bool = false

        @Option(help: "A folder (a USB stick, say) to back up into every day, a minute after the start and then daily.")
        var backupDir: String?

        @Option(help: "How many daily backups to keep.")
        var backupKeep: Int = 7

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard (10...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 10 and 3600 seconds") }
            guard backupKeep >= 1 else { throw ValidationError("--backup-keep must be at least 1") }
        }

        func run() async throws {
            let services = try await state.services(host: host, port: port, idleTimeout: idleTimeout,
                                                    backupDirectory: backupDir.map { URL(fileURLWithPath: $0) }, backupsKept: backupKeep)
            if demo, try await DemoData.seedIfEmpty(services) {
                say("Created the demo site \(DemoData.siteCode).")
            }
            let sites = try await services.database.sites()
            let app = buildApplication(services) { port in
                let base = "http://\(host):\(port)"
                say("Kiosk service listening on \(base)")
                for site in sites {
                    say("  Kiosk (\(site.name)):  \(base)/kiosk/\(site.code)")
                    say("  Staff station:         \(base)/staff/\(site.code)")
                }
                say("  Admin:                 \(base)/admin")
                if demo {
                    say("  Demo logins: \(DemoData.adminUsername) / \(DemoData.adminPassword) (admin), "
                          + "\(DemoData.staffUsername) / \(DemoData.staffPassword) (staff)")
                    say("  Demo family: phone \(DemoData.guardianPhone), child born 01/06/2015")
                }
            }
            try await app.runService()
        }
    }
}

/// Writes a line to standard output at once (unbuffered), so the URLs show also when piped.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
