import Foundation
import KioskCore
import KioskTesting
import KioskTickets
import Testing

/// Every way a ticket is drawn must decode back to the same token with a real QR decoder.
@Suite struct RenderedCodeTests {
    static let tokens = [
        "NTN1.DEMO.MC.ABCDEFGHIJKLMNOP.QRSTUVWXYZ234567",
        "NTN1.TPHCM.EV.7777777777777777.2222222222222222",
        "NTN1.Q1.GC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB",
    ]

    @Test(arguments: tokens)
    func pngDecodesToTheToken(token: String) throws {
        let png = try QRRenderer.png(QRMatrix(token), scale: 4)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try QRDecoder.decode(png, suffix: "png") == [token])
    }

    @Test func tokensUseTheSmallAlphanumericSymbol() throws {
        // 50 characters in alphanumeric mode fit version 3 at level M (29 modules); in byte mode they would not.
        #expect(try QRMatrix(Self.tokens[0]).size <= 29)
    }

    @Test(arguments: tokens)
    func svgDecodesToTheToken(token: String) throws {
        let svg = QRRenderer.svg(try QRMatrix(token))
        #expect(svg.hasPrefix("<svg"))
        let svgFile = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).svg")
        try Data(svg.utf8).write(to: svgFile)
        defer { try? FileManager.default.removeItem(at: svgFile) }
        let pngFile = svgFile.deletingPathExtension().appendingPathExtension("png")
        defer { try? FileManager.default.removeItem(at: pngFile) }
        #expect(try ToolRun("/usr/bin/rsvg-convert", ["-o", pngFile.path, svgFile.path]).status == 0)
        #expect(try QRDecoder.decode(Array(Data(contentsOf: pngFile)), suffix: "png") == [token])
    }

    @Test func terminalDrawingDecodesToTheToken() throws {
        // Given the half-block drawing (light modules drawn, for dark terminals) …
        let text = QRRenderer.terminal(try QRMatrix(Self.tokens[0]))
        // … turned back into pixels, one text cell = one module wide, two modules high.
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n") {
            var top: [Bool] = [], bottom: [Bool] = []
            for cell in line {
                top.append(cell == " " || cell == "▄")
                bottom.append(cell == " " || cell == "▀")
            }
            rows += [top, bottom]
        }
        let scale = 4
        var pbm = "P1\n\(rows[0].count * scale) \(rows.count * scale)\n"
        for row in rows {
            let line = row.flatMap { Array(repeating: $0 ? "1" : "0", count: scale) }.joined(separator: " ") + "\n"
            pbm += String(repeating: line, count: scale)
        }
        #expect(try QRDecoder.decode(Array(pbm.utf8), suffix: "pbm") == [Self.tokens[0]])
    }

    @Test func theCardShowsTheCodeThatDecodes() throws {
        let card = try TicketCardRenderer().png(.init(token: Self.tokens[0], siteName: "Nhà Thiếu nhi Quận 1", title: "Thẻ thành viên",
                                                      holder: "Đặng Thị Ánh", detail: "Ngày sinh: 04/03/2016"))
        #expect(try QRDecoder.decode(card, suffix: "png") == [Self.tokens[0]])
    }

    @Test func aVeryLongNameShrinksToFitTheCard() throws {
        let name = "Công Tôn Nữ Thị Hoàng Phương Thảo Nguyên Ngọc Bích Trâm"
        let card = try TicketCardRenderer().png(.init(token: Self.tokens[1], siteName: "x", title: "Vé", holder: name, detail: ""))
        #expect(try QRDecoder.decode(card, suffix: "png") == [Self.tokens[1]])
    }
}
