import Foundation
import KioskCore
import KioskTickets

// Prints the service's speed and memory figures. Not a test: these machines are shared and noisy,
// so the figures are for reading, and ratios are taken within one run.
//
//   make bench        (builds in release mode, then runs this)

let arguments = BenchArguments(CommandLine.arguments)
print("Nhà Thiếu nhi kiosk — benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores)")

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }
let signer = TicketSigner(keyring: try SiteKeyring(directory: directory.appendingPathComponent("keys")))

// 1. Tokens signed and verified.
let tokenCount = 200_000
let signing = try measure(tokenCount) {
    let token = try signer.token(siteCode: "DEMO", kind: "MC", id: TicketSigner.newTicketID())
    guard try signer.verify(token) else { fatalError("a fresh token did not verify") }
}
report("tokens signed + verified", signing, unit: "tokens/s")

// 2. Sign + QR + PNG, the work of one member card's code; and the printable card.
let pngCount = 5_000
let plain = try measure(pngCount) {
    let token = try signer.token(siteCode: "DEMO", kind: "MC", id: TicketSigner.newTicketID())
    _ = try QRRenderer.png(QRMatrix(token.description), scale: 4)
}
report("sign + QR + PNG (scale 4)", plain, unit: "PNGs/s")
let cards = try TicketCardRenderer()
let cardRun = try measure(500) {
    let token = try signer.token(siteCode: "DEMO", kind: "MC", id: TicketSigner.newTicketID())
    _ = try cards.png(.init(token: token.description, siteName: "Nhà Thiếu nhi Quận 1", title: "Thẻ thành viên",
                            holder: "Nguyễn Văn An", detail: "Ngày sinh: 01/06/2015"))
}
report("printable card PNG", cardRun, unit: "cards/s")

// 3 and 4. The real server in its own process: start time, memory, and scans over HTTP from wrk.
let state = directory.appendingPathComponent("state")
let seeded = try await EventGateSeed.seed(state: state, assets: arguments.assets, count: arguments.tickets)
print(pad("seeded event tickets") + String(format: " %10d", arguments.tickets))
guard FileManager.default.isExecutableFile(atPath: arguments.kioskBinary) else {
    print("\(arguments.kioskBinary) is missing: build it first (swift build -c release --product kiosk)")
    exit(1)
}
// The seed knows only the event module; an upgrade runs `kiosk migrate` before the service starts.
_ = try runTool(arguments.kioskBinary, ["migrate", "--state-dir", state.path, "--assets", arguments.assets])
let server = try ServerProcess.start(kiosk: arguments.kioskBinary, assets: arguments.assets, state: state)
print(pad("start to /healthz") + String(format: " %10.1f ms", server.startMilliseconds))
print(pad("resident memory after start") + String(format: " %10.1f MB", server.residentMegabytes()))
defer { server.stop() }
let station = try await StationLogin.logIn(port: server.port)
let scan = try ScanLoad.run(server, station: station, seconds: arguments.seconds)
print(scan.line("POST /api/scan (member card, wrk)"))

// 5. The event gate: first scans of distinct tickets flat out, then at a steady 2,400 a second (the
// aim) on tickets no run has scanned, then the tickets of the first run again (amber).
let activity = "events/event:\(seeded.eventID)"
let first = try ScanLoad.run(server, station: station, seconds: arguments.seconds, tokensFile: seeded.tokensFile, activity: activity)
print(first.line("gate: first scans (green)"))
// Skips what the first run sent, and the scans still in flight when it stopped.
let unscanned = try EventGateSeed.tokens(seeded.tokensFile, skipping: 1 + first.requests + Pace.flatOut.stations, name: "unscanned")
let steady = try ScanLoad.run(server, station: station, seconds: arguments.seconds, pace: .steady(2_400),
                              tokensFile: unscanned, activity: activity)
print(steady.line("gate: first scans at 2,400/s"))
let duplicates = try ScanLoad.run(server, station: station, seconds: arguments.seconds,
                                  tokensFile: try EventGateSeed.tokens(seeded.tokensFile, skipping: 1, count: min(first.requests, 2000), name: "scanned"),
                                  activity: activity)
print(duplicates.line("gate: duplicate scans (amber)"))
print(pad("resident memory after the load") + String(format: " %10.1f MB", server.residentMegabytes()))
// Killed without warning: every green answer must already be on disk.
server.kill()
let durable = try EventGateSeed.checkedIn(state: state, eventID: seeded.eventID)
print(pad("gate answers: green / steady / amber") + " \(first.accepted) of \(first.requests) / \(steady.accepted) of \(steady.requests)"
      + " / \(duplicates.accepted) of \(duplicates.requests)")
print(pad("green answers / check-ins on disk") + " \(first.accepted + steady.accepted) / \(durable) after kill -9")

// 6. The scale run: families with five years of classes and events at each size, and the requests
// whose cost could follow the years rather than the day.
var scaleRuns: [ScaleRun] = []
for families in arguments.families {
    scaleRuns.append(try await ScaleRun.run(families: families, repeat: arguments.repeats, arguments: arguments, directory: directory))
}
if !scaleRuns.isEmpty {
    print("\nScale run: client-side p50 / p99 (\(arguments.repeats) requests each, half as many identifications and erasures)")
    print(ScaleTable.text(scaleRuns))
}

// 7. The library after years: loans at the desk and the kiosk, searches, the overdue list.
if let scale = arguments.library {
    print("\nLibrary run: client-side p50 / p99 (\(arguments.repeats) loans each way), sequential requests")
    try await LibraryRun.run(scale: scale, repeat: arguments.repeats, arguments: arguments, directory: directory)
}
