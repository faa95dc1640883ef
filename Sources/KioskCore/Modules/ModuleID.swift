/// A module's stable id: lower-case letters, digits and dashes (`event-check-in`). It prefixes the
/// module's migrations, tables, locale keys and routes, and never changes once shipped.
public struct ModuleID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The core itself, owner of member and guardian cards and the family flows.
    public static let core: ModuleID = "core"

    /// Whether the id is well formed.
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.count <= 40 && rawValue.first!.isLetter
            && rawValue.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    public var description: String { rawValue }

    public static func < (lhs: ModuleID, rhs: ModuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}
