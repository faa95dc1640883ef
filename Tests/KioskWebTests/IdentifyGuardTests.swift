import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// Guessing a family's children's birth dates at the kiosk: the wrong tries are counted on the
/// server, per phone and per kiosk, and a new session or a restarted flow starts no new count.
@Suite struct IdentifyGuardTests {
    private func guess(_ client: any TestClientProtocol, phone: String = DemoData.guardianPhone, birth: String) async throws -> Visitor {
        let visitor = Visitor(client)
        try await visitor.get("/kiosk/DEMO/start/core/identify")
        try await visitor.post("/kiosk/DEMO/screen", [("_action", "phone:"), ("phone", phone), ("birthDate", birth)])
        return visitor
    }

    @Test func fiveWrongGuessesLockThePhoneWhateverTheSessionAndTheLockIsAudited() async throws {
        try await withLiveKiosk { kiosk, client in
            // Given five wrong birth dates for the demo phone, each from a new session (the Identify tile reopened)
            for day in 10...14 {
                let visitor = try await guess(client, birth: "\(day)/06/2015")
                #expect(visitor.page.contains("Không tìm thấy gia đình"))
            }
            // Then the right one, in yet another session, is refused too
            let late = try await guess(client, birth: "01/06/2015")
            #expect(late.page.contains("Đã thử quá nhiều lần"))
            #expect(!late.page.contains("Nguyễn Văn An"))
            // while a card still identifies the family, and the lock is in the audit log with the phone masked
            #expect(try await kiosk.services.database.auditLog(siteID: kiosk.site.id!).contains {
                $0.action == "identify.locked" && $0.target == "phone:•••••••678"
            })
            #expect(try await kiosk.services.database.auditLog(siteID: nil).allSatisfy { !$0.target.contains(DemoData.guardianPhone) })
        }
    }

    @Test func parallelGuessesAreCountedBeforeTheyAreJudged() async throws {
        try await withLiveKiosk { _, client in
            // Twenty wrong dates at once, then the right one: at most five were even looked at.
            let pages = try await withThrowingTaskGroup(of: String.self) { group in
                for day in 10...29 { group.addTask { try await guess(client, birth: "\(day)/06/2015").page } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(pages.filter { $0.contains("Không tìm thấy gia đình") }.count <= 5)
            #expect(pages.filter { $0.contains("Đã thử quá nhiều lần") }.count >= 15)
            #expect(try await guess(client, birth: "01/06/2015").page.contains("Đã thử quá nhiều lần"))
        }
    }

    @Test func walkingThroughManyPhonesLocksTheKiosk() async throws {
        try await withLiveKiosk { _, client in
            for n in 0..<20 {
                _ = try await guess(client, phone: "09123400\(String(format: "%02d", n))", birth: "01/01/2016")
            }
            // Now even the demo family's right answer waits, and so does registering a new family.
            #expect(try await guess(client, birth: "01/06/2015").page.contains("Đã thử quá nhiều lần"))
            let page = try await registerFamily(Visitor(client), phone: "0987654300")
            #expect(page.contains("Đã thử quá nhiều lần"))
        }
    }

    @Test func registrationTellsNothingOfAPhoneUntilTheWholeRegistrationIsSent() async throws {
        try await withLiveKiosk { kiosk, client in
            // A known and an unknown phone get the same next screen.
            for phone in [DemoData.guardianPhone, "0987654301"] {
                let visitor = Visitor(client)
                try await visitor.get("/kiosk/DEMO/start/core/register")
                try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Ai Đó"), ("phone", phone),
                                                              ("relationship", "father")])
                #expect(visitor.page.contains("Thông tin của con"), "\(phone)")
                #expect(!visitor.page.contains("đã đăng ký"))
            }
            // Sent whole with a registered phone: refused, the other family untouched, and it costs the kiosk a try.
            let page = try await registerFamily(Visitor(client), phone: DemoData.guardianPhone)
            #expect(page.contains("Số điện thoại này đã đăng ký"))
            #expect(!page.contains("Trần Thị Mai") && !page.contains("Nguyễn Văn An"))
            let children = try await kiosk.services.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child JOIN guardian USING (familyId) WHERE guardian.phone = ?",
                                 arguments: [DemoData.guardianPhone])!
            }
            #expect(children == 1)
        }
    }
}
