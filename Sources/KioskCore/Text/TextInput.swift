import Foundation

/// Checks of free text typed at the kiosk or in the admin pages: trimmed, bounded, no control
/// characters. Broken UTF-8 never reaches here: the host rejects a body that does not decode.
public enum TextInput {
    /// The trimmed text, or a localized error naming `field`.
    /// - Parameters:
    ///   - value: what was typed (nil when the field was missing).
    ///   - field: the form field, for the error.
    ///   - maxLength: the most characters allowed.
    ///   - required: whether empty text is an error.
    public static func clean(_ value: String?, field: String, maxLength: Int = 120, required: Bool = true) throws -> String {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { throw KioskError(.invalidInput, "error.field.required", field: field) }
            return ""
        }
        guard text.count <= maxLength else {
            throw KioskError(.invalidInput, "error.field.tooLong", String(maxLength), field: field)
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw KioskError(.invalidInput, "error.field.invalid", field: field)
        }
        return text
    }
}
