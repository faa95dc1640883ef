/// A named figure a module adds to a site's report (`children_enrolled` = 42).
public struct ReportFigure: Sendable, Hashable {
    /// A stable name, prefixed with nothing: the report groups figures by module.
    public let name: String
    public let label: LocalizedText
    public let value: Int

    public init(name: String, label: LocalizedText, value: Int) {
        self.name = name
        self.label = label
        self.value = value
    }
}

/// A part of a child's data export: a title and rows of named values.
public struct ExportSection: Sendable, Hashable {
    public let title: String
    public let rows: [[String: String]]

    public init(title: String, rows: [[String: String]]) {
        self.title = title
        self.rows = rows
    }
}
