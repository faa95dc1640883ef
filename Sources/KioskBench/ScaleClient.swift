import Foundation

/// Requests to the server through curl, timed by curl itself (`time_total`, to the last byte, with
/// redirects followed). The requests of one batch go in turn from one curl process over one kept-alive
/// connection, as a station's browser sends them.
struct CurlClient {
    let base: String
    /// Options every request carries (cookies, headers).
    var options: [String] = []

    /// A request: the path, and curl's options for it (the method, the body, headers).
    typealias Request = (path: String, arguments: [String])

    struct Answer {
        let status: Int
        let milliseconds: Double
        /// The server's own time, from its `Server-Timing` header (the staff /api endpoints send one).
        let serverMilliseconds: Double?
        let body: String
    }

    /// Sends a request and throws unless it answers `status`.
    func expect(_ status: Int, _ path: String, _ arguments: [String] = []) throws -> Answer {
        try expect(status, [(path, arguments)])[0]
    }

    /// Sends the requests in turn and throws unless each answers `status`.
    func expect(_ status: Int, _ requests: [Request]) throws -> [Answer] {
        let marker = "\n--curl-timing-- "
        let format = marker + "%{http_code} %{time_total} %header{server-timing}\n"
        var operations: [String] = []
        for request in requests {
            if !operations.isEmpty { operations.append("--next") }
            operations += ["-s", "-w", format] + options + request.arguments + [base + request.path]
        }
        var rest = try runTool("/usr/bin/curl", operations)[...]
        return try requests.map { request in
            guard let found = rest.range(of: marker), let end = rest[found.upperBound...].firstIndex(of: "\n") else {
                throw BenchError("curl printed no timing for \(request.path): \(rest.prefix(300))")
            }
            let body = String(rest[..<found.lowerBound])
            let fields = rest[found.upperBound..<end].split(separator: " ")
            rest = rest[rest.index(after: end)...]
            guard fields.count >= 2, let code = Int(fields[0]), let seconds = Double(fields[1]) else {
                throw BenchError("curl printed no timing for \(request.path)")
            }
            guard code == status else { throw BenchError("\(request.path) answered \(code), not \(status): \(body.prefix(300))") }
            let server = fields.count > 2 ? fields[2].split(separator: "=").last.flatMap { Double($0) } : nil
            return Answer(status: code, milliseconds: seconds * 1000, serverMilliseconds: server, body: body)
        }
    }

    /// `text` for a URL's query or a form: everything but unreserved ASCII percent-encoded.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved)!
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Logs the demo administrator in; the client carries the session's cookies (kept in `jar`) and
    /// the CSRF token its forms post.
    static func administrator(base: String, jar: String) throws -> (client: CurlClient, csrf: String) {
        let login = try runTool("/usr/bin/curl", ["-s", "-c", jar, "-b", jar, "\(base)/login"])
        guard let token = StationLogin.value(after: "name=\"_csrf\" value=\"", in: login) else { throw BenchError("no CSRF token on the login page") }
        let client = CurlClient(base: base, options: ["-c", jar, "-b", jar])
        _ = try client.expect(303, "/login", ["--data-urlencode", "username=admin", "--data-urlencode", "password=demo-admin-2026",
                                             "--data-urlencode", "_csrf=\(token)"])
        // The token is bound to the new session: read it from a page of the session.
        let page = try client.expect(200, "/admin/DEMO/families")
        guard let csrf = StationLogin.value(after: "name=\"_csrf\" value=\"", in: page.body) else { throw BenchError("no CSRF token on the admin page") }
        return (client, csrf)
    }
}

/// The median and the 99th percentile of timings, in milliseconds.
struct Percentiles {
    let p50: Double
    let p99: Double

    init(_ milliseconds: [Double]) {
        let sorted = milliseconds.sorted()
        func at(_ share: Double) -> Double { sorted.isEmpty ? .nan : sorted[max(0, Int((Double(sorted.count) * share).rounded(.up)) - 1)] }
        p50 = at(0.5)
        p99 = at(0.99)
    }
}
