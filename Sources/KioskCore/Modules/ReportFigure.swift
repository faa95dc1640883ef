/// A named figure a module adds to a site's report (`children_enrolled` = 42), with its breakdown:
/// by age band, by class, per question and choice. The report page, its CSV export and any later
/// report read the same parts.
public struct ReportFigure: Sendable, Hashable {
    /// A stable name, prefixed with nothing: the report groups figures by module.
    public let name: String
    public let label: LocalizedText
    public let value: Int
    /// The figure broken down, each part named within the figure (`8-10`, `choice:2`). A part may
    /// itself be broken down (a question's choices by age band).
    public let parts: [ReportFigure]

    public init(name: String, label: LocalizedText, value: Int, parts: [ReportFigure] = []) {
        self.name = name
        self.label = label
        self.value = value
        self.parts = parts
    }
}

/// A part of a child's or a family's data export: a title and rows of named values.
public struct ExportSection: Sendable, Hashable {
    public let title: String
    public let rows: [[String: String]]

    public init(title: String, rows: [[String: String]]) {
        self.title = title
        self.rows = rows
    }
}
