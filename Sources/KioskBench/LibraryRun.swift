import Foundation
import KioskCore

/// The library after years, through the release server: checkouts and returns at the desk's station
/// and at the kiosk endpoint (each answer durable before it is sent), catalogue searches, the overdue
/// list on screen and on paper, and memory after the load; then `kill -9`, and every loan answered
/// is on disk.
enum LibraryRun {
    static func run(scale: Double, repeat times: Int, arguments: BenchArguments, directory: URL) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let state = directory.appendingPathComponent("library")
        defer { try? FileManager.default.removeItem(at: state) }
        let seeded = try await LibrarySeed.seed(state: state, assets: arguments.assets, scale: scale)
        print(pad("library: seeded") + String(format: " %10.1f s   ", seeded.seconds) + seeded.summary)
        _ = try runTool(arguments.kioskBinary, ["migrate", "--state-dir", state.path, "--assets", arguments.assets])
        let server = try ServerProcess.start(kiosk: arguments.kioskBinary, assets: arguments.assets, state: state)
        defer { server.stop() }
        print(pad("library: start to /healthz") + String(format: " %10.1f ms", server.startMilliseconds))
        let base = "http://127.0.0.1:\(server.port)"
        let runStarted = Date()
        let station = try await StationLogin.logIn(port: server.port)
        let staff = CurlClient(base: base, options: ["-H", "Cookie: \(station.cookieHeader)", "-H", "X-CSRF-Token: \(station.csrf)"])
        let readers = seeded.freeReaders.map { seeded.readers.children[$0] }
        guard readers.count >= times, seeded.freeCopies.count >= 2 * times else { throw BenchError("the library seed is too small for \(times) loans") }
        var random = ScaleRandom(seed: 29)
        var copies = seeded.freeCopies.shuffled(using: &random)[...]

