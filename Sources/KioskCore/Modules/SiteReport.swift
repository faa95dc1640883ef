/// A site's report for a span of dates: the figures of each module enabled at the site, in the
/// registry's order. The admin page shows it and exports it for Excel.
public struct SiteReport: Sendable {
    /// One module's figures.
    public struct Section: Sendable {
        public let moduleID: ModuleID
        public let title: LocalizedText
        public let figures: [ReportFigure]
    }

    public let from: LocalDate
    public let to: LocalDate
    public let sections: [Section]

    /// Asks each module enabled at `site` for its figures from `from` to `to`, in one read.
    public init(site: Site, from: LocalDate, to: LocalDate, registry: ModuleRegistry, database: AppDatabase) async throws {
        let enabled = try await database.enabledModules(siteID: site.id!)
        let modules = registry.modules.filter { enabled.contains($0.id) }
        self.from = from
        self.to = to
        self.sections = try await database.read { db in
            try modules.map { Section(moduleID: $0.id, title: $0.title, figures: try $0.reportFigures(site, from: from, to: to, db)) }
        }
    }

    /// The figure named `name` of a module, if it reported one.
    public func figure(_ moduleID: ModuleID, _ name: String) -> ReportFigure? {
        sections.first { $0.moduleID == moduleID }?.figures.first { $0.name == name }
    }

    /// The report for Excel, in `language`: a row per figure and per part, with the names a
    /// formula can refer to.
    public func csv(_ localizer: Localizer, _ language: Language) -> CSVWriter {
        var csv = CSVWriter(header: ["module", "figure", "part", "label", "value"])
        func rows(_ figure: ReportFigure, module: ModuleID, name: String, path: [String]) {
            csv.append([module.rawValue, name, path.joined(separator: "/"), localizer.string(figure.label, language), String(figure.value)])
            for part in figure.parts { rows(part, module: module, name: name, path: path + [part.name]) }
        }
        for section in sections {
            for figure in section.figures { rows(figure, module: section.moduleID, name: figure.name, path: []) }
        }
        return csv
    }
}
