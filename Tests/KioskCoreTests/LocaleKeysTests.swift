import Foundation
import Testing

/// Every text the service shows exists in Vietnamese and in English: the two locale files hold the
/// same keys, and every key the code (`.key("…")`, `KioskError(…, "…")`) or a template
/// (`{{t.…}}`) names is in them.
@Suite struct LocaleKeysTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func keys(_ language: String) throws -> Set<String> {
        let data = try Data(contentsOf: root.appendingPathComponent("kiosk-assets/locales/\(language).json"))
        return Set(try #require(try JSONSerialization.jsonObject(with: data) as? [String: String]).keys)
    }

    /// The literal keys named in the files of `folder` with extension `ext`, found by `pattern`'s first
    /// group, outside comments (their examples name keys of no module).
    static func named(in folder: String, ext: String, _ pattern: Regex<(Substring, Substring)>) throws -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil))
        for case let file as URL in enumerator where file.pathExtension == ext {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: pattern) { found[String(match.output.1)] = file.lastPathComponent }
            }
        }
        return found
    }

    @Test func bothLanguagesHoldTheSameKeys() throws {
        let vi = try Self.keys("vi"), en = try Self.keys("en")
        #expect(vi.subtracting(en).sorted() == [], "in vi.json only")
        #expect(en.subtracting(vi).sorted() == [], "in en.json only")
    }

    @Test func everyKeyTheCodeAndTheTemplatesNameExists() throws {
        let known = try Self.keys("vi")
        // A literal key: `.key("events.title")` or an error's message key; keys built at run time (with `\(`) are left out.
        let code = try Self.named(in: "Sources", ext: "swift", #/\.key\("([a-zA-Z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+)"/#)
            .merging(try Self.named(in: "Plugins", ext: "swift", #/\.key\("([a-zA-Z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+)"/#)) { first, _ in first }
            .merging(try Self.named(in: "Plugins", ext: "swift", #/KioskError\(\.[a-zA-Z]+, "([a-zA-Z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+)"/#)) { first, _ in first }
            .merging(try Self.named(in: "Sources", ext: "swift", #/KioskError\(\.[a-zA-Z]+, "([a-zA-Z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+)"/#)) { first, _ in first }
        let templates = try Self.named(in: "kiosk-assets/templates", ext: "mustache", #/\{\{\{?t\.([a-zA-Z0-9.]+)\}/#)
        #expect(code.count > 200 && templates.count > 50)
        let missing = code.merging(templates) { first, _ in first }.filter { !known.contains($0.key) }
        #expect(missing.isEmpty, "\(missing.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" })")
    }
}
