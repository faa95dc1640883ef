import ArgumentParser
import KioskCore
import KioskWeb

extension Kiosk {
    struct Sites: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the sites, or add one.")

        @OptionGroup var state: StateOptions

        @Option(help: "Add a site with this code (1 to 8 upper-case letters or digits).")
        var add: String?

        @Option(help: "The new site's name.")
        var name: String?

        func validate() throws {
            if add != nil, name == nil { throw CommandFailure("--add needs --name") }
        }

        func run() async throws {
            let services = try await state.services()
            if let add, let name {
                do {
                    _ = try await services.database.createSite(code: add, name: name, actor: "cli", at: services.clock.now)
                } catch let error as KioskError {
                    throw CommandFailure(describe(error, services))
                }
            }
            for site in try await services.database.sites() {
                let enabled = try await services.database.enabledModules(siteID: site.id!)
                print("\(site.code)\t\(site.name)\t\(enabled.sorted().map(\.rawValue).joined(separator: ","))")
            }
        }
    }
}
