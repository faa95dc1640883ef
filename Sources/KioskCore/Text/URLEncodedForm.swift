/// The fields of a submitted form: every value of each name, in the order sent (a checklist
/// sends its name once per ticked option).
public struct SubmittedForm: Sendable, Hashable {
    /// The values of each name.
    public private(set) var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// The last value sent under `name`.
    public subscript(name: String) -> String? {
        values[name]?.last
    }

    /// The fields a flow or an admin form receives: the host's own (`_csrf`, `_step`, `_action`) left out.
    public var fields: [String: [String]] {
        values.filter { !$0.key.hasPrefix("_") }
    }
}

/// A URL-encoded form body (`a=1&b=x%C3%A0`) read into its fields. A body with too many fields,
/// or that is not valid UTF-8 (also after percent-decoding), is refused with a localized error.
public enum URLEncodedForm {
    /// The most fields a body may have.
    public static let maxFields = 100

    /// The fields of a body.
    public static func parse(_ bytes: [UInt8]) throws -> SubmittedForm {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw KioskError(.invalidInput, "error.body.encoding") }
        var fields: [String: [String]] = [:]
        let pairs = bytes.split(separator: UInt8(ascii: "&"))
        guard pairs.count <= maxFields else { throw KioskError(.invalidInput, "error.body.tooLarge") }
        for pair in pairs {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            fields[name, default: []].append(value)
        }
        return SubmittedForm(fields)
    }

    private static func decode(_ component: ArraySlice<UInt8>) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(component.count)
        var index = component.startIndex
        while index < component.endIndex {
            let byte = component[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < component.endIndex,
                      let high = hex(component[index + 1]), let low = hex(component[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw KioskError(.invalidInput, "error.body.encoding") }
        return text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
