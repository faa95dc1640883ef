import ArgumentParser
import KioskCore
import KioskWeb

extension Kiosk {
    struct Modules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the installed modules, or enable or disable one at a site.",
            subcommands: [List.self, Enable.self, Disable.self],
            defaultSubcommand: List.self
        )

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the installed modules and where they are enabled.")
            @OptionGroup var state: StateOptions

            func run() async throws {
                let services = try await state.services()
                let sites = try await services.database.sites()
                for module in services.registry.modules {
                    var enabledAt: [String] = []
                    for site in sites where try await services.database.enabledModules(siteID: site.id!).contains(module.id) {
                        enabledAt.append(site.code)
                    }
                    print("\(module.id)\t\(services.localizer.string(module.title, .vi))\tenabled at: \(enabledAt.joined(separator: ","))")
                }
            }
        }

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Enable a module at a site, at once.")
            @OptionGroup var toggle: ToggleOptions
            func run() async throws { try await toggle.set(enabled: true) }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable a module at a site, at once; none of its data is deleted.")
            @OptionGroup var toggle: ToggleOptions
            func run() async throws { try await toggle.set(enabled: false) }
        }

        struct ToggleOptions: ParsableArguments {
            @OptionGroup var state: StateOptions
            @Argument(help: "The module's id.") var module: String
            @Option(help: "The site's code.") var site: String

            func set(enabled: Bool) async throws {
                let services = try await state.services()
                let moduleID = ModuleID(rawValue: module)
                guard services.registry.module(moduleID) != nil else {
                    throw CommandFailure("no module '\(module)'; installed: \(services.registry.ids.map(\.rawValue).joined(separator: ", "))")
                }
                do {
                    let site = try await services.database.site(code: site)
                    try await services.database.setModule(moduleID, enabled: enabled, siteID: site.id!, actor: "cli", at: services.clock.now)
                } catch let error as KioskError {
                    throw CommandFailure(describe(error, services))
                }
                print("\(module) \(enabled ? "enabled" : "disabled") at \(site)")
            }
        }
    }
}
