import HummingbirdBcrypt

/// Staff passwords, hashed with bcrypt off the event loop. One cost for every account, and for the
/// hash an unknown username is checked against, so that a wrong username takes as long as a wrong
/// password.
public enum PasswordHashing {
    /// The bcrypt cost of every staff password (the demo's accounts use `demoCost`, to start fast).
    public static let cost = 12
    /// The cost of the demo site's accounts.
    static let demoCost = 10

    /// The hash to store for `password`.
    public static func hash(_ password: String, cost: Int = cost) async -> String {
        await Task.detached { Bcrypt.hash(password, cost: UInt8(cost)) }.value
    }

    /// Whether `password` is the one `hash` was made from; nil `hash` (no such user) is checked
    /// against a hash of the same cost and is never valid.
    static func verify(_ password: String, hash: String?) async -> Bool {
        let checked = hash ?? unknownUserHash
        let valid = await Task.detached { Bcrypt.verify(password, hash: checked) }.value
        return valid && hash != nil && password.utf8.count <= 72
    }

    private static let unknownUserHash = Bcrypt.hash("not a password", cost: UInt8(cost))
}
