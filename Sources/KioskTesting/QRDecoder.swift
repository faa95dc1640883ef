import Foundation

/// Decodes the QR codes in an image with zbarimg (Debian's zbar-tools), as a phone at the gate would.
public enum QRDecoder {
    /// The texts of the QR codes in `bytes`, an image file of type `suffix` (`png`, `pbm`).
    public static func decode(_ bytes: [UInt8], suffix: String = "png") throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).\(suffix)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try decode(file: file.path)
    }

    /// The texts of the QR codes in an image file.
    public static func decode(file: String) throws -> [String] {
        try ToolRun("/usr/bin/zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file]).output.split(separator: "\n").map(String.init)
    }
}
