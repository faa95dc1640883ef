#if !FUZZING
import Foundation

/// Without libFuzzer (an ordinary build, `make test`): runs saved inputs through the harnesses, so
/// the seeds and any crash libFuzzer kept replay under a debugger.
///
///     kiosk-fuzz replay Tests/Fuzz/Corpus              every harness on its own folder
///     kiosk-fuzz ticket crash-1234                     one harness on some files
@main
struct Replay {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first else {
            print("usage: kiosk-fuzz replay CORPUS-DIR | kiosk-fuzz HARNESS FILE…  (harnesses: \(FuzzHarness.all.map(\.name).joined(separator: ", ")))")
            exit(2)
        }
        if first == "replay", arguments.count == 2 {
            for harness in FuzzHarness.all {
                let count = try replay(harness, [URL(fileURLWithPath: arguments[1]).appendingPathComponent(harness.name).path])
                print("\(harness.name): \(count) inputs, no crash")
            }
        } else if let harness = FuzzHarness.named(first) {
            print("\(harness.name): \(try replay(harness, Array(arguments.dropFirst()))) inputs, no crash")
        } else {
            print("no harness named \(first)")
            exit(2)
        }
    }

    /// Runs the files, and the files of the folders, of `paths` through `harness`.
    static func replay(_ harness: FuzzHarness, _ paths: [String]) throws -> Int {
        var count = 0
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw ReplayError("no file \(path)") }
            let files = isFolder.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { "\(path)/\($0)" } : [path]
            for file in files {
                harness.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
                count += 1
            }
        }
        return count
    }
}

struct ReplayError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
#endif
