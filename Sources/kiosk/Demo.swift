import ArgumentParser
import KioskCore
import KioskWeb

extension Kiosk {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the demo site, its accounts and a demo family in an empty database.")

        @OptionGroup var state: StateOptions

        func run() async throws {
            let services = try await state.services()
            guard try await DemoData.seedIfEmpty(services) else {
                throw CommandFailure("the database already has sites; the demo is only created in an empty one")
            }
            print("Created site \(DemoData.siteCode); logins \(DemoData.adminUsername) and \(DemoData.staffUsername).")
        }
    }
}
