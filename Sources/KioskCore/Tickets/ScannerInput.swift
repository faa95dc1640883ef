/// Cleans what a scanner typed. Keyboard-wedge scanners add white space, a trailing Enter or Tab,
/// and some add configured prefixes or suffixes (`]Q1` symbology identifiers, STX/ETX); phones may
/// share a URL that ends in the token. What is left is the token, upper-cased.
///
/// It runs on every scan, so it works on the UTF-8 bytes: a token is ASCII.
public enum ScannerInput {
    /// The token inside `raw`, or `raw` upper-cased without white space when none is found.
    public static func clean(_ raw: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for byte in raw.utf8 where byte > 0x20 && byte != 0x7F {  // drops white space and control characters
            bytes.append((0x61...0x7A).contains(byte) ? byte - 0x20 : byte)
        }
        guard let start = firstIndex(of: Array("\(TicketToken.version).".utf8), in: bytes) ?? firstIndex(of: Array("NTN".utf8), in: bytes) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let isTokenByte = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E }
        let end = bytes[start...].firstIndex { !isTokenByte($0) } ?? bytes.endIndex
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A code that is no token of ours (a library's barcode), as the scanner typed it: white space
    /// and control characters dropped at both ends, at most 200 characters.
    public static func code(_ raw: String) -> String {
        let ends = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 || scalar.value == 0x7F }
        let scalars = raw.unicodeScalars.drop(while: ends).reversed().drop(while: ends).reversed()
        return String(String.UnicodeScalarView(scalars).prefix(200))
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
