import ArgumentParser
import KioskCore
import KioskWeb

extension Kiosk {
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or upgrade the database, then list the migrations applied.")

        @OptionGroup var state: StateOptions

        func run() async throws {
            let services = try await state.services()
            for name in try await services.database.appliedMigrations() { print(name) }
        }
    }
}
