import CGD
import Foundation
import KioskCore

/// Draws a printable ticket card: the centre's name, what the ticket is, the QR code, the holder's
/// name in Vietnamese, a detail line (a date) and the token in small print. 576 px wide, the width
/// of an 80 mm receipt printer at 203 dpi.
public struct TicketCardRenderer: Sendable {
    /// The TrueType fonts used, regular and bold; they must carry Vietnamese glyphs.
    public let regularFont: String
    public let boldFont: String

    /// Fonts searched in order when none is configured.
    public static let fontCandidates: [(regular: String, bold: String)] = [
        ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ]

    /// A renderer with the first installed font pair.
    public init() throws {
        guard let pair = Self.fontCandidates.first(where: { FileManager.default.fileExists(atPath: $0.regular) }) else {
            throw KioskError(.unavailable, "error.font.missing")
        }
        self.regularFont = pair.regular
        self.boldFont = FileManager.default.fileExists(atPath: pair.bold) ? pair.bold : pair.regular
    }

    /// What goes on the card.
    public struct Content: Sendable {
        public let token: String
        public let siteName: String
        public let title: String
        public let holder: String
        public let detail: String

        public init(token: String, siteName: String, title: String, holder: String, detail: String) {
            self.token = token
            self.siteName = siteName
            self.title = title
            self.holder = holder
            self.detail = detail
        }
    }

    static let width = 576

    /// The card as PNG bytes.
    public func png(_ content: Content) throws -> [UInt8] {
        let matrix = try QRMatrix(content.token)
        let scale = max(4, min(10, 420 / (matrix.size + 2 * QRMatrix.quietZone)))
        let qrSide = (matrix.size + 2 * QRMatrix.quietZone) * scale
        let height = 150 + qrSide + 170
        let card = try GDImage(trueColorWidth: Self.width, height: height)
        let white = Self.rgb(255, 255, 255)
        let black = Self.rgb(0, 0, 0)
        let grey = Self.rgb(90, 90, 90)
        gdImageFilledRectangle(card.pointer, 0, 0, Int32(Self.width - 1), Int32(height - 1), white)
        gdImageRectangle(card.pointer, 2, 2, Int32(Self.width - 3), Int32(height - 3), black)
        try text(content.siteName, on: card, font: regularFont, size: 18, y: 44, color: grey)
        try text(content.title, on: card, font: boldFont, size: 26, y: 100, color: black)
        let qr = try QRRenderer.qrImage(matrix, scale: scale)
        gdImageCopy(card.pointer, qr.pointer, Int32((Self.width - qrSide) / 2), 120, 0, 0, Int32(qrSide), Int32(qrSide))
        try text(content.holder, on: card, font: boldFont, size: 30, y: 120 + qrSide + 56, color: black)
        try text(content.detail, on: card, font: regularFont, size: 18, y: 120 + qrSide + 100, color: black)
        try text(content.token, on: card, font: regularFont, size: 11, y: 120 + qrSide + 140, color: grey)
        return try card.png(compression: 6)
    }

    /// A true-colour value (libgd's `gdTrueColor` macro).
    private static func rgb(_ red: Int32, _ green: Int32, _ blue: Int32) -> Int32 { (red << 16) | (green << 8) | blue }

    /// Draws one centred line, shrinking the size until it fits the card.
    private func text(_ line: String, on image: GDImage, font: String, size: Double, y: Int, color: Int32) throws {
        let nfc = line.precomposedStringWithCanonicalMapping
        var size = size
        while true {
            var bounds = [Int32](repeating: 0, count: 8)
            let measured = nfc.withCString { text in
                font.withCString { fontPath in
                    gdImageStringFT(nil, &bounds, color, UnsafeMutablePointer(mutating: fontPath), size, 0, 0, 0,
                                    UnsafeMutablePointer(mutating: text))
                }
            }
            if measured != nil { throw KioskError(.unavailable, "error.font.missing") }
            let textWidth = Int(bounds[2] - bounds[0])
            if textWidth <= Self.width - 40 || size <= 8 {
                let x = (Self.width - textWidth) / 2
                _ = nfc.withCString { text in
                    font.withCString { fontPath in
                        gdImageStringFT(image.pointer, &bounds, color, UnsafeMutablePointer(mutating: fontPath), size, 0,
                                        Int32(x), Int32(y), UnsafeMutablePointer(mutating: text))
                    }
                }
                return
            }
            size -= 1
        }
    }
}
