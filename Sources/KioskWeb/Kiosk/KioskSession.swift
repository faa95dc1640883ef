import Crypto
import Foundation
import KioskCore

/// What a kiosk remembers about the family in front of it, on the server only. It is forgotten
/// after the idle timeout, when the family presses Finish, or when the service restarts.
struct KioskSession: Sendable {
    /// A flow being walked through: its owner (`core` or a module) and name.
    struct FlowRef: Sendable, Hashable {
        let owner: ModuleID
        let name: String
    }

    var id: String
    let siteCode: String
    var familyID: Int64?
    /// The child whose member card identified the family, if one did.
    var scannedChildID: Int64?
    var flow: FlowRef?
    var state: [String: String] = [:]
    /// The screen on display, shown again by `GET …/screen`.
    var screen: KioskScreen?
    /// A nonce of the screen on display: a post carrying an older one is a double submission.
    var step: String = ""
    /// The flow to open once the family is identified.
    var afterIdentify: FlowRef?
    var lastSeen: ContinuousClock.Instant
}

/// The kiosk sessions, in memory, expiring after the idle timeout.
actor KioskSessionStore {
    private var sessions: [String: KioskSession] = [:]
    private let idleTimeout: Duration
    private let clock = ContinuousClock()

    init(idleTimeout: Duration) {
        self.idleTimeout = idleTimeout
    }

    /// The live session with `id` at `siteCode`, touched; nil once it has been idle too long.
    func session(_ id: String?, siteCode: String) -> KioskSession? {
        guard let id, var session = sessions[id], session.siteCode == siteCode else { return nil }
        let now = clock.now
        guard now - session.lastSeen < idleTimeout else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    /// A new session; expired ones are dropped first.
    func create(siteCode: String) -> KioskSession {
        let now = clock.now
        sessions = sessions.filter { now - $0.value.lastSeen < idleTimeout }
        let session = KioskSession(id: Self.newID(), siteCode: siteCode, lastSeen: now)
        sessions[session.id] = session
        return session
    }

    func save(_ session: KioskSession) {
        sessions[session.id] = session
    }

    /// Gives the session a new id, as a family is identified: an id seen before then opens nothing.
    func renew(_ session: inout KioskSession) {
        sessions[session.id] = nil
        session.id = Self.newID()
        sessions[session.id] = session
    }

    func remove(_ id: String?) {
        if let id { sessions[id] = nil }
    }

    private static func newID() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// How many sessions are held (for tests of the reset).
    var count: Int { sessions.count }
}
