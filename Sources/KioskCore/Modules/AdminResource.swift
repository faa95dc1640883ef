/// Records a module's staff manage in its admin pages (events, classes, loan rules, applications).
///
/// The host renders every resource with the same list and form templates: a module declares the
/// fields, the filters and who may open it, and supplies the reads and the validated save, never
/// HTML. Every read is told who asks and when (`AdminReadContext`), so a module can hide a record
/// from one role and show it to another.
///
/// ```swift
/// AdminResource(name: "rooms", title: .key("demo.rooms"),
///               fields: [AdminField("name", .key("demo.room.name"), .text(maxLength: 80))],
///               listColumns: ["name", AdminColumn("bookings", .key("demo.room.bookings"))],
///               list: { query, context, db in try Room.list(query, context.site, db) },
///               load: { id, context, db in try Room.fetchOne(db, key: id)?.adminValues },
///               save: { id, values, context, db in try Room.save(id, values, context.site, db) })
/// ```
public struct AdminResource: Sendable {
    public let name: String
    public let title: LocalizedText
    public let fields: [AdminField]
    /// The columns of the list: fields (by name, labelled as in the form) and computed values with
    /// their own label.
    public let listColumns: [AdminColumn]
    /// Choices above the list that narrow it (a status, a round); the list is asked with the values chosen.
    public let filters: [AdminFilter]
    /// Who besides the site's administrators opens the resource: a module's roles (a librarian).
    public let roles: [StaffRole.Role]
    /// Whether the records are sensitive (a family's circumstances): the host writes every read
    /// of them (the list, a record, its page, an export) to the audit log, with who read it.
    public let sensitive: Bool
    /// One page of the list at the site, or every row for the list's export (`query.limit` nil).
    public let list: @Sendable (AdminListQuery, AdminReadContext, Database) throws -> AdminList
    /// One record's values for the edit form, or nil if it is not at this site or not for this reader.
    public let load: @Sendable (Int64, AdminReadContext, Database) throws -> [String: String]?
    /// Validates and saves (id nil: a new record), returning the id; throws `KioskError` on bad input.
    /// Nil: the records are made elsewhere (at the kiosk) and the list offers no form.
    public let save: (@Sendable (Int64?, [String: String], AdminActionContext, Database) throws -> Int64)?
    /// Whether the form makes new records too, or only edits those made elsewhere (a decision on an
    /// application sent from the kiosk).
    public let creates: Bool
    /// Exports offered for each record of the list (CSV and printable lists).
    public let exports: [AdminExport]
    /// The record's own page (enrolled children, a register), in the view asked for; nil: no page.
    public let page: (@Sendable (Int64, _ view: String?, AdminReadContext, Database) throws -> AdminPage?)?
    /// Performs a button of the record's page; runs in one write transaction, audited by the host.
    public let perform: (@Sendable (Int64, _ key: String, AdminActionContext, Database) throws -> Void)?
    /// Records brought as a CSV file from Excel; nil: the list offers no import.
    public let importer: AdminImport?
    /// Fields a record adds to its form, read for that record (the criteria of an application's
    /// round, each scored); its values reach `save` with the others.
    public let recordFields: (@Sendable (Int64, AdminReadContext, Database) throws -> [AdminField])?
    /// The ticket a record hands out (an application's receipt): scanned or typed into the box above
    /// the list, a genuine ticket of this kind and site opens its record's page (the ticket's subject).
    public let opensTickets: TicketKind?
    /// Labels for the records of the list as its filters narrow it (copies of books), which the
    /// host prints on an A4 sheet, each with its code as a QR code; nil: the list prints no labels.
    public let labels: (@Sendable (AdminListQuery, AdminReadContext, Database) throws -> [PrintedLabel])?

    public init(name: String, title: LocalizedText, fields: [AdminField], listColumns: [AdminColumn], filters: [AdminFilter] = [],
                roles: [StaffRole.Role] = [], sensitive: Bool = false,
                list: @escaping @Sendable (AdminListQuery, AdminReadContext, Database) throws -> AdminList,
                load: @escaping @Sendable (Int64, AdminReadContext, Database) throws -> [String: String]?,
                save: (@Sendable (Int64?, [String: String], AdminActionContext, Database) throws -> Int64)?,
                creates: Bool = true, exports: [AdminExport] = [],
                page: (@Sendable (Int64, String?, AdminReadContext, Database) throws -> AdminPage?)? = nil,
                perform: (@Sendable (Int64, String, AdminActionContext, Database) throws -> Void)? = nil, importer: AdminImport? = nil,
                labels: (@Sendable (AdminListQuery, AdminReadContext, Database) throws -> [PrintedLabel])? = nil,
                recordFields: (@Sendable (Int64, AdminReadContext, Database) throws -> [AdminField])? = nil,
                opensTickets: TicketKind? = nil) {
        self.name = name
        self.title = title
        self.fields = fields
        self.listColumns = listColumns
        self.filters = filters
        self.roles = roles
        self.sensitive = sensitive
        self.list = list
        self.load = load
        self.save = save
        self.creates = creates
        self.exports = exports
        self.page = page
        self.perform = perform
        self.importer = importer
        self.labels = labels
        self.recordFields = recordFields
        self.opensTickets = opensTickets
    }

