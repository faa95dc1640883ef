import Foundation

/// The kiosk sessions, in memory, expiring after the idle timeout.
public actor KioskSessionStore {
    private var sessions: [String: KioskSession] = [:]
    private let idleTimeout: Duration
    private let clock = ContinuousClock()

    public init(idleTimeout: Duration) {
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

    /// The live session, if the press comes from the screen it shows (`step`). The step is used up
    /// at once, so of two presses sent together from one screen only the first goes on.
    func claim(_ id: String?, siteCode: String, step: String) -> KioskSession? {
        guard var session = session(id, siteCode: siteCode), !session.step.isEmpty,
              ConstantTime.equal(session.step, step) else { return nil }
        session.step = ""
        sessions[session.id] = session
        return session
    }

    /// A new session; expired ones are dropped first.
    func create(siteCode: String) -> KioskSession {
        let now = clock.now
        sessions = sessions.filter { now - $0.value.lastSeen < idleTimeout }
        let session = KioskSession(id: RandomHex.make(bits: 256), siteCode: siteCode, lastSeen: now)
        sessions[session.id] = session
        return session
    }

    func save(_ session: KioskSession) {
        sessions[session.id] = session
    }

    /// Gives the session a new id, as a family is identified: an id seen before then opens nothing.
    func renew(_ session: inout KioskSession) {
        sessions[session.id] = nil
        session.id = RandomHex.make(bits: 256)
        sessions[session.id] = session
    }

    func remove(_ id: String?) {
        if let id { sessions[id] = nil }
    }

    /// How many sessions are held (for tests of the reset).
    public var count: Int { sessions.count }
}
