import Foundation
import KioskCore

/// One fuzz target: any bytes go in; it must not crash, and it checks what it can say of its input
/// (a parsed token prints back to itself, a parsed form survives encoding again) with `check`.
struct FuzzHarness: Sendable {
    let name: String
    let run: @Sendable ([UInt8]) -> Void

    /// Every harness, by the name `make fuzz` and the corpus folders use.
    static let all = [ticket, form, stationRequest, familyFields, csv]

    static func named(_ name: String) -> FuzzHarness? { all.first { $0.name == name } }
}

/// Stops the fuzzer with the broken property: libFuzzer keeps the input that did it.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
