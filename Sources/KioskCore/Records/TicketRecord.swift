import Foundation

/// A ticket that was minted: its random id is the one in the token. The token itself is derived
/// from this row and the site's key, so it is not stored.
public struct TicketRecord: Codable, Sendable, Hashable, Identifiable, FetchableRecord, PersistableRecord, KioskRecord {
    public static let databaseTableName = "ticket"

    /// The random id, upper-case base32.
    public var id: String
    public var siteId: Int64
    /// The ticket kind's code (`MC` member card).
    public var kind: String
    /// The module that issued it (`core` for member cards).
    public var moduleID: String
    /// What the ticket stands for in its module (a child, a registration …).
    public var subjectID: Int64
    /// The child the ticket belongs to, so that erasing the child removes it.
    public var childId: Int64?
    /// The guardian the ticket belongs to.
    public var guardianId: Int64?
    public var issuedAt: Date
    public var revokedAt: Date?

    public enum Columns {
        public static let kind = Column(CodingKeys.kind)
        public static let subjectID = Column(CodingKeys.subjectID)
        public static let revokedAt = Column(CodingKeys.revokedAt)
        public static let siteId = Column(CodingKeys.siteId)
    }

    public init(id: String, siteId: Int64, kind: String, moduleID: String, subjectID: Int64,
                childId: Int64?, guardianId: Int64?, issuedAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.siteId = siteId
        self.kind = kind
        self.moduleID = moduleID
        self.subjectID = subjectID
        self.childId = childId
        self.guardianId = guardianId
        self.issuedAt = issuedAt
        self.revokedAt = revokedAt
    }

    /// Read column by column rather than through `Decodable`: every scan reads a ticket.
    public init(row: Row) throws {
        self.init(id: row[CodingKeys.id.stringValue], siteId: row[CodingKeys.siteId.stringValue], kind: row[CodingKeys.kind.stringValue],
                  moduleID: row[CodingKeys.moduleID.stringValue], subjectID: row[CodingKeys.subjectID.stringValue],
                  childId: row[CodingKeys.childId.stringValue], guardianId: row[CodingKeys.guardianId.stringValue],
                  issuedAt: try row.timestamp(CodingKeys.issuedAt.stringValue), revokedAt: try row.optionalTimestamp(CodingKeys.revokedAt.stringValue))
    }
}
