import Foundation

/// Cleans what a scanner typed. Keyboard-wedge scanners add white space, a trailing Enter or Tab,
/// and some add configured prefixes or suffixes (`]Q1` symbology identifiers, STX/ETX); phones may
/// share a URL that ends in the token. What is left is the token, upper-cased.
public enum ScannerInput {
    /// The token inside `raw`, or `raw` trimmed when none is found.
    public static func clean(_ raw: String) -> String {
        let trimmed = String(raw.unicodeScalars.filter { !$0.properties.isWhitespace && $0.properties.generalCategory != .control })
        let upper = trimmed.uppercased()
        guard let start = upper.range(of: "\(TicketToken.version).")?.lowerBound ?? upper.range(of: "NTN")?.lowerBound else {
            return upper
        }
        let tail = upper[start...]
        let end = tail.firstIndex { !($0.isASCII && ($0.isUppercase || $0.isNumber || $0 == ".")) } ?? tail.endIndex
        return String(tail[..<end])
    }
}
