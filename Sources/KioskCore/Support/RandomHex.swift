import Crypto
import Foundation

/// Secrets as lower-case hex, from the system's secure random generator: session ids, step
/// nonces, CSRF tokens, the names of stored files.
public enum RandomHex {
    /// `bits` random bits (a multiple of 8), as `bits / 4` hex digits.
    public static func make(bits: Int) -> String {
        SymmetricKey(size: SymmetricKeySize(bitCount: bits)).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }
}
