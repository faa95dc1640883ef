import CQRencode
import KioskCore

/// The modules of a QR code, encoded by libqrencode.
public struct QRMatrix: Sendable {
    /// How much damage the code survives.
    public enum Correction: Sendable {
        case low, medium, quartile, high

        var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Modules per side.
    public let size: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `text` with the smallest symbol that holds it (alphanumeric mode for tokens).
    /// - Parameters:
    ///   - text: what the code holds.
    ///   - correction: error correction; M by default.
    public init(_ text: String, correction: Correction = .medium) throws {
        guard let code = QRcode_encodeString(text, 0, correction.level, QR_MODE_8, 1) else {
            throw KioskError(.invalidInput, "error.qr.tooLong")
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        self.size = size
        self.modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark.
    public subscript(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// Modules of light margin on each side, as the standard asks.
    public static let quietZone = 4
}
