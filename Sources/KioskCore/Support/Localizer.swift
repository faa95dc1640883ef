import Foundation

/// Translates `LocalizedText` with the string tables of `kiosk-assets/locales`.
///
/// Each language is one flat JSON object of key → text. A missing key falls back to Vietnamese,
/// then to the key itself, so a forgotten translation shows up plainly instead of crashing.
public struct Localizer: Sendable {
    private let tables: [Language: [String: String]]

    /// Loads `<directory>/vi.json` and `<directory>/en.json`.
    public init(directory: URL) throws {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let url = directory.appendingPathComponent("\(language.rawValue).json")
            let data = try Data(contentsOf: url)
            tables[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        self.tables = tables
    }

    /// Creates a localizer from tables in memory.
    public init(tables: [Language: [String: String]]) {
        self.tables = tables
    }

    /// The keys of one language's table.
    public func keys(of language: Language) -> Set<String> {
        Set(tables[language, default: [:]].keys)
    }

    /// The text in `language`.
    public func string(_ text: LocalizedText, _ language: Language) -> String {
        switch text.source {
        case .literal(let vi, let en):
            return language == .vi ? vi : en
        case .key(let key, let arguments):
            let template = tables[language]?[key] ?? tables[.vi]?[key] ?? key
            return Self.substitute(arguments, in: template)
        case .joined(let parts, let separator):
            return parts.map { string($0, language) }.joined(separator: separator)
        }
    }

    /// Text for a key, in `language`.
    public func string(_ key: String, _ language: Language, _ arguments: String...) -> String {
        string(LocalizedText(key, arguments), language)
    }

    private static func substitute(_ arguments: [String], in template: String) -> String {
        var result = template
        for (index, argument) in arguments.enumerated() {
            result = result.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return result
    }
}
