/// The JSON body of a scan a station posts (`POST /api/scan`).
public struct StationScanRequest: Decodable, Sendable {
    /// What the scanner typed.
    public let code: String
    public let site: String
    /// The station's activity (`<module>/<key>`), if set.
    public let activity: String?
}

/// The JSON body of a station action (a walk-in, a check-in from the name search).
public struct StationActionRequest: Decodable, Sendable {
    /// The sealed action the station was offered.
    public let action: String
    public let site: String
    public let activity: String
    /// The answer to an offer that asks a reason.
    public let reason: String?
}
