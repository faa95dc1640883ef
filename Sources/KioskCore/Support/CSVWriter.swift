import Foundation

/// Writes CSV that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, CRLF line ends,
/// fields quoted when needed, and cells that start like a formula prefixed with `'`.
public struct CSVWriter: Sendable {
    private var text = "\u{FEFF}"

    public init(header: [String]) {
        append(header)
    }

    /// Adds a row.
    public mutating func append(_ row: [String]) {
        text += row.map(Self.escape).joined(separator: ",") + "\r\n"
    }

    /// The file's bytes.
    public var bytes: [UInt8] { Array(text.utf8) }

    static func escape(_ field: String) -> String {
        var field = field
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { field = "'" + field }
        // Compared as scalars: "\r\n" is one Character, so a lone "\n" would not match it.
        guard field.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return field }
        // Quotes doubled scalar by scalar: a quote followed by a combining mark is one Character,
        // which a search for the quote Character would miss, leaving the field open.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in field.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append(scalar) }
        }
        quoted.append("\"")
        return String(quoted)
    }
}
