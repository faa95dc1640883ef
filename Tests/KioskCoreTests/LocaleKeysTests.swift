import Foundation
import KioskCore
import Testing

/// Every text the service shows exists in Vietnamese and in English: the core's locale files and
/// each module's (`kiosk-assets/locales/<module>/`) hold the same keys in both languages, a module's
/// only keys of its own, and every key the code (`.key("…")`, `KioskError(…, "…")`) or a template
/// (`{{t.…}}`) names is in them.
@Suite struct LocaleKeysTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let locales = root.appendingPathComponent("kiosk-assets/locales")

    /// The folders of string tables: the core's (`""`) and each module's.
    static func folders() throws -> [String] {
        [""] + (try FileManager.default.contentsOfDirectory(atPath: locales.path).filter { !$0.hasSuffix(".json") }.sorted())
    }

    static func keys(_ language: String, in folder: String) throws -> Set<String> {
        let data = try Data(contentsOf: locales.appendingPathComponent(folder).appendingPathComponent("\(language).json"))
        return Set(try #require(try JSONSerialization.jsonObject(with: data) as? [String: String]).keys)
    }

    /// Every key of a language, the core's and the modules'.
    static func keys(_ language: String) throws -> Set<String> {
        try folders().reduce(into: Set<String>()) { $0.formUnion(try keys(language, in: $1)) }
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

    @Test func bothLanguagesHoldTheSameKeysAndAModuleOnlyItsOwn() throws {
        #expect(try Self.folders().contains("events") && Self.folders().contains("classes"))
        for folder in try Self.folders() {
            let vi = try Self.keys("vi", in: folder), en = try Self.keys("en", in: folder)
            #expect(vi.subtracting(en).sorted() == [], "in \(folder)/vi.json only")
            #expect(en.subtracting(vi).sorted() == [], "in \(folder)/en.json only")
            if !folder.isEmpty { #expect(vi.filter { !$0.hasPrefix(folder + ".") }.sorted() == [], "keys of another in \(folder)") }
        }
    }

    @Test func aModulesFileWithAnotherModulesKeyStopsTheStart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("locales-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("events"), withIntermediateDirectories: true)
        for language in ["vi", "en"] {
            try Data("{\"home.title\": \"x\"}".utf8).write(to: directory.appendingPathComponent("\(language).json"))
            try Data("{\"classes.title\": \"y\"}".utf8).write(to: directory.appendingPathComponent("events/\(language).json"))
        }
        #expect { _ = try Localizer(directory: directory) } throws: { "\($0)".contains("the key classes.title does not begin with the module's id events") }
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
