import ArgumentParser
import Foundation
import KioskCore
import KioskWeb
import KioskTickets

extension Kiosk {
    struct Ticket: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify or render a ticket token.", subcommands: [Verify.self, Render.self])

        struct Verify: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Check a token's signature with its site's key, offline.")
            @OptionGroup var state: StateOptions
            @Argument(help: "The token, as scanned.") var token: String

            func run() async throws {
                let parsed: TicketToken
                do {
                    parsed = try TicketToken.parse(ScannerInput.clean(token))
                } catch .unknownVersion {
                    throw CommandFailure("not a ticket of a version this program knows")
                } catch {
                    throw CommandFailure("not a ticket token")
                }
                let keyring = try SiteKeyring(directory: state.configuration().keysDirectory)
                guard FileManager.default.fileExists(atPath: keyring.keyFile(for: parsed.siteCode).path) else {
                    throw CommandFailure("no key for site \(parsed.siteCode) in \(state.stateDir)")
                }
                guard try TicketSigner(keyring: keyring).verify(parsed) else {
                    throw CommandFailure("forged or altered: the signature does not match site \(parsed.siteCode)'s key")
                }
                print("valid signature: site \(parsed.siteCode), kind \(parsed.kind), ticket \(parsed.id)")
            }
        }

        struct Render: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Draw a token's QR code as PNG, SVG, or in the terminal.")
            @Argument(help: "The token.") var token: String
            @Option(help: "Write a PNG here.") var png: String?
            @Option(help: "Write an SVG here.") var svg: String?

            func run() throws {
                let matrix = try QRMatrix(ScannerInput.clean(token))
                if let png { try Data(try QRRenderer.png(matrix)).write(to: URL(fileURLWithPath: png)) }
                if let svg { try Data(QRRenderer.svg(matrix).utf8).write(to: URL(fileURLWithPath: svg)) }
                if png == nil, svg == nil { print(QRRenderer.terminal(matrix), terminator: "") }
            }
        }
    }
}