        // The desk: a reader's card, then two books; then the same books back at the return desk.
        let lend = "library/lend:\(seeded.siteID)", returns = "library/desk:\(seeded.siteID)"
        let deskBooks = Array(copies.prefix(times)); copies = copies.dropFirst(times)
        let deskAnswers = try staff.expect(200, (0..<times).flatMap { number -> [CurlClient.Request] in
            (number % 2 == 0 ? [scan(readers[number / 2].card, lend)] : []) + [scan(deskBooks[number], lend)]
        })
        let deskOut = deskAnswers.enumerated().filter { index, _ in index % 3 != 0 }.map(\.element)
        let lentAtDesk = deskOut.filter { $0.body.contains(#""outcome":"accepted""#) }.count
        print(line("desk checkout (POST /api/scan)", deskOut) + "   \(lentAtDesk) of \(deskOut.count) lent")
        let deskIn = try staff.expect(200, deskBooks.map { scan($0, returns) })
        print(line("desk return (POST /api/scan)", deskIn))

        // The kiosk: the card scanned on the home screen, the library opened, two books; each scan
        // is timed to its answer (the loan is durable before it) and to the screen it leads to.
        var kioskOut: [CurlClient.Answer] = [], kioskScreens: [CurlClient.Answer] = [], kioskBooks: [String] = []
        for number in 0..<(times / 2) {
            let kiosk = try KioskSession(base: base, jar: state.appendingPathComponent("kiosk-\(number)").path)
            _ = try kiosk.scan(readers[times / 2 + number].card)
            _ = try kiosk.get("/kiosk/DEMO/start/library/start")
            for _ in 0..<2 {
                let book = copies.removeFirst()
                let (answer, screen) = try kiosk.scanAnswered(book)
                kioskOut.append(answer)
                kioskScreens.append(screen)
                kioskBooks.append(book)
            }
        }
        let lentAtKiosk = kioskScreens.filter { $0.body.contains("Trả trước ngày") }.count
        print(line("kiosk checkout (POST /kiosk/…/scan)", kioskOut) + "   \(lentAtKiosk) of \(kioskOut.count) lent")
        print(line("  and its screen (GET)", kioskScreens))
        let returner = try KioskSession(base: base, jar: state.appendingPathComponent("kiosk-returns").path)
        let kioskIn = try kioskBooks.map { try returner.scanAnswered($0) }
        print(line("kiosk return, no card (POST)", kioskIn.map(\.answer)) + "   \(kioskIn.filter { $0.screen.body.contains("Đã trả") }.count) taken back")
        print(line("  and its screen (GET)", kioskIn.map(\.screen)))

        // The catalogue at the kiosk: words of a title without tone marks.
        let searcher = try KioskSession(base: base, jar: state.appendingPathComponent("kiosk-search").path)
        let searches = try (0..<times).map { number in
            try searcher.submit("/kiosk/DEMO/start/library/search", action: "search:", fields: ["q": seeded.searches[number % seeded.searches.count]])
        }
        guard searches.allSatisfy({ $0.body.contains("đầu sách cho") }) else { throw BenchError("a catalogue search found nothing") }
        print(line("catalogue search (kiosk)", searches))

        // The overdue list: its first page, and the whole list printed.
        let (admin, _) = try CurlClient.administrator(base: base, jar: state.appendingPathComponent("admin-cookies").path)
        let overdue = try admin.expect(200, Array(repeating: ("/admin/DEMO/m/library/loans?f.overdue=yes", []), count: max(10, times / 10)))
        print(line("overdue list, first page (admin)", overdue))
        let printed = try admin.expect(200, Array(repeating: ("/admin/DEMO/m/library/loans/print?f.overdue=yes", []), count: max(5, times / 20)))
        let rows = printed[0].body.components(separatedBy: "<tr>").count - 2
        print(line("overdue list, printed whole", printed) + "   \(rows) rows")
        print(pad("library: resident memory after load") + String(format: " %10.1f MB", server.residentMegabytes()))

        server.kill()
        let onDisk = try loansOnDisk(state, since: runStarted)
        print(pad("library: loans answered / on disk") + " \(lentAtDesk + lentAtKiosk) / \(onDisk) after kill -9")
        let elapsed = (clock.now - started).components
        print(pad("library: run") + String(format: " %10.1f s", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
    }

    private static func scan(_ code: String, _ activity: String) -> CurlClient.Request {
        ("/api/scan", ["-H", "Content-Type: application/json", "--data", #"{"code":"\#(code)","site":"DEMO","activity":"\#(activity)"}"#])
    }

    private static func line(_ label: String, _ answers: [CurlClient.Answer]) -> String {
        let timing = Percentiles(answers.map(\.milliseconds))
        let mean = answers.map(\.milliseconds).reduce(0, +) / Double(max(1, answers.count))
        return pad(label) + String(format: " %6.1f / %6.1f ms p50/p99  %6.0f/s", timing.p50, timing.p99, 1000 / mean)
    }

    /// The loans made since the run began that are on disk, read after the kill.
    private static func loansOnDisk(_ state: URL, since: Date) throws -> Int {
        try DatabaseQueue(path: state.appendingPathComponent("kiosk.sqlite").path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM library_loan WHERE loanedAt >= ?", arguments: [DatabaseTimestamp(since)]) ?? 0
        }
    }
}

/// A kiosk browser for the bench: its cookies, and the CSRF token of the last page it was shown.
private final class KioskSession {
    private let client: CurlClient
    /// The same browser, not following the redirect after a post.
    private let plain: CurlClient
    private var token = ""

    init(base: String, jar: String) throws {
        client = CurlClient(base: base, options: ["-c", jar, "-b", jar, "-L"])
        plain = CurlClient(base: base, options: ["-c", jar, "-b", jar])
        _ = try get("/kiosk/DEMO")
    }

    func get(_ path: String) throws -> CurlClient.Answer {
        remember(try client.expect(200, path))
    }

    /// A code from the USB scanner, timed to the scan's answer (303), then the screen it leads to, timed apart.
    func scanAnswered(_ code: String) throws -> (answer: CurlClient.Answer, screen: CurlClient.Answer) {
        let answer = try plain.expect(303, "/kiosk/DEMO/scan", ["--data", "code=\(CurlClient.encoded(code))", "-H", "X-CSRF-Token: \(token)"])
        return (answer, try get("/kiosk/DEMO/screen"))
    }

    /// A code from the USB scanner, on whatever screen is shown, with the screen it leads to.
    func scan(_ code: String) throws -> CurlClient.Answer {
        remember(try client.expect(200, "/kiosk/DEMO/scan", ["--data", "code=\(CurlClient.encoded(code))", "-H", "X-CSRF-Token: \(token)"]))
    }

    /// Opens `path`, then submits its form with `action` and `fields`: the submit is what is timed.
    func submit(_ path: String, action: String, fields: [String: String]) throws -> CurlClient.Answer {
        let form = try get(path)
        guard let step = StationLogin.value(after: "name=\"_step\" value=\"", in: form.body) else { throw BenchError("no form at \(path)") }
        let data = (["_csrf": token, "_step": step, "_action": action].merging(fields) { $1 })
            .map { "\($0.key)=\(CurlClient.encoded($0.value))" }.joined(separator: "&")
        return remember(try client.expect(200, "/kiosk/DEMO/screen", ["--data", data]))
    }

    private func remember(_ answer: CurlClient.Answer) -> CurlClient.Answer {
        if let token = StationLogin.value(after: "data-csrf=\"", in: answer.body) { self.token = token }
        return answer
    }
}
