import Foundation

/// What an admin list is asked for: the filters chosen and the page. A list that grows with the
/// years (events, loans) reads only the page asked, in SQL.
public struct AdminListQuery: Sendable, Hashable {
    /// The value chosen for each filter; a filter left at "all" is absent.
    public let filters: [String: String]
    /// The rows to skip.
    public let offset: Int
    /// The most rows to return; nil: every row (the list's export).
    public let limit: Int?

    public init(filters: [String: String] = [:], offset: Int = 0, limit: Int? = nil) {
        self.filters = filters
        self.offset = offset
        self.limit = limit
    }

    /// The value chosen for a filter, if one was.
    public func filter(_ name: String) -> String? { filters[name] }

    /// The page asked of a request, read in SQL (every row for the export).
    public func page<Record>(_ request: QueryInterfaceRequest<Record>) -> QueryInterfaceRequest<Record> {
        limit.map { request.limit($0, offset: offset) } ?? request
    }

    /// The page of `rows` asked for, for a list small enough to read whole.
    public func page(_ rows: [AdminRow]) -> AdminList {
        let start = min(offset, rows.count)
        let end = limit.map { min(start + $0, rows.count) } ?? rows.count
        return AdminList(rows: Array(rows[start..<end]), total: rows.count)
    }
}

/// A page of an admin list and how many rows the whole list has.
public struct AdminList: Sendable {
    public let rows: [AdminRow]
    public let total: Int

    public init(rows: [AdminRow], total: Int) {
        self.rows = rows
        self.total = total
    }
}

/// A choice above an admin list that narrows it: "all", or one of its options.
public struct AdminFilter: Sendable {
    public let name: String
    public let label: LocalizedText
    public let options: [FieldOption]

    public init(_ name: String, _ label: LocalizedText, options: [FieldOption]) {
        self.name = name
        self.label = label
        self.options = options
    }
}

/// Who reads a module's admin resource, at which site, and when.
public struct AdminReadContext: Sendable {
    public let site: Site
    /// The staff member reading, with their roles.
    public let staff: StaffMember
    /// The service's clock now.
    public let at: Date
    /// The day in Vietnam.
    public let today: LocalDate

    public init(site: Site, staff: StaffMember, at: Date, today: LocalDate) {
        self.site = site
        self.staff = staff
        self.at = at
        self.today = today
    }

    /// Whether the reader holds `role` at the site.
    public func holds(_ role: StaffRole.Role) -> Bool {
        staff.holds(role, siteID: site.id!)
    }

    /// Whether the reader administers the site.
    public var isAdmin: Bool { staff.may(.admin, siteID: site.id!) }
}