    /// What a row shows in each list column: the value, or for a column named like a select field
    /// or a filter, its option's label (`loan` shown as "Đang cho mượn").
    public func cells(of row: AdminRow, _ text: (LocalizedText) -> String) -> [String] {
        listColumns.map { column in
            let value = row.values[column.name] ?? ""
            return options(of: column.name).first { $0.value == value }.map { text($0.label) } ?? value
        }
    }

    private func options(of name: String) -> [FieldOption] {
        if let field = fields.first(where: { $0.name == name }), case .select(let options) = field.kind { return options }
        return filters.first { $0.name == name }?.options ?? []
    }

    /// What a column's head says: its own label, or its field's.
    public func label(of column: AdminColumn) -> LocalizedText? {
        column.label ?? fields.first { $0.name == column.name }?.label
    }

    /// Whether `staff` may open the resource at `siteID`: the site's administrators, and holders of its roles.
    public func isOpen(to staff: StaffMember, siteID: Int64) -> Bool {
        staff.may(.admin, siteID: siteID) || roles.contains { staff.holds($0, siteID: siteID) }
    }
}

/// A column of an admin list: a field by its name (a string literal: `"titleVi"`), or a value the
/// list computes, with its label (`AdminColumn("seats", .key("events.admin.seats"))`). A module
/// whose column has neither a field nor a label does not start.
public struct AdminColumn: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The key of the value in each `AdminRow`.
    public let name: String
    /// The head of a computed column; nil: the field's label.
    public let label: LocalizedText?

    public init(_ name: String, _ label: LocalizedText? = nil) {
        self.name = name
        self.label = label
    }

    public init(stringLiteral name: String) {
        self.init(name)
    }
}

/// A field of an admin form.
public struct AdminField: Sendable {
    public enum Kind: Sendable {
        case text(maxLength: Int)
        case multiline(maxLength: Int)
        case integer(ClosedRange<Int>)
        case date
        case dateTime
        /// A time of day, `HH:mm`.
        case time
        case select([FieldOption])
        /// A select whose options come from the database (the periods of the site).
        case options(@Sendable (Site, Database) throws -> [FieldOption])
        case checkbox
        /// A file (a photo of a document), of one of `types`, at most `maxBytes`; the form sends it to
        /// `save` in `AdminActionContext.files`, the module stores it with `AttachmentStore.store` and
        /// `load` gives the attachment's id, which the form offers to download.
        case file(types: [FileType], maxBytes: Int)
    }

    public let name: String
    public let label: LocalizedText
    public let kind: Kind
    public let required: Bool

    public init(_ name: String, _ label: LocalizedText, _ kind: Kind, required: Bool = true) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
    }

    /// Whether the field sends a file.
    public var isFile: Bool {
        if case .file = kind { true } else { false }
    }
}

/// A row of an admin list.
public struct AdminRow: Sendable {
    public let id: Int64
    public let values: [String: String]

    public init(id: Int64, values: [String: String]) {
        self.id = id
        self.values = values
    }
}

/// A download offered for one record of a resource (registrations as CSV, a gate list).
public struct AdminExport: Sendable {
    public let name: String
    public let label: LocalizedText
    /// The file: a name, a media type, and the bytes.
    public let make: @Sendable (Int64, AdminReadContext, Database) throws -> AdminFile

    public init(name: String, label: LocalizedText, make: @escaping @Sendable (Int64, AdminReadContext, Database) throws -> AdminFile) {
        self.name = name
        self.label = label
        self.make = make
    }
}

/// A file an admin page offers for download.
public struct AdminFile: Sendable {
    public let filename: String
    public let contentType: String
    public let body: [UInt8]
    /// Shown in the browser (a printable list) rather than saved.
    public let inline: Bool

    public init(filename: String, contentType: String, body: [UInt8], inline: Bool = false) {
        self.filename = filename
        self.contentType = contentType
        self.body = body
        self.inline = inline
    }
}

/// A label to stick on a thing (a copy of a book): the code a scanner reads, printed as a QR code
/// with the code in letters, and a line or two for people (the title, the shelf).
public struct PrintedLabel: Sendable, Hashable {
    public let code: String
    public let lines: [String]

    public init(code: String, lines: [String]) {
        self.code = code
        self.lines = lines
    }
}
