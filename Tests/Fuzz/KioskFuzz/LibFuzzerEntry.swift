#if FUZZING
import Foundation

/// The harness this run fuzzes, named by `KIOSK_FUZZ` (see `make fuzz`).
private let harness: FuzzHarness = {
    let name = ProcessInfo.processInfo.environment["KIOSK_FUZZ"] ?? ""
    guard let harness = FuzzHarness.named(name) else {
        fatalError("set KIOSK_FUZZ to one of: \(FuzzHarness.all.map(\.name).joined(separator: ", "))")
    }
    return harness
}()

/// libFuzzer's driver (in `libclang_rt.fuzzer`, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// libFuzzer's entry point for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    harness.run(start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

/// The program's entry: SwiftPM links an executable's `main` to `<module>_main`, so libFuzzer's own
/// `main` is not used, and this one starts its driver with each input going to the harness.
@_cdecl("KioskFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { start, length in fuzzOneInput(start, length) }
}
#endif
