/// A language the kiosk speaks. Vietnamese first.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// The language used when a visitor has not chosen one.
    public static let `default`: Language = .vi
}

/// A piece of text to show a person: a key in `kiosk-assets/locales` (`<lang>.json`, or a module's
/// `<module>/<lang>.json`), with arguments.
///
/// Modules use keys prefixed by their id (`events.title`). Text that comes from the database
/// (an event title an administrator typed in both languages) is carried as `literal`.
public struct LocalizedText: Sendable, Hashable, Codable {
    enum Source: Sendable, Hashable, Codable {
        case key(String, [String])
        case literal(vi: String, en: String)
        case joined([LocalizedText], separator: String)
    }
    let source: Source

    /// Text looked up by key; `{0}`, `{1}` … in the translation are replaced by `arguments`.
    public init(_ key: String, _ arguments: [String] = []) {
        self.source = .key(key, arguments)
    }

    /// Text looked up by key with arguments.
    public static func key(_ key: String, _ arguments: String...) -> LocalizedText {
        LocalizedText(key, arguments)
    }

    /// Text given directly in both languages (for instance typed by an administrator).
    public static func literal(vi: String, en: String? = nil) -> LocalizedText {
        LocalizedText(source: .literal(vi: vi, en: en ?? vi))
    }

    /// Texts shown one after the other (`T2, T4 · Miễn phí · còn 3 chỗ`).
    public static func joined(_ parts: [LocalizedText], separator: String = " · ") -> LocalizedText {
        LocalizedText(source: .joined(parts, separator: separator))
    }

    private init(source: Source) { self.source = source }
}
