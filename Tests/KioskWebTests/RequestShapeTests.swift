import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// Requests of odd shapes: HEAD, and paths with a NUL or a control character.
@Suite struct RequestShapeTests {
    @Test func headAnswersAsGetWithoutTheBody() async throws {
        try await withLiveKiosk { _, client in
            for path in ["/kiosk/DEMO", "/login", "/healthz", "/assets/css/kiosk.css"] {
                let response = try await client.executeRequest(uri: path, method: .head, headers: [:], body: nil)
                #expect(response.status == .ok, "\(path)")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func aPathWithANulOrAControlCharacterIsRefused() async throws {
        try await withLiveKiosk { _, client in
            for path in ["/assets/js/kiosk.js%00.html", "/assets/css/kiosk.css%00", "/kiosk/DEMO%0a", "/kiosk/DEMO%0d%0aSet-Cookie:%20x=1"] {
                let response = try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
                #expect(response.status == .badRequest, "\(path)")
                #expect(response.headers[.setCookie] == nil || !response.headers[.setCookie]!.contains("x=1"))
            }
        }
    }
}
