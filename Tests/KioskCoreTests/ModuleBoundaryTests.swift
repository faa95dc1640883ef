import Foundation
import Testing

/// The core's tables are the core's: a module reads people through `FamilyDirectory` and
/// `NameQuery`, so no SQL of a module may name them, and the core can change its schema.
@Suite struct ModuleBoundaryTests {
    static let coreTables = ["auditEntry", "child", "childNameWord", "consent", "family", "guardian", "guardianNameWord", "healthProbe",
                             "identifyFailure", "kioskVersion", "site", "siteModule", "siteSchool", "staffAccount", "staffRole", "ticket"]

    static var pluginsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Plugins")
    }

    @Test func noModuleWritesSQLOnTheCoresTables() throws {
        let tables = Self.coreTables.joined(separator: "|")
        let sql = try Regex("(?i:\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+)(\(tables))\\b")
        var files = 0
        var offending: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(at: Self.pluginsFolder, includingPropertiesForKeys: nil))
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            files += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(sql) {
                offending.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(files > 20)
        #expect(offending.isEmpty, "\(offending.joined(separator: "\n"))")
    }
}
