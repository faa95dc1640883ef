import ArgumentParser
import Foundation
import KioskCore
import KioskWeb

extension Kiosk {
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Back up the database and the ticket keys into a new folder, while the service runs.",
            discussion: "The folder (kiosk-<date>-<time>, mode 0700) can be on a USB stick. `kiosk serve --backup-dir` does this every day by itself.")

        @OptionGroup var state: StateOptions

        @Option(help: "The folder to put the backup in.")
        var to: String

        @Option(help: "How many backups to keep there; older ones are deleted.")
        var keep: Int = 7

        func validate() throws {
            guard keep >= 1 else { throw ValidationError("--keep must be at least 1") }
        }

        func run() async throws {
            let configuration = state.configuration()
            let folder = try KioskBackup.create(databasePath: configuration.databasePath, keysDirectory: configuration.keysDirectory,
                                                into: URL(fileURLWithPath: to), keep: keep, at: Date())
            say("Backed up to \(folder.path).")
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore a backup folder into the state directory. Stop the service first.",
            discussion: "A damaged file, a file that is no kiosk database, one a newer kiosk wrote, or one without its sites' keys is refused, and nothing is changed.")

        @OptionGroup var state: StateOptions

        @Argument(help: "The backup folder (kiosk-<date>-<time>).")
        var backup: String

        func run() async throws {
            let configuration = state.configuration()
            do {
                try KioskBackup.restore(URL(fileURLWithPath: backup), databasePath: configuration.databasePath,
                                        keysDirectory: configuration.keysDirectory, modules: InstalledModules.all)
            } catch let error as KioskBackup.RefusedError {
                throw CommandFailure(error.description)
            }
            say("Restored \(backup).")
        }
    }
}
