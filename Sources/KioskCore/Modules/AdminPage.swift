import Foundation

/// The page of one record of an admin resource: tables of what belongs to it (a class's enrolled
/// children, its waitlist, an attendance register), each row with buttons that post an action back
/// to the module. The host renders every page with one template and records each action in the
/// audit log.
///
/// ```swift
/// AdminPage(title: .literal(vi: room.name), sections: [
///     AdminSection(title: .key("demo.bookings"), columns: [.key("demo.child")],
///                  rows: bookings.map { AdminTableRow(cells: [$0.childName],
///                      actions: [AdminAction(.key("demo.cancel"), key: "cancel:\($0.id)", style: .danger)]) })
/// ])
/// ```
public struct AdminPage: Sendable {
    public let title: LocalizedText
    /// Lines under the title (a schedule, a teacher).
    public let intro: [LocalizedText]
    /// Other views of the same record, shown as links (`view` is passed back to the page).
    public let links: [AdminLink]
    public let sections: [AdminSection]

    public init(title: LocalizedText, intro: [LocalizedText] = [], links: [AdminLink] = [], sections: [AdminSection]) {
        self.title = title
        self.intro = intro
        self.links = links
        self.sections = sections
    }
}

/// A table on an admin page.
public struct AdminSection: Sendable {
    public let title: LocalizedText
    public let columns: [LocalizedText]
    public let rows: [AdminTableRow]
    /// Shown instead of the table when there are no rows.
    public let empty: LocalizedText?

    public init(title: LocalizedText, columns: [LocalizedText], rows: [AdminTableRow], empty: LocalizedText? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.empty = empty
    }
}

/// A row of an admin table: its cells, links to other views, and buttons.
public struct AdminTableRow: Sendable {
    public let cells: [String]
    public let links: [AdminLink]
    public let actions: [AdminAction]

    public init(cells: [String], links: [AdminLink] = [], actions: [AdminAction] = []) {
        self.cells = cells
        self.links = links
        self.actions = actions
    }
}

/// A link to another view of the record's page (`session:12`, a session's register).
public struct AdminLink: Sendable {
    public let label: LocalizedText
    public let view: String

    public init(_ label: LocalizedText, view: String) {
        self.label = label
        self.view = view
    }
}

/// A button that posts `key` to the resource's `perform`.
public struct AdminAction: Sendable {
    public let label: LocalizedText
    /// The module's own key for the action (`waiver:12:confirmed`).
    public let key: String
    public let style: ScreenAction.Style

    public init(_ label: LocalizedText, key: String, style: ScreenAction.Style = .secondary) {
        self.label = label
        self.key = key
        self.style = style
    }
}

/// What an admin action knows: the site, who acts and when, and the tickets (a promotion issues one).
public struct AdminActionContext: Sendable {
    public let site: Site
    /// The staff member acting, with their roles.
    public let staff: StaffMember
    public let at: Date
    public let tickets: TicketIssuer
    /// The files sent with the form, by field (a `.file` field).
    public let files: [String: UploadedFile]
    /// Where files about children are kept.
    public let attachments: AttachmentStore?

    public init(site: Site, staff: StaffMember, at: Date, tickets: TicketIssuer, files: [String: UploadedFile] = [:],
                attachments: AttachmentStore? = nil) {
        self.site = site
        self.staff = staff
        self.at = at
        self.tickets = tickets
        self.files = files
        self.attachments = attachments
    }

    /// Who acts, as the module's records name them.
    public var staffUsername: String { staff.account.username }
}
