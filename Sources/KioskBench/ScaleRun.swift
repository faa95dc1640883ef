import Foundation
import KioskCore

/// One size of the scale run: the seed, the release server started on it, the checks that seeded
/// families are identified at the kiosk and found by the admin search, then each request timed
/// `repeat` times (half as many for identification and erasure), and the server's memory after.
struct ScaleRun {
    /// One row of the table at this size.
    struct Figure {
        let label: String
        let cell: String
        /// What the growth column compares: the median, or the megabytes.
        let value: Double
    }

    let families: Int
    var figures: [Figure] = []

    /// The name the common-name searches look for.
    static let commonName = "Nguyễn Văn"

    static func run(families count: Int, repeat times: Int, arguments: BenchArguments, directory: URL) async throws -> ScaleRun {
        let clock = ContinuousClock()
        let started = clock.now
        let state = directory.appendingPathComponent("scale-\(count)")
        defer { try? FileManager.default.removeItem(at: state) }
        let slow = max(1, times / 2)
        let spared = min(slow, count / 2)
        let seeded = try await ScaleSeed.seed(state: state, assets: arguments.assets, families: count, spared: spared)
        print(pad("scale: seeded \(count.grouped) families") + String(format: " %10.1f s   ", seeded.seconds) + seeded.summary)
        let server = try ServerProcess.start(kiosk: arguments.kioskBinary, assets: arguments.assets, state: state)
        defer { server.stop() }
        var run = ScaleRun(families: count)
        run.add("start to /healthz", String(format: "%.0f ms", server.startMilliseconds), server.startMilliseconds)
        let base = "http://127.0.0.1:\(server.port)"
        let station = try await StationLogin.logIn(port: server.port)
        let staff = CurlClient(base: base, options: ["-H", "Cookie: \(station.cookieHeader)", "-H", "X-CSRF-Token: \(station.csrf)"])
        let (admin, csrf) = try CurlClient.administrator(base: base, jar: state.appendingPathComponent("admin-cookies").path)
        let people = seeded.families

        // Seeded families, found through the server: identified at the kiosk, and by the admin search.
        let step = max(1, (count - spared) / slow)
        let identify = try (0..<slow).map { number in
            try identifyAtKiosk(people.families[number * step % (count - spared)], people, base: base, jar: state.appendingPathComponent("kiosk-cookies").path)
        }
        let probe = people.children[people.families[0].firstChild]
        let found = try admin.expect(200, "/admin/DEMO/families?q=\(CurlClient.encoded(probe.fullName))")
        guard found.body.contains("/admin/DEMO/families/\(people.families[0].id)\"") else {
            throw BenchError("the admin search for \(probe.fullName) did not find the seeded family")
        }

        let session = "classes/session:\(seeded.classes.todaySession)", gate = "events/event:\(seeded.events.todayEvent)"
        // The cards of today's children in turn: a child's first scan marks them present, the next ones find the mark.
        let scans = try staff.expect(200, (0..<times).map { number in
            let card = people.children[seeded.classes.todayChildren[number % seeded.classes.todayChildren.count]].card
            return ("/api/scan", ["-H", "Content-Type: application/json", "--data", #"{"code":"\#(card)","site":"DEMO","activity":"\#(session)"}"#])
        })
        if let refused = scans.first(where: { $0.body.contains(#""outcome":"refused""#) }) {
            throw BenchError("a class scan was refused: \(refused.body)")
        }
        let counter = try staff.expect(200, repeated(times, "/staff/DEMO/counter?activity=\(CurlClient.encoded(session))"))
        let enrolledName = people.children[seeded.classes.todayChildren[0]].fullName
        let classSearch = try staff.expect(200, repeated(times, "/staff/DEMO/search?activity=\(CurlClient.encoded(session))&q=\(CurlClient.encoded(enrolledName))"))
        guard classSearch.allSatisfy({ $0.body.contains(enrolledName) }) else { throw BenchError("the class station did not find \(enrolledName)") }
        let gateSearch = try staff.expect(200, repeated(times, "/staff/DEMO/search?activity=\(CurlClient.encoded(gate))&q=\(CurlClient.encoded(commonName))"))
        let adminCommon = try admin.expect(200, repeated(times, "/admin/DEMO/families?q=\(CurlClient.encoded(commonName))"))
        let rareName = people.rareName
        let adminRare = try admin.expect(200, repeated(times, "/admin/DEMO/families?q=\(CurlClient.encoded(rareName))"))
        guard adminRare.allSatisfy({ $0.body.contains(rareName) }) else { throw BenchError("the admin search did not find \(rareName)") }
        let erase = try admin.expect(303, people.families.suffix(spared).map { family in
            ("/admin/DEMO/families/\(family.id)/erase", ["--data", "_csrf=\(csrf)&confirm=yes"])
        })
        let memory = server.residentMegabytes()

        run.add("erase a family (POST)", erase)
        run.add("member-card scan at a class-session station", scans)
        run.add("  the same, server time", scans.compactMap(\.serverMilliseconds))
        run.add("station live counter", counter)
        run.add("class-session station search by name", classSearch)
        run.add("gate station search by a common name", gateSearch)
        run.add("admin search by a common name", adminCommon)
        run.add("identify at the kiosk (phone + birth date)", identify)
        run.add("admin search by a rare name", adminRare)
        run.add("resident memory after the load", String(format: "%.1f MB", memory), memory)
        let elapsed = (clock.now - started).components
        print(pad("scale: run at \(count.grouped) families") + String(format: " %10.1f s   ", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
              + "class search \"\(enrolledName)\", rare name \"\(rareName)\", common name \"\(commonName)\"")
        return run
    }

    /// Identifies a family at the kiosk by a guardian's phone and the first child's birth date, in a
    /// new kiosk session, and checks that the family's first card is shown.
    private static func identifyAtKiosk(_ family: ScaleFamilies.SeededFamily, _ people: ScaleFamilies, base: String, jar: String) throws
        -> CurlClient.Answer {
        try? FileManager.default.removeItem(atPath: jar)
        let kiosk = CurlClient(base: base, options: ["-c", jar, "-b", jar, "-L"])
        let screen = try kiosk.expect(200, "/kiosk/DEMO/start/core/identify")
        guard let step = StationLogin.value(after: "name=\"_step\" value=\"", in: screen.body),
              let token = StationLogin.value(after: "name=\"_csrf\" value=\"", in: screen.body) else { throw BenchError("no kiosk screen") }
        let child = people.children[family.firstChild]
        let cards = try kiosk.expect(200, "/kiosk/DEMO/screen", ["--data", "_csrf=\(token)&_step=\(step)&_action=phone%3A&phone=\(family.phone)"
                                                                 + "&birthDate=\(CurlClient.encoded(child.birthDate.display))"])
        guard cards.body.contains(child.card) else {
            throw BenchError("the seeded family of \(child.fullName) (\(family.phone), \(child.birthDate.display)) was not identified at the kiosk")
        }
        return cards
    }

    /// The same GET `times` times.
    private static func repeated(_ times: Int, _ path: String) -> [CurlClient.Request] {
        Array(repeating: (path, []), count: times)
    }

    private mutating func add(_ label: String, _ answers: [CurlClient.Answer]) {
        add(label, answers.map(\.milliseconds))
    }

    private mutating func add(_ label: String, _ milliseconds: [Double]) {
        let timing = Percentiles(milliseconds)
        add(label, String(format: "%.1f / %.1f ms", timing.p50, timing.p99), timing.p50)
    }

    private mutating func add(_ label: String, _ cell: String, _ value: Double) {
        figures.append(Figure(label: label, cell: cell, value: value))
    }
}

extension Int {
    /// `100,000`.
    var grouped: String {
        String(self).reversed().enumerated().reduce(into: "") { text, pair in
            if pair.offset > 0, pair.offset % 3 == 0 { text.append(",") }
            text.append(pair.element)
        }.reversed().map(String.init).joined()
    }
}
