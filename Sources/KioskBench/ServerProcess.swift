import Foundation

/// The kiosk server started as its own process on 127.0.0.1 with the demo site.
final class ServerProcess {
    let process: Process
    let port: Int
    let startMilliseconds: Double

    private init(process: Process, port: Int, startMilliseconds: Double) {
        self.process = process
        self.port = port
        self.startMilliseconds = startMilliseconds
    }

    /// Starts the server on a free port and waits (at most 30 s) until `/healthz` answers.
    static func start(kiosk: String, assets: String, state: URL) throws -> ServerProcess {
        let port = 18_000 + Int.random(in: 0..<2000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kiosk)
        process.arguments = ["serve", "--state-dir", state.path, "--assets", assets, "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        let deadline = started + .seconds(30)
        while clock.now < deadline {
            if healthy(port) {
                let elapsed = clock.now - started
                let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                return ServerProcess(process: process, port: port, startMilliseconds: ms)
            }
            usleep(2000)
        }
        process.terminate()
        throw BenchError("the server did not answer /healthz within 30 s")
    }

    private static func healthy(_ port: Int) -> Bool {
        let output = try? runTool("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/healthz"])
        return output == "200"
    }

    /// VmRSS of the server, from /proc.
    func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kilobytes / 1024
    }

    /// CPU seconds the server has used (user + system), from /proc: steadier than throughput on a
    /// machine shared with the load generator and other jobs.
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let afterName = stat.lastIndex(of: ")") else { return .nan }
        // Fields after the name start at field 3 (state); utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Kills the server at once (SIGKILL), as a power cut would.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
