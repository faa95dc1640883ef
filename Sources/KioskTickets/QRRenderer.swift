import CGD
import KioskCore

/// Draws QR codes as PNG (libgd), SVG and terminal text, always with the quiet zone.
public enum QRRenderer {
    /// A PNG of the code, `scale` pixels per module.
    public static func png(_ matrix: QRMatrix, scale: Int = 8) throws -> [UInt8] {
        let image = try qrImage(matrix, scale: scale)
        return try image.png()
    }

    /// A palette image of the code; rows are written straight into libgd's pixel rows.
    static func qrImage(_ matrix: QRMatrix, scale: Int) throws -> GDImage {
        let side = (matrix.size + 2 * QRMatrix.quietZone) * scale
        let image = try GDImage(paletteWidth: side, height: side)
        let white = gdImageColorAllocate(image.pointer, 255, 255, 255)
        let black = gdImageColorAllocate(image.pointer, 0, 0, 0)
        guard let rows = image.pointer.pointee.pixels else { throw KioskError(.unavailable, "error.image") }
        var line = [UInt8](repeating: UInt8(white), count: side)
        let blank = line
        for y in 0..<side {
            rows[y]!.update(from: blank, count: side)
        }
        for row in 0..<matrix.size {
            line = blank
            for column in 0..<matrix.size where matrix[row, column] {
                let x = (column + QRMatrix.quietZone) * scale
                for dx in 0..<scale { line[x + dx] = UInt8(black) }
            }
            let top = (row + QRMatrix.quietZone) * scale
            for dy in 0..<scale { rows[top + dy]!.update(from: line, count: side) }
        }
        return image
    }

    /// An SVG of the code, one path of unit squares; `moduleSize` is the size of a module in px.
    public static func svg(_ matrix: QRMatrix, moduleSize: Int = 8) -> String {
        let side = matrix.size + 2 * QRMatrix.quietZone
        var path = ""
        for row in 0..<matrix.size {
            var column = 0
            while column < matrix.size {
                guard matrix[row, column] else { column += 1; continue }
                let start = column
                while column < matrix.size, matrix[row, column] { column += 1 }
                path += "M\(start + QRMatrix.quietZone) \(row + QRMatrix.quietZone)h\(column - start)v1h-\(column - start)z"
            }
        }
        let pixels = side * moduleSize
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }

    /// The code drawn with half blocks, two module rows per text line, for a terminal.
    public static func terminal(_ matrix: QRMatrix) -> String {
        let quiet = 2
        let side = matrix.size + 2 * quiet
        func dark(_ row: Int, _ column: Int) -> Bool {
            let r = row - quiet, c = column - quiet
            return r >= 0 && c >= 0 && r < matrix.size && c < matrix.size && matrix[r, c]
        }
        var text = ""
        for row in stride(from: 0, to: side, by: 2) {
            for column in 0..<side {
                // Light modules are drawn as blocks so the code reads on a dark terminal.
                switch (dark(row, column), dark(row + 1, column)) {
                case (false, false): text += "█"
                case (false, true): text += "▀"
                case (true, false): text += "▄"
                case (true, true): text += " "
                }
            }
            text += "\n"
        }
        return text
    }
}
