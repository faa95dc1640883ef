import ArgumentParser
import Foundation
import KioskCore
import KioskWeb

extension Kiosk {
    struct Admin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Manage administrator accounts.", subcommands: [Create.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create an administrator; the password is read from standard input (or KIOSK_ADMIN_PASSWORD).")

            @OptionGroup var state: StateOptions
            @Option(help: "The login name.") var username: String
            @Option(help: "The person's name.") var name: String
            @Option(help: "The site administered (default: every site).") var site: String?

            func run() async throws {
                let password = ProcessInfo.processInfo.environment["KIOSK_ADMIN_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
                guard (10...72).contains(password.utf8.count) else {
                    throw CommandFailure("the password needs 10 to 72 characters")
                }
                let services = try await state.services()
                do {
                    var siteID: Int64?
                    if let site { siteID = try await services.database.site(code: site).id }
                    _ = try await services.database.createStaff(username: username, displayName: name,
                                                                passwordHash: await PasswordHashing.hash(password), role: .admin,
                                                                siteID: siteID, actor: "cli", at: services.clock.now)
                } catch let error as KioskError {
                    throw CommandFailure(describe(error, services))
                }
                print("Created administrator \(username.lowercased()).")
            }
        }
    }
}
