import Foundation
import HummingbirdTesting
import NIOCore

// Steps the tests of every module take on the live server: log in, add a family, identify it at the
// kiosk, scan at a station. They drive the same pages and API a person uses.

/// The demo administrator, logged in.
public func admin(_ client: any TestClientProtocol) async throws -> Visitor {
    try await loggedIn(client, DemoData.adminUsername, DemoData.adminPassword)
}

/// A staff member, logged in.
public func loggedIn(_ client: any TestClientProtocol, _ username: String, _ password: String) async throws -> Visitor {
    let visitor = Visitor(client)
    try await visitor.get("/login")
    try await visitor.post("/login", [("username", username), ("password", password)], follow: false)
    try await visitor.get("/staff")  // a page of the new session, with its CSRF token
    return visitor
}

/// Adds a family with children straight through the core, as the kiosk would; children are
/// `(full name, yyyy-MM-dd)`. Returns the family's id.
@discardableResult
public func addFamily(_ kiosk: TestKiosk, phone: String, children: [(String, String)]) async throws -> Int64 {
    let today = kiosk.services.clock.today
    let guardian = try GuardianInput(fields: ["guardianName": "Phụ huynh \(phone)", "phone": phone, "relationship": "mother"])
    let first = try ChildInput(fullName: children[0].0, birthDate: LocalDate(iso: children[0].1), school: "TH", grade: "3", today: today)
    let consent = ConsentInput(guardianAgreed: true, childAgreed: true, kiosk: "test")
    let ids = try await kiosk.services.database.registerFamily(site: kiosk.site, guardian: guardian, child: first, consent: consent,
                                                               tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
    for child in children.dropFirst() {
        let input = try ChildInput(fullName: child.0, birthDate: LocalDate(iso: child.1), school: "TH", grade: "3", today: today)
        _ = try await kiosk.services.database.addChild(familyID: ids.familyID, site: kiosk.site, child: input, consent: consent,
                                                       tickets: kiosk.services.tickets, at: TestKiosk.defaultNow)
    }
    return ids.familyID
}

/// A family visitor who opened `flow` (`events/start`) at the demo kiosk and identified by phone and
/// a child's date of birth (`yyyy-MM-dd`).
public func identified(_ client: any TestClientProtocol, phone: String, birth: String, flow: String) async throws -> Visitor {
    let visitor = Visitor(client)
    try await visitor.get("/kiosk/DEMO/start/\(flow)")
    let typed = LocalDate(iso: birth)?.display ?? birth  // as the kiosk's date field sends it
    try await visitor.post("/kiosk/DEMO/screen", [("_action", "phone:"), ("phone", phone), ("birthDate", typed)])
    return visitor
}

/// The demo administrator (logged in as `admin`) creates `username` as staff of the demo site,
/// with the password `mat-khau-dai-1`; returns the account's id.
@discardableResult
public func createStaff(_ admin: Visitor, _ kiosk: TestKiosk, _ username: String) async throws -> Int64 {
    try await admin.get("/admin/DEMO/staff")
    try await admin.post("/admin/DEMO/staff", [("username", username), ("displayName", "Chị Hướng"), ("password", "mat-khau-dai-1"),
                                               ("role", "staff")])
    return try await kiosk.services.database.read { db in
        try Int64.fetchOne(db, sql: "SELECT id FROM staffAccount WHERE username = ?", arguments: [username])!
    }
}

/// The id of the child with this full name.
public func childID(_ kiosk: TestKiosk, _ name: String) async throws -> Int64 {
    try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE fullName = ?", arguments: [name])! }
}

/// The live ticket of a core kind (`MC`, `GC`) held by a child or guardian, as its token.
public func card(_ kiosk: TestKiosk, _ kind: TicketKind, childID: Int64? = nil, guardianID: Int64? = nil, site: Site? = nil) async throws -> String {
    let site = site ?? kiosk.site, tickets = kiosk.services.tickets
    return try await kiosk.services.database.read { db in
        let holder = childID.map { Column("childId") == $0 } ?? (Column("guardianId") == guardianID)
        let record = try TicketRecord.filter(TicketRecord.Columns.kind == kind.code && TicketRecord.Columns.revokedAt == nil && holder)
            .fetchOne(db)!
        return try tickets.token(for: record, site: site).description
    }
}

extension Visitor {
    /// Scans `code` at a station of the demo site set to `activity`, and returns the answer's fields.
    public func scan(_ code: String, activity: String?) async throws -> [String: Any] {
        let answer = try await postJSON("/api/scan", ["code": code, "site": "DEMO", "activity": activity])
        return try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) as? [String: Any] ?? [:]
    }

    /// The people a station set to `activity` finds by `query`: `name`, `detail`, `label` and the
    /// sealed `action` of each.
    public func search(_ query: String, activity: String) async throws -> [[String: String]] {
        let query = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let found = try await get("/staff/DEMO/search?activity=\(activity)&q=\(query)")
        let answer = try JSONSerialization.jsonObject(with: Data(found.body.readableBytesView)) as? [String: [[String: String]]]
        return answer?["items"] ?? []
    }

    /// Performs a station action (a walk-in, a hand-over) offered at a station set to `activity`:
    /// the sealed key of an answer's `offer` or of a search result, with the reason staff typed
    /// when the offer asks one.
    public func stationAction(_ action: String, activity: String, reason: String? = nil) async throws -> [String: Any] {
        let answer = try await postJSON("/api/station-action", ["action": action, "site": "DEMO", "activity": activity, "reason": reason])
        return try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) as? [String: Any] ?? [:]
    }
}

extension String {
    /// Every ticket token on a page, in order, each once.
    public var tokens: [String] {
        let pattern = try! NSRegularExpression(pattern: #"NTN1\.[A-Z0-9]+\.[A-Z]+\.[A-Z2-7]{16}\.[A-Z2-7]{16}"#)
        var seen: [String] = []
        for match in pattern.matches(in: self, range: NSRange(startIndex..., in: self)) {
            let token = String(self[Range(match.range, in: self)!])
            if !seen.contains(token) { seen.append(token) }
        }
        return seen
    }

    /// The PNG images embedded in a page (`data:image/png;base64,…`), in order: the QR codes of tickets.
    public var embeddedPNGs: [[UInt8]] {
        matches(of: /data:image\/png;base64,([A-Za-z0-9+\/=]+)/).compactMap { Data(base64Encoded: String($0.1)).map(Array.init) }
    }
}
