import HTTPTypes
import Hummingbird
import KioskCore

/// Says how long the server took over each staff API answer, in the standard `Server-Timing` header
/// (`app;dur=0.512`, milliseconds), from the first middleware to the answer. The browser's developer
/// tools show it for the station's scans, and the benchmark reads it to tell the server's own time
/// from the time spent in the network stack and the load generator.
struct ServerTimingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let clock = ContinuousClock()
        let start = clock.now
        var response = try await next(request, context)
        let elapsed = (clock.now - start).components
        let microseconds = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
        response.headers[.serverTiming] = "app;dur=\(microseconds / 1000).\((microseconds % 1000).zeroPadded(3))"
        return response
    }
}

extension HTTPField.Name {
    /// `Server-Timing`: how long the server took over an answer.
    public static var serverTiming: Self { Self("Server-Timing")! }
}
