import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A browser-like client for tests against the live server: it keeps cookies, sends the CSRF
/// token the last page carried, and follows redirects when asked.
public final class Visitor: @unchecked Sendable {
    private let client: any TestClientProtocol
    private var cookies: [String: String] = [:]
    /// The last HTML page received.
    public private(set) var page: String = ""

    public init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// A GET; redirects are followed (at most 5).
    @discardableResult
    public func get(_ uri: String, follow: Bool = true) async throws -> TestResponse {
        try await send(uri, method: .get, body: nil, contentType: nil, follow: follow)
    }

    /// A form post with the page's CSRF token (and `_step`, when the page has one) added.
    @discardableResult
    public func post(_ uri: String, _ fields: [(String, String)], follow: Bool = true, addTokens: Bool = true) async throws -> TestResponse {
        var fields = fields
        if addTokens {
            if !fields.contains(where: { $0.0 == "_csrf" }), let csrf = csrfToken { fields.append(("_csrf", csrf)) }
            if !fields.contains(where: { $0.0 == "_step" }), let step = value(of: "_step") { fields.append(("_step", step)) }
        }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: ByteBuffer(string: body), contentType: "application/x-www-form-urlencoded", follow: follow)
    }

    /// A form post exactly as given, with extra headers (a page of another origin, say).
    @discardableResult
    public func post(_ uri: String, _ fields: [(String, String)], headers extra: [String: String]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: ByteBuffer(string: body), contentType: "application/x-www-form-urlencoded",
                              follow: false, extra: extra)
    }

    /// A raw post of bytes.
    @discardableResult
    public func post(_ uri: String, raw: [UInt8], contentType: String, headers extra: [String: String] = [:]) async throws -> TestResponse {
        try await send(uri, method: .post, body: ByteBuffer(bytes: raw), contentType: contentType, follow: false, extra: extra)
    }

    /// A JSON post with the last page's CSRF token in `X-CSRF-Token`, as the station's script sends it.
    public func postJSON(_ uri: String, _ json: [String: String?]) async throws -> TestResponse {
        let data = try JSONSerialization.data(withJSONObject: json.mapValues { $0 ?? NSNull() as Any })
        return try await send(uri, method: .post, body: ByteBuffer(bytes: data), contentType: "application/json", follow: false,
                              extra: ["X-CSRF-Token": csrfToken ?? ""])
    }

    /// The CSRF token of the last page: its forms' `_csrf`, or the `data-csrf` its scripts read.
    public var csrfToken: String? {
        value(of: "_csrf") ?? page.firstMatch(of: /data-csrf="([0-9a-f]+)"/).map { String($0.1) }
    }

    /// The value of the hidden or text input named `name` on the last page.
    public func value(of name: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = page[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// A cookie's value.
    public func cookie(_ name: String) -> String? { cookies[name] }

    /// Sets a cookie as another page of the same host could (cookies do not keep ports apart).
    public func plant(cookie name: String, _ value: String) { cookies[name] = value }

    private func send(_ uri: String, method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?, follow: Bool,
                      extra: [String: String] = [:]) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if let contentType { headers[.contentType] = contentType }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        var response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        remember(response)
        var hops = 0
        while follow, (300..<400).contains(response.status.code), let location = response.headers[.location], hops < 5 {
            hops += 1
            var next = HTTPFields()
            if !cookies.isEmpty { next[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            response = try await client.executeRequest(uri: location, method: .get, headers: next, body: nil)
            remember(response)
        }
        return response
    }

    private func remember(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            if value.isEmpty || field.value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            page = String(buffer: response.body)
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension Visitor {
    /// A `multipart/form-data` post, as a browser sends a form with a file, with the page's CSRF token.
    @discardableResult
    public func post(_ uri: String, _ fields: [(String, String)], files: [(name: String, filename: String, bytes: [UInt8])]) async throws -> TestResponse {
        let boundary = "----kiosk\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields + [("_csrf", csrfToken ?? "")] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n".utf8)
            body += Array("Content-Type: application/octet-stream\r\n\r\n".utf8) + file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await post(uri, raw: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }
}
