import CGD
import KioskCore

/// A libgd image, freed when released. Only this target touches libgd.
final class GDImage {
    let pointer: gdImagePtr

    /// A palette image (fast, for plain QR codes).
    init(paletteWidth width: Int, height: Int) throws {
        guard let pointer = gdImageCreate(Int32(width), Int32(height)) else { throw KioskError(.unavailable, "error.image") }
        self.pointer = pointer
    }

    /// A true-colour image (anti-aliased text, for cards).
    init(trueColorWidth width: Int, height: Int) throws {
        guard let pointer = gdImageCreateTrueColor(Int32(width), Int32(height)) else { throw KioskError(.unavailable, "error.image") }
        self.pointer = pointer
    }

    deinit { gdImageDestroy(pointer) }

    /// The image as PNG bytes.
    /// - Parameter compression: zlib level, 1 (fast) to 9 (small).
    func png(compression: Int32 = 1) throws -> [UInt8] {
        var size: Int32 = 0
        guard let bytes = gdImagePngPtrEx(pointer, &size, compression) else { throw KioskError(.unavailable, "error.image") }
        defer { gdFree(bytes) }
        return Array(UnsafeBufferPointer(start: bytes.assumingMemoryBound(to: UInt8.self), count: Int(size)))
    }
}
