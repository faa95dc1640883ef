import Foundation

/// Checks of free text typed at the kiosk or in the admin pages: trimmed, bounded, no control
/// characters. Broken UTF-8 never reaches here: the host rejects a body that does not decode.
public enum TextInput {
    /// Control and format characters (U+202E turns text around on screen, U+200B hides in a name),
    /// private-use and unassigned code points.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// The trimmed text, or a localized error naming `field`.
    /// - Parameters:
    ///   - value: what was typed (nil when the field was missing).
    ///   - field: the form field, for the error.
    ///   - maxLength: the most characters allowed.
    ///   - required: whether empty text is an error.
    ///   - lines: whether the text may hold line breaks (a multi-line field); each is kept as `\n`.
    public static func clean(_ value: String?, field: String, maxLength: Int = 120, required: Bool = true,
                             lines: Bool = false) throws -> String {
        var text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if lines {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.isEmpty {
            if required { throw KioskError(.invalidInput, "error.field.required", field: field) }
            return ""
        }
        // Counted as written (NFC), a letter with its marks is one character; a pile of marks on one
        // letter, or as many scalars as four characters each, is no name.
        let written = text.precomposedStringWithCanonicalMapping
        guard written.count <= maxLength, written.unicodeScalars.count <= maxLength * 4 else {
            throw KioskError(.invalidInput, "error.field.tooLong", String(maxLength), field: field)
        }
        let hidden = { (scalar: Unicode.Scalar) in Self.isHidden(scalar) && !(lines && scalar == "\n") }
        guard !written.unicodeScalars.contains(where: hidden), written.allSatisfy({ $0.unicodeScalars.count <= 3 }) else {
            throw KioskError(.invalidInput, "error.field.invalid", field: field)
        }
        return written
    }
}
