/// Slows down password guessing: after five failed logins for a username within 15 minutes,
/// that username is refused for 15 minutes, whatever the password.
actor LoginThrottle {
    private var failures: [String: [ContinuousClock.Instant]] = [:]
    private let clock = ContinuousClock()
    static let limit = 5
    static let window: Duration = .seconds(15 * 60)

    /// Whether a login for `username` may be tried now.
    func allows(_ username: String) -> Bool {
        recent(username.lowercased()).count < Self.limit
    }

    func recordFailure(_ username: String) {
        let key = username.lowercased()
        failures[key] = recent(key) + [clock.now]
    }

    func recordSuccess(_ username: String) {
        failures[username.lowercased()] = nil
    }

    private func recent(_ key: String) -> [ContinuousClock.Instant] {
        let now = clock.now
        return (failures[key] ?? []).filter { now - $0 < Self.window }
    }
}
