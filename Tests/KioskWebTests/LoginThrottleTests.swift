import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// Password guessing at the login page: throttled per client address and account before the
/// password is checked, and never at the owner's expense.
@Suite struct LoginThrottleTests {
    /// A wrong login for `username` sent by curl from another loopback address (a stranger's machine).
    private func strangerLogsIn(port: Int, from address: String, username: String, password: String) throws -> Int {
        let jar = FileManager.default.temporaryDirectory.appendingPathComponent("jar-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: jar) }
        let page = try ToolRun("/usr/bin/curl", ["-s", "--interface", address, "-c", jar, "-b", jar, "http://127.0.0.1:\(port)/login"]).output
        let token = try #require(page.firstMatch(of: /name="_csrf" value="([0-9a-f]+)"/)).1
        let status = try ToolRun("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--interface", address, "-c", jar, "-b", jar,
                                                   "--data-urlencode", "username=\(username)", "--data-urlencode", "password=\(password)",
                                                   "--data-urlencode", "_csrf=\(token)", "http://127.0.0.1:\(port)/login"]).output
        return Int(status) ?? 0
    }

    @Test func parallelWrongPasswordsAreCountedBeforeTheyAreChecked() async throws {
        try await withLiveKiosk { _, client in
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let visitor = Visitor(client)
                        try await visitor.get("/login")
                        return UInt(try await visitor.post("/login", [("username", "admin"), ("password", "wrong password")], follow: false).status.code)
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count <= 5)
            #expect(statuses.filter { $0 == 429 }.count >= 15)
        }
    }

    @Test func aStrangerElsewhereDoesNotLockTheOwnerOut() async throws {
        try await withLiveKiosk { _, client in
            let port = try #require(client.port)
            // Given a stranger at 127.0.0.2 who tries six wrong passwords for the administrator
            let statuses = try (0..<6).map { _ in try strangerLogsIn(port: port, from: "127.0.0.2", username: "admin", password: "guess guess") }
            #expect(statuses == [401, 401, 401, 401, 401, 429])
            // Then the administrator, at their own address, still logs in
            let owner = Visitor(client)
            try await owner.get("/login")
            let login = try await owner.post("/login", [("username", "admin"), ("password", DemoData.adminPassword)], follow: false)
            #expect(login.status == .seeOther)
        }
    }

    @Test func aFailedLoginNamesNoTypedUsernameInTheAuditLog() async throws {
        try await withLiveKiosk { kiosk, client in
            let visitor = Visitor(client)
            try await visitor.get("/login")
            // A password typed into the username field, then a real account's wrong password.
            try await visitor.post("/login", [("username", "my-secret-pass"), ("password", "x")], follow: false)
            try await visitor.post("/login", [("username", "admin"), ("password", "x")], follow: false)
            let failed = try await kiosk.services.database.auditLog(siteID: nil).filter { $0.action == "staff.login.failed" }.map(\.target)
            #expect(failed.sorted() == ["staff:admin", "staff:unknown"])
        }
    }

    @Test func afterLoginOnlyALocalPathIsFollowed() async throws {
        try await withLiveKiosk { _, client in
            for (next, location) in [("/staff/DEMO", "/staff/DEMO"), ("/\t/evil.example", "/admin"), ("//evil.example", "/admin"),
                                     ("/\\evil.example", "/admin"), ("https://evil.example", "/admin"), ("/\n/evil.example", "/admin")] {
                let visitor = Visitor(client)
                try await visitor.get("/login")
                let login = try await visitor.post("/login", [("username", "admin"), ("password", DemoData.adminPassword), ("next", next)],
                                                   follow: false)
                #expect(login.headers[.location] == location, "\(next)")
            }
        }
    }

    @Test func everyStaffPasswordAndTheUnknownUserCheckHaveOneCost() async throws {
        #expect(await PasswordHashing.hash("a long enough password").hasPrefix("$2b$\(PasswordHashing.cost)$"))
        #expect(PasswordHashing.cost == 12)
    }
}
