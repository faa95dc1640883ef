import Foundation

/// Everything the service holds about a family, for an export on request: as JSON and as CSV.
public struct FamilyExport: Sendable {
    /// One line of the export: which part, which record, which field, and the value.
    public struct Item: Sendable, Hashable, Codable {
        public let section: String
        public let record: String
        public let field: String
        public let value: String
    }

    public let familyID: Int64
    public let items: [Item]

    /// The export as JSON: sections of records of fields.
    public func json() throws -> [UInt8] {
        var sections: [String: [String: [String: String]]] = [:]
        for item in items {
            sections[item.section, default: [:]][item.record, default: [:]][item.field] = item.value
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        sections["family", default: [:]]["family#\(familyID)"] = ["id": String(familyID)]
        return Array(try encoder.encode(sections))
    }

    /// The export as CSV that Excel opens (UTF-8 with BOM).
    public func csv() -> [UInt8] {
        var writer = CSVWriter(header: ["section", "record", "field", "value"])
        for item in items { writer.append([item.section, item.record, item.field, item.value]) }
        return writer.bytes
    }
}
