/// The text inside a QR ticket: `NTN1.<SITE>.<KIND>.<ID>.<MAC>`.
///
/// Upper-case base32 and dots, so QR's alphanumeric mode keeps the code small. It carries no name
/// or other personal data: `ID` is random (80 bits), `MAC` a truncated HMAC-SHA256 under the site's
/// key. Anyone can render a token; only the key can mint one.
public struct TicketToken: Sendable, Hashable, CustomStringConvertible {
    /// The format version this code writes and reads.
    public static let version = "NTN1"

    public let siteCode: String
    public let kind: String
    public let id: String
    public let mac: String

    /// The part the MAC signs.
    var signedPart: String { "\(Self.version).\(siteCode).\(kind).\(id)" }

    /// The whole token.
    public var description: String { "\(signedPart).\(mac)" }

    init(siteCode: String, kind: String, id: String, mac: String) {
        self.siteCode = siteCode
        self.kind = kind
        self.id = id
        self.mac = mac
    }

    /// Why a text is not a token.
    public enum ParseFailure: Error, Sendable, Equatable {
        /// Not shaped like a ticket at all (truncated, wrong characters).
        case malformed
        /// Shaped like a ticket of a version this code does not know.
        case unknownVersion
    }

    /// Parses a token's shape; the signature is checked by `TicketSigner.verify`. Works on the bytes:
    /// a token is ASCII, and the gate parses one per scan.
    public static func parse(_ text: String) throws(ParseFailure) -> TicketToken {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 5 else { throw .malformed }
        guard parts[0].elementsEqual(version.utf8) else {
            throw parts[0].starts(with: "NTN".utf8) ? .unknownVersion : .malformed
        }
        guard Site.isValidCode(parts[1]),
              (2...4).contains(parts[2].count), parts[2].allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }),
              parts[3].count == TicketSigner.idLength, Base32.isEncoded(parts[3]),
              parts[4].count == TicketSigner.macLength, Base32.isEncoded(parts[4]) else { throw .malformed }
        let string = { (part: Substring.UTF8View) in String(Substring(part)) }
        return TicketToken(siteCode: string(parts[1]), kind: string(parts[2]), id: string(parts[3]), mac: string(parts[4]))
    }
}
