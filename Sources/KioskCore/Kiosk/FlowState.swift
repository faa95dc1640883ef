import Foundation

/// What a flow remembers between screens, kept in the kiosk session: typed values by key, gone
/// with the idle reset.
///
/// ```swift
/// context.state["event"] = eventID                      // an Int64
/// let eventID = context.state["event", as: Int64.self]  // Int64?
/// ```
public struct FlowState: Sendable, Hashable, Codable {
    private var values: [String: String] = [:]

    public init() {}

    /// The value kept under `key`, if one of this type is.
    public subscript<Value: Codable>(key: String, as type: Value.Type = Value.self) -> Value? {
        get {
            values[key].flatMap { try? JSONDecoder().decode(Value.self, from: Data($0.utf8)) }
        }
        set {
            values[key] = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Whether nothing is kept.
    public var isEmpty: Bool { values.isEmpty }

    /// Forgets everything (a flow that starts over).
    public mutating func removeAll() {
        values = [:]
    }
}
