import Foundation

/// Codes a module recognises that are not our tickets: a library's barcodes (Code 128 labels, the
/// EAN-13 of an ISBN), a school group's passes. A scan that is no ticket of ours goes to the module
/// whose pattern claims it: at a station, to the module of the station's activity; at the kiosk, to
/// the flow on the screen, or from any other screen to the flow the pattern names.
///
/// ```swift
/// CodePattern(name: "copy", flow: "checkout") { $0.hasPrefix("LIB-") || CodePattern.isEAN13($0) }
/// ```
public struct CodePattern: Sendable {
    /// The module's name for this kind of code (`copy`), handed back with each scan.
    public let name: String
    /// The module's kiosk flow that a scan of such a code opens from a screen that waits for no
    /// scan (the home screen); nil: such a code means nothing there.
    public let flow: String?
    /// Whether a scanned code (as the scanner typed it, trimmed) is one of these.
    public let matches: @Sendable (String) -> Bool

    public init(name: String, flow: String? = nil, matches: @escaping @Sendable (String) -> Bool) {
        self.name = name
        self.flow = flow
        self.matches = matches
    }

    /// Whether `code` is 13 digits with a valid EAN-13 check digit (the barcode of an ISBN).
    public static func isEAN13(_ code: String) -> Bool {
        let digits = code.utf8.map { Int($0) - 48 }
        guard digits.count == 13, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let sum = digits.prefix(12).enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return (10 - sum % 10) % 10 == digits[12]
    }
}

/// A code a station scanned that a module's pattern claimed, handed to that module to judge.
public struct CodeScan: Sendable {
    /// The code, as the scanner typed it, trimmed.
    public let code: String
    /// The name of the pattern that claimed it.
    public let pattern: String
    public let site: Site
    /// What the station is set to.
    public let activity: StationActivity
    public let at: Date
    public let staffUsername: String
}
