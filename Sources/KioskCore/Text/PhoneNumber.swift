/// A Vietnamese phone number: ten digits starting with `0`, also typed as `+84…` or `84…`,
/// with spaces, dots or dashes. Stored in the ten-digit form.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ten-digit form, `0912345678`.
    public let digits: String
    /// The most characters a person may type for one (`+84 912 345 678`).
    public static let maxTypedLength = 15

    /// Parses what a person typed; nil when it is not a Vietnamese number.
    public init?(_ typed: String) {
        var text = typed.filter { !" .-()\u{00A0}".contains($0) }
        if text.hasPrefix("+84") {
            text = "0" + text.dropFirst(3)
        } else if text.hasPrefix("84"), text.count == 11 {
            text = "0" + text.dropFirst(2)
        }
        guard text.count == 10, text.first == "0", text.allSatisfy(\.isASCIIDigitCharacter),
              let second = text.dropFirst().first, second != "0" else { return nil }
        self.digits = text
    }

    public var description: String { digits }

    /// The number with its last three digits only, for pages that must not show it whole.
    public var masked: String { String(repeating: "•", count: 7) + digits.suffix(3) }
}

extension Character {
    /// `0` to `9` alone: a digit with a combining mark (`8\u{301}`) sorts between `8` and `9`, so a
    /// range of characters would take it.
    var isASCIIDigitCharacter: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}
