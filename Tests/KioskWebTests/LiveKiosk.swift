import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// Runs `body` against the real server on 127.0.0.1 with a fresh test kiosk.
func withLiveKiosk<Value: Sendable>(idleTimeout: Int = 90, modules: [any KioskModule] = [VisitsModule()],
                                    _ body: @Sendable (TestKiosk, any TestClientProtocol) async throws -> Value) async throws -> Value {
    let kiosk = try await TestKiosk.make(modules: modules, idleTimeout: idleTimeout)
    defer { kiosk.remove() }
    return try await kiosk.application().test(.live) { client in try await body(kiosk, client) }
}

/// Logs a visitor in.
func logIn(_ visitor: Visitor, _ username: String, _ password: String) async throws {
    try await visitor.get("/login")
    try await visitor.post("/login", [("username", username), ("password", password)], follow: false)
    try await visitor.get("/staff")  // a page of the new session, with its CSRF token
}

/// Walks the kiosk registration of a new family to its member card.
@discardableResult
func registerFamily(_ visitor: Visitor, guardian: String = "Phạm Thị Hoa", phone: String = "0901234567",
                    child: String = "Phạm Minh Khôi", birth: (String, String, String) = ("04", "03", "2016")) async throws -> String {
    try await visitor.get("/kiosk/DEMO/start/core/register")
    try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", guardian), ("phone", phone), ("relationship", "mother")])
    try await visitor.post("/kiosk/DEMO/screen", [("_action", "child:"), ("childName", child), ("birthDate", "\(birth.0)/\(birth.1)/\(birth.2)"), ("school", "TH Kim Đồng"), ("grade", "4")])
    try await visitor.post("/kiosk/DEMO/screen", [("_action", "consent:"), ("consent", "yes")])
    if visitor.page.contains("childConsent:yes") {
        try await visitor.post("/kiosk/DEMO/screen", [("_action", "childConsent:yes")])
    }
    return visitor.page
}

/// Registers a family at the kiosk, books a visit for its child with the sample module, and
/// returns the visit ticket.
func bookVisit(_ kiosk: TestKiosk, _ client: any TestClientProtocol) async throws -> String {
    let family = Visitor(client)
    try await registerFamily(family)
    try await family.get("/kiosk/DEMO/start/visits/start")
    let childID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM child")! }
    try await family.post("/kiosk/DEMO/screen", [("_action", "child:\(childID)")])
    try await family.post("/kiosk/DEMO/screen", [("_action", "book:"), ("day", "05/12/2026"), ("note", "kiosk")])
    return try #require(family.page.firstToken)
}

extension String {
    /// The first ticket token on a page.
    var firstToken: String? {
        guard let range = range(of: #"NTN1\.[A-Z0-9]+\.[A-Z]+\.[A-Z2-7]{16}\.[A-Z2-7]{16}"#, options: .regularExpression) else { return nil }
        return String(self[range])
    }
}
