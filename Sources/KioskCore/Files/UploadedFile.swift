/// A file sent with an admin form (a photo of a document), as it arrived.
public struct UploadedFile: Sendable, Hashable {
    /// The name the sender's computer gave it; shown, never used as a path.
    public let filename: String
    public let bytes: [UInt8]

    public init(filename: String, bytes: [UInt8]) {
        self.filename = filename
        self.bytes = bytes
    }

    /// The kind of file its first bytes say it is, if it is one the service takes.
    public var type: FileType? {
        FileType.allCases.first { type in type.magic.contains { bytes.starts(with: $0) } }
    }
}

/// The kinds of file the service stores: photos and scans of documents. A file is known by its
/// first bytes, not by its name or the type its sender claims.
public enum FileType: String, Sendable, Hashable, CaseIterable, Codable {
    case jpeg, png, pdf

    /// The media type it is served with.
    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .pdf: "application/pdf"
        }
    }

    var magic: [[UInt8]] {
        switch self {
        case .jpeg: [[0xFF, 0xD8, 0xFF]]
        case .png: [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]
        case .pdf: [Array("%PDF-".utf8)]
        }
    }
}
