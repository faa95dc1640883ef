import Foundation

/// A logged-in staff station: its cookies, CSRF token, and a member card to scan.
struct StationLogin {
    let cookieHeader: String
    let csrf: String
    let card: String

    /// Logs the demo staff member in with curl and finds the demo child's member card.
    static func logIn(port: Int) async throws -> StationLogin {
        let jar = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cookies-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: jar) }
        let base = "http://127.0.0.1:\(port)"
        let login = try runTool("/usr/bin/curl", ["-s", "-c", jar, "-b", jar, "\(base)/login"])
        guard let csrf = value(after: "name=\"_csrf\" value=\"", in: login) else { throw BenchError("no CSRF token on the login page") }
        _ = try runTool("/usr/bin/curl", ["-s", "-c", jar, "-b", jar, "-o", "/dev/null", "--data-urlencode", "username=staff",
                                          "--data-urlencode", "password=demo-staff-2026", "--data-urlencode", "_csrf=\(csrf)", "\(base)/login"])
        // The demo family's card, read from the kiosk after identifying by phone and date of birth.
        _ = try runTool("/usr/bin/curl", ["-s", "-c", jar, "-b", jar, "-L", "-o", "/dev/null", "\(base)/kiosk/DEMO/start/core/identify"])
        let screen = try runTool("/usr/bin/curl", ["-s", "-c", jar, "-b", jar, "\(base)/kiosk/DEMO/screen"])
        guard let step = value(after: "name=\"_step\" value=\"", in: screen),
              let kioskToken = value(after: "name=\"_csrf\" value=\"", in: screen) else { throw BenchError("no kiosk screen") }
        let cards = try runTool("/usr/bin/curl", ["-s", "-c", jar, "-b", jar, "-L", "--data", "_csrf=\(kioskToken)&_step=\(step)&_action=phone%3A&phone=0912345678&birthDate=01%2F06%2F2015",
                                                  "\(base)/kiosk/DEMO/screen"])
        guard let range = cards.range(of: #"NTN1\.DEMO\.MC\.[A-Z2-7]{16}\.[A-Z2-7]{16}"#, options: .regularExpression) else {
            throw BenchError("no member card found")
        }
        let jarText = try String(contentsOfFile: jar, encoding: .utf8)
        let cookies = jarText.split(separator: "\n").filter { !$0.hasPrefix("#") || $0.hasPrefix("#HttpOnly_") }.compactMap { line -> String? in
            let fields = line.split(separator: "\t")
            return fields.count >= 7 ? "\(fields[5])=\(fields[6])" : nil
        }
        // The station's token is bound to the staff session the login began (the kiosk's cookie is not sent to /api).
        let station = try runTool("/usr/bin/curl", ["-s", "-b", jar, "\(base)/staff/DEMO"])
        guard let stationToken = value(after: "data-csrf=\"", in: station) else { throw BenchError("no station page") }
        return StationLogin(cookieHeader: cookies.filter { !$0.hasPrefix("KIOSK=") }.joined(separator: "; "), csrf: stationToken,
                            card: String(cards[range]))
    }

    static func value(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// How a run drives the server: `stations` connections, each sending its next scan as soon as it
/// has the answer (flat out: the most the server can do), or scans started on a fixed schedule of
/// `perSecond` shared by the stations (the latency at that rate, with the CPU not saturated).
struct Pace {
    let stations: Int
    let perSecond: Int?

    static let flatOut = Pace(stations: 8, perSecond: nil)

    static func steady(_ perSecond: Int) -> Pace { Pace(stations: 16, perSecond: perSecond) }

    /// wrk waits `delay()` milliseconds before a connection's next request: each scan takes the next
    /// slot of the schedule, and a late server gets the scans it owes at once (LuaJIT's FFI reads the clock).
    var script: String {
        guard let perSecond else { return "" }
        return """
            local ffi = require("ffi")
            ffi.cdef[[
              typedef struct { long seconds; long nanoseconds; } bench_timespec;
              int clock_gettime(int clock, bench_timespec *time);
            ]]
            local clock = ffi.new("bench_timespec")
            local interval, slot = 1000 / \(perSecond), nil
            delay = function()
              ffi.C.clock_gettime(1, clock)
              local now = tonumber(clock.seconds) * 1000 + tonumber(clock.nanoseconds) / 1e6
              slot = (slot or now) + interval
              return math.max(0, slot - now)
            end
            """
    }
}

/// Scans over HTTP from a second process: wrk with a Lua script that posts scans.
enum ScanLoad {
    struct Result {
        let requests: Int
        /// Answers that were green.
        let accepted: Int
        let requestsPerSecond: Double
        let p50: Double
        let p99: Double
        /// The same percentiles of the server's own time (its `Server-Timing` header): the rest of
        /// the latency is the network stack and wrk, which share the two cores with the server.
        let serverP50: Double
        let serverP99: Double
        /// The server's CPU time per request, in microseconds.
        let cpuMicroseconds: Double

        /// The run's figures on one line, after `label`.
        func line(_ label: String) -> String {
            pad(label) + String(format: " %10.0f scans/s   p50 %.2f ms   p99 %.2f ms   (server %.2f / %.2f ms)   %4.0f µs CPU/scan",
                                requestsPerSecond, p50, p99, serverP50, serverP99, cpuMicroseconds)
        }
    }

    /// Posts the same code again and again (a member card at a station with no activity).
    static func run(_ server: ServerProcess, station: StationLogin, seconds: Int) throws -> Result {
        try run(server, station: station, seconds: seconds, pace: .flatOut, request: """
            request = function()
              return wrk.format("POST", "/api/scan", nil, '{"code":"\(station.card)","site":"DEMO","activity":null}')
            end
            """)
    }

    /// Posts each code of `tokensFile` in turn, at the gate of `activity`.
    static func run(_ server: ServerProcess, station: StationLogin, seconds: Int, pace: Pace = .flatOut,
                    tokensFile: String, activity: String) throws -> Result {
        try run(server, station: station, seconds: seconds, pace: pace, request: """
            local tokens = {}
            for line in io.lines("\(tokensFile)") do tokens[#tokens + 1] = line end
            local next = 0
            request = function()
              next = next % #tokens + 1
              return wrk.format("POST", "/api/scan", nil,
                '{"code":"' .. tokens[next] .. '","site":"DEMO","activity":"\(activity)"}')
            end
            """)
    }

    private static func run(_ server: ServerProcess, station: StationLogin, seconds: Int, pace: Pace, request: String) throws -> Result {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).lua")
        defer { try? FileManager.default.removeItem(at: script) }
        try """
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["X-CSRF-Token"] = "\(station.csrf)"
            wrk.headers["Cookie"] = "\(station.cookieHeader)"
            \(request)
            \(pace.script)
            accepted = 0
            timings = {}
            response = function(status, headers, body)
              if string.find(body, '"outcome":"accepted"', 1, true) then accepted = accepted + 1 end
              local timing = headers["Server-Timing"]
              if timing then timings[#timings + 1] = tonumber(string.match(timing, "dur=([%d.]+)")) end
            end
            local threads = {}
            setup = function(thread) table.insert(threads, thread) end
            done = function(summary, latency, requests)
              local greens, server = 0, {}
              for _, thread in ipairs(threads) do
                greens = greens + thread:get("accepted")
                for _, timing in ipairs(thread:get("timings")) do server[#server + 1] = timing end
              end
              table.sort(server)
              local percentile = function(p) return server[math.max(1, math.ceil(#server * p / 100))] or 0 end
              io.write(string.format("RESULT %d %f %f %f %d %d %f %f\\n", summary.requests, summary.requests / (summary.duration / 1e6),
                latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, greens, percentile(50), percentile(99)))
            end
            """.write(to: script, atomically: true, encoding: .utf8)
        let cpuBefore = server.cpuSeconds()
        let output = try runTool("/usr/bin/wrk", ["-t1", "-c\(pace.stations)", "-d\(seconds)s", "-s", script.path,
                                                  "http://127.0.0.1:\(server.port)/api/scan"])
        let cpu = server.cpuSeconds() - cpuBefore
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("RESULT") }) else {
            throw BenchError("wrk printed no result:\n\(output)")
        }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count == 8, fields[4] == 0 else { throw BenchError("wrk saw non-2xx answers:\n\(output)") }
        return Result(requests: Int(fields[0]), accepted: Int(fields[5]), requestsPerSecond: fields[1], p50: fields[2], p99: fields[3],
                      serverP50: fields[6], serverP99: fields[7], cpuMicroseconds: cpu / fields[0] * 1e6)
    }
}
