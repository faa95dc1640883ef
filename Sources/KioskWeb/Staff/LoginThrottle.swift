/// Slows password guessing without letting a stranger lock the owner out. Tries are counted per
/// client address and account, and per client address over all accounts, **before** the password
/// is checked, so that parallel tries count at once. Five failures for an account from one
/// address, or twenty from one address, refuse further tries from that address for 15 minutes;
/// the owner at another address is not concerned. A success clears that address's account count.
actor LoginThrottle {
    static let accountLimit = 5
    static let clientLimit = 20
    static let window: Duration = .seconds(15 * 60)

    private struct Count {
        var failures: [ContinuousClock.Instant] = []
        var checking = 0
    }

    private var counts: [String: Count] = [:]
    private let clock = ContinuousClock()

    /// Whether a try for `username` from `client` may be checked now; if so it counts at once,
    /// until `finish` says how it went.
    func begin(client: String, username: String) -> Bool {
        let keys = Self.keys(client, username)
        guard busy(keys.account) < Self.accountLimit, busy(keys.client) < Self.clientLimit else { return false }
        for key in [keys.account, keys.client] { counts[key, default: Count()].checking += 1 }
        return true
    }

    /// Ends a try that `begin` allowed.
    func finish(client: String, username: String, succeeded: Bool) {
        let keys = Self.keys(client, username)
        for key in [keys.account, keys.client] {
            counts[key, default: Count()].checking -= 1
            if !succeeded { counts[key]?.failures.append(clock.now) }
        }
        if succeeded { counts[keys.account] = nil }
    }

    /// Recent failures and tries being checked under `key`.
    private func busy(_ key: String) -> Int {
        let now = clock.now
        guard var count = counts[key] else { return 0 }
        count.failures.removeAll { now - $0 >= Self.window }
        counts[key] = count.failures.isEmpty && count.checking == 0 ? nil : count
        return count.failures.count + count.checking
    }

    private static func keys(_ client: String, _ username: String) -> (account: String, client: String) {
        ("\(client)|\(username.lowercased())", client)
    }
}
