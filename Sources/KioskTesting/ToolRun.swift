import Foundation

/// A command-line tool run to its end, as a shell would: its exit status and what it printed.
///
/// The output goes through temporary files rather than pipes: reading a pipe on Linux Foundation
/// traps when a signal interrupts the read, which made tests fail now and then.
public struct ToolRun: Sendable {
    public let status: Int32
    /// What the tool printed on standard output.
    public let output: String
    /// What the tool printed on standard error.
    public let errors: String

    /// Runs `tool` with `arguments` and waits for it to exit.
    public init(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputFile = directory.appendingPathComponent("stdout"), errorFile = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: outputFile), errorHandle = try FileHandle(forWritingTo: errorFile)
        defer { try? outputHandle.close(); try? errorHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        errors = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
    }
}
