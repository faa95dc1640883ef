import ArgumentParser
import KioskCore
import KioskWeb

/// The `kiosk` command: serves the kiosk and runs its administration from a shell.
@main
struct Kiosk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The Nhà Thiếu nhi kiosk service: family kiosk, staff scan station and admin pages.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Sites.self, Modules.self, Admin.self, Ticket.self, Backup.self, Restore.self, RunTask.self, Scholarships.self]
    )
}
