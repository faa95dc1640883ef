import Foundation

/// Records an office brings as a CSV file from Excel (a library's catalogue): the host reads the
/// file (`CSVReader`), shows every row's error with its line number before anything is saved, and
/// saves all of it in one transaction once the administrator confirms.
public struct AdminImport: Sendable {
    /// The file's columns, by the names of its header line, in the order of the template offered.
    public let columns: [String]
    /// Checks every row (its values by column) before anything is saved: each row's error, or nil.
    public let check: @Sendable ([[String: String]], AdminReadContext, Database) throws -> [KioskError?]
    /// Saves the rows, which passed `check` in the same transaction; returns how many records were
    /// added. Importing the same file again adds nothing.
    public let apply: @Sendable ([[String: String]], AdminActionContext, Database) throws -> Int

    public init(columns: [String], check: @escaping @Sendable ([[String: String]], AdminReadContext, Database) throws -> [KioskError?],
                apply: @escaping @Sendable ([[String: String]], AdminActionContext, Database) throws -> Int) {
        self.columns = columns
        self.check = check
        self.apply = apply
    }

    /// The rows of a file as values by column, and the line each starts on; a header that lacks a
    /// column is refused.
    public func rows(_ records: [CSVReader.Record]) throws -> [(line: Int, values: [String: String])] {
        guard let header = records.first else { throw KioskError(.invalidInput, "error.csv.empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !names.contains($0.lowercased()) }
        guard missing.isEmpty else { throw KioskError(.invalidInput, "error.csv.columns", missing.joined(separator: ", ")) }
        return records.dropFirst().map { record in
            var values: [String: String] = [:]
            for (index, name) in names.enumerated() where index < record.fields.count {
                if let column = columns.first(where: { $0.lowercased() == name }) { values[column] = record.fields[index] }
            }
            return (record.line, values)
        }
    }
}
