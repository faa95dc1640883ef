/// A flow by its owner (`core` or a module) and its name: `events/start`, `core/identify`.
public struct FlowRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public let owner: ModuleID
    public let name: String

    public init(_ owner: ModuleID, _ name: String) {
        self.owner = owner
        self.name = name
    }

    public var description: String { "\(owner.rawValue)/\(name)" }
}
