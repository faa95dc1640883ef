import Foundation

/// A centre: a city Nhà Thiếu nhi or one of its district centres. One deployment can hold several.
public struct Site: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    /// Short upper-case code used in URLs and ticket tokens (`Q1`, `TPHCM`).
    public var code: String
    /// The centre's name, shown on the kiosk.
    public var name: String
    public var createdAt: Date

    public enum Columns {
        public static let code = Column(CodingKeys.code)
    }

    public init(id: Int64? = nil, code: String, name: String, createdAt: Date) {
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Whether `code` is a valid site code: 1 to 8 upper-case letters or digits.
    public static func isValidCode(_ code: String) -> Bool {
        isValidCode(code.utf8[...])
    }

    static func isValidCode(_ code: Substring.UTF8View) -> Bool {
        (1...8).contains(code.count) && code.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// Whether a module is enabled at a site. No row means disabled.
struct SiteModule: Codable, FetchableRecord, PersistableRecord, KioskRecord {
    var siteId: Int64
    var moduleID: String
    var enabled: Bool
}
