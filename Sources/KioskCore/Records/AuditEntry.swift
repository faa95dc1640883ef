import Foundation

/// One staff, admin or system action: who, what, when, where. Never holds a child's personal data:
/// `target` names records by id (`child#12`).
public struct AuditEntry: Codable, Sendable, Hashable, Identifiable, FetchableRecord, PersistableRecord, KioskRecord {
    public var id: Int64?
    public var at: Date
    public var siteId: Int64?
    /// `staff:<username>`, `kiosk:<site>`, `cli`.
    public var actor: String
    /// A dotted verb, `module.enable`, `family.erase`.
    public var action: String
    public var target: String
    public var detail: String

    public enum Columns {
        public static let at = Column(CodingKeys.at)
        public static let siteId = Column(CodingKeys.siteId)
        public static let action = Column(CodingKeys.action)
    }

    public init(id: Int64? = nil, at: Date, siteId: Int64?, actor: String, action: String, target: String, detail: String = "") {
        self.id = id
        self.at = at
        self.siteId = siteId
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }

}
