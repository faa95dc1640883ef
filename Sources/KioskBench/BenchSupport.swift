import Foundation

/// The bench's options: `--kiosk PATH` (the release server), `--assets DIR`, `--seconds N` (each wrk run),
/// `--tickets N` (event tickets seeded for the gate runs), `--families N,N` (the sizes of the scale
/// run, in families; `--families none` skips it), `--repeat N` (each request of the scale run),
/// `--library F` (the library run's size; `none` skips it).
struct BenchArguments {
    var kioskBinary = ".build/release/kiosk"
    var assets = "./kiosk-assets"
    var seconds = 5
    var tickets = 200_000
    var families = [1_000, 100_000]
    var repeats = 200
    /// The library run's size, a share of 50,000 titles, 100,000 copies, 20,000 readers and 1,000,000
    /// loans (`--library 0.1`; `--library none` skips it).
    var library: Double? = 1

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--kiosk": kioskBinary = iterator.next() ?? kioskBinary
            case "--assets": assets = iterator.next() ?? assets
            case "--seconds": seconds = Int(iterator.next() ?? "") ?? seconds
            case "--tickets": tickets = Int(iterator.next() ?? "") ?? tickets
            case "--families": families = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }.filter { $0 > 1 }
            case "--repeat": repeats = max(1, Int(iterator.next() ?? "") ?? repeats)
            case "--library": library = Double(iterator.next() ?? "").flatMap { $0 > 0 ? $0 : nil }
            default: print("unknown argument \(argument)")
            }
        }
    }
}

/// How long `count` runs of `body` took.
func measure(_ count: Int, _ body: () throws -> Void) rethrows -> (count: Int, seconds: Double) {
    let clock = ContinuousClock()
    let elapsed = try clock.measure { for _ in 0..<count { try body() } }
    return (count, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

func report(_ label: String, _ run: (count: Int, seconds: Double), unit: String) {
    print(pad(label) + String(format: " %10.0f ", Double(run.count) / run.seconds) + unit)
}

/// Runs a program and returns what it printed.
func runTool(_ path: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// A label padded to one column width.
func pad(_ label: String) -> String { label.padding(toLength: 36, withPad: " ", startingAt: 0) }
