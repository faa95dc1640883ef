import Crypto
import Foundation

/// Mints and verifies ticket tokens with the sites' secret keys.
public struct TicketSigner: Sendable {
    /// Characters of the random id (10 bytes).
    static let idLength = 16
    /// Characters of the MAC (the first 10 bytes of HMAC-SHA256).
    static let macLength = 16

    let keyring: SiteKeyring

    /// A signer whose keys live in `keyring`.
    public init(keyring: SiteKeyring) {
        self.keyring = keyring
    }

    /// A new random ticket id: 80 bits from the system's secure generator.
    public static func newTicketID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base32.encode((0..<10).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The signed token for a ticket id.
    public func token(siteCode: String, kind: String, id: String) throws -> TicketToken {
        let unsigned = TicketToken(siteCode: siteCode, kind: kind, id: id, mac: "")
        return TicketToken(siteCode: siteCode, kind: kind, id: id, mac: try mac(of: unsigned.signedPart, siteCode: siteCode))
    }

    /// Whether the token's MAC is the one the site's key gives, compared in constant time.
    public func verify(_ token: TicketToken) throws -> Bool {
        let expected = try fullMAC(of: token.signedPart, siteCode: token.siteCode).prefix(10)
        guard let presented = Self.decodeBase32(token.mac), presented.count == 10 else { return false }
        return ConstantTime.equal(expected, presented)
    }

    /// The HMAC-SHA256 of `text` under the site's key, for other values the core signs; `text` must
    /// not begin like a ticket token (`NTN1.`).
    func authenticate(_ text: String, siteCode: String) throws -> [UInt8] {
        try fullMAC(of: text, siteCode: siteCode)
    }

    private func mac(of text: String, siteCode: String) throws -> String {
        Base32.encode(try fullMAC(of: text, siteCode: siteCode).prefix(10))
    }

    private func fullMAC(of text: String, siteCode: String) throws -> [UInt8] {
        var authenticator = try keyring.authenticator(for: siteCode)
        authenticator.update(data: Array(text.utf8))
        return Array(authenticator.finalize())
    }

    private static func decodeBase32(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = character - UInt8(ascii: "A")
            case UInt8(ascii: "2")...UInt8(ascii: "7"): value = character - UInt8(ascii: "2") + 26
            default: return nil
            }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}
