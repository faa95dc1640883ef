import Foundation

/// A person who works the staff station or the admin pages.
public struct StaffAccount: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    public var username: String
    public var displayName: String
    /// A bcrypt hash; the password itself is never stored.
    public var passwordHash: String
    public var createdAt: Date
    public var disabledAt: Date?

    public enum Columns {
        public static let username = Column(CodingKeys.username)
    }

    public init(id: Int64? = nil, username: String, displayName: String, passwordHash: String, createdAt: Date, disabledAt: Date? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public static let roles = hasMany(StaffRole.self)
}

/// What a staff account may do at a site (or, with no site, at every site).
public struct StaffRole: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    /// What a role lets its holder do. `admin` runs the site (and does all staff work); `staff`
    /// works the scan station; a module's roles (`library.librarian`, `scholarships.reviewer`,
    /// declared as `ModuleRole`s) open the module's admin resources that name them.
    public struct Role: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Runs the site: its modules, staff, families, reports and every module's pages.
        public static let admin = Role(rawValue: "admin")
        /// Works the scan station.
        public static let staff = Role(rawValue: "staff")
        /// The roles of the core.
        public static let core: [Role] = [.staff, .admin]

        /// The module the role belongs to (`library` of `library.librarian`); nil for the core's.
        public var moduleID: ModuleID? {
            rawValue.firstIndex(of: ".").map { ModuleID(rawValue: String(rawValue[..<$0])) }
        }

        public var description: String { rawValue }
    }

    public var id: Int64?
    public var staffAccountId: Int64
    /// nil: every site.
    public var siteId: Int64?
    public var role: Role

    public enum Columns {
        public static let staffAccountId = Column(CodingKeys.staffAccountId)
        public static let siteId = Column(CodingKeys.siteId)
    }

    public init(id: Int64? = nil, staffAccountId: Int64, siteId: Int64?, role: Role) {
        self.id = id
        self.staffAccountId = staffAccountId
        self.siteId = siteId
        self.role = role
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
