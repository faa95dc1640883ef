import Foundation

/// Translates `LocalizedText` with the string tables of `kiosk-assets/locales`.
///
/// Each language is one flat JSON object of key → text: the core's in `<lang>.json`, and each
/// module's in a folder named by its id (`events/vi.json`), holding only keys that begin with that id.
/// A missing key falls back to Vietnamese, then to the key itself, so a forgotten translation shows
/// up plainly instead of crashing.
public struct Localizer: Sendable {
    private let tables: [Language: [String: String]]

    /// Loads `<directory>/<lang>.json` and `<directory>/<module>/<lang>.json` for every language.
    public init(directory: URL) throws {
        let modules = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { try $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true }.map(\.lastPathComponent).sorted()
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            var table = try Self.table(directory.appendingPathComponent("\(language.rawValue).json"))
            for module in modules {
                let file = directory.appendingPathComponent(module).appendingPathComponent("\(language.rawValue).json")
                let strings = try Self.table(file)
                if let stray = strings.keys.sorted().first(where: { !$0.hasPrefix(module + ".") }) {
                    throw LocaleError(description: "\(file.path): the key \(stray) does not begin with the module's id \(module).")
                }
                table.merge(strings) { core, _ in core }
            }
            tables[language] = table
        }
        self.tables = tables
    }

    private static func table(_ file: URL) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
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

/// A locale file that breaks the rule of its folder.
public struct LocaleError: Error, CustomStringConvertible {
    public let description: String
}
