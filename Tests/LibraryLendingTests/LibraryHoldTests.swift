import Foundation
import HummingbirdTesting
import KioskTesting
import LibraryLending
import Testing

/// Holds: a title whose copies are all out is reserved at the kiosk, a returned copy waits on the
/// hold shelf for the first in the queue, and one not collected in time passes to the next.
@Suite struct LibraryHoldTests {
    private func holds(_ kiosk: TestKiosk) async throws -> [String] {
        try await kiosk.services.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ch.fullName, h.status, COALESCE(c.barcode, '') AS barcode FROM library_hold h JOIN child ch ON ch.id = h.childId
                LEFT JOIN library_copy c ON c.id = h.copyId ORDER BY h.id
                """).map { "\($0["fullName"] as String) \($0["status"] as String) \($0["barcode"] as String)".trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Searches the catalogue at a kiosk and taps the title found.
    private func reserve(_ kiosk: FlowDriver, _ words: String, _ title: String) async throws {
        try await kiosk.open("library", "search")
        kiosk.fill("q", words)
        try await kiosk.tap("Tìm")
        try await kiosk.tap(title)
    }

    @Test func aTitleAllOutIsReservedAfterSayingWhoYouAreAndTheReturnedCopyWaitsForTheFirstInTheQueue() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        try await addFamily(kiosk, phone: "0933000301", children: [("Trần Minh Khoa", "2016-03-03")])
        try await addFamily(kiosk, phone: "0933000302", children: [("Lê Thu Hà", "2015-07-07")])
        let an = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await an.scan("LIB-0005")  // the only copy of "Mười vạn câu hỏi vì sao"
        let book = "Mười vạn câu hỏi vì sao · Nhiều tác giả"

        // Anyone may search; the tap on a title that is all out asks who the family is, then reserves it.
        let khoa = try await FlowDriver(kiosk)
        try await reserve(khoa, "muoi van cau hoi", book)
        try await khoa.identify(phone: "0933000301", birthDate: "03/03/2016")
        #expect(khoa.texts.contains(khoa.text(.key("library.hold.placed", "Mười vạn câu hỏi vì sao", "1"))))
        try await reserve(khoa, "muoi van", book)
        #expect(khoa.texts.contains(khoa.text(.key("library.refused.alreadyHeld"))), "a second tap reserves nothing more")
        let ha = try await FlowDriver(kiosk)
        try await reserve(ha, "cau hoi vi sao", book)
        try await ha.identify(phone: "0933000302", birthDate: "07/07/2015")
        #expect(ha.texts.contains(ha.text(.key("library.hold.placed", "Mười vạn câu hỏi vì sao", "2"))))
        // A title with a copy on the shelf is shown, not reserved.
        try await ha.open("library", "search")
        ha.fill("q", "de men")
        try await ha.tap("Tìm")
        guard case .choices(let found) = ha.screen.content else { Issue.record("no results"); return }
        #expect(found.map(\.disabled) == [true])
        #expect(try await holds(kiosk) == ["Trần Minh Khoa waiting", "Lê Thu Hà waiting"])

        // An has the book at home: nothing to reserve. Someone waits, so An cannot renew it.
        try await reserve(an, "muoi van", book)
        #expect(an.texts.contains(an.text(.key("library.refused.alreadyYours"))))
        try await an.open("library", "mine")
        try await an.tap("Mười vạn câu hỏi vì sao · Nguyễn Văn An")
        #expect(an.texts.contains(an.text(.key("library.refused.wanted"))))

        // Returned at the kiosk with no card: the screen says whose hold shelf, as a friend would name them.
        let returns = try await FlowDriver(kiosk)
        try await returns.scan("LIB-0005")
        #expect(returns.texts.contains(returns.text(.key("library.return.holdShelf", "Khoa (T. M.)"))))
        #expect(try await holds(kiosk) == ["Trần Minh Khoa ready LIB-0005", "Lê Thu Hà waiting"])
        try await khoa.open("library", "mine")
        #expect(khoa.texts.contains(khoa.text(.key("library.mine.holdReady", "25/11/2026"))), "three open days on the hold shelf")
        try await ha.open("library", "start")
        try await ha.scan("LIB-0005")
        #expect(ha.texts.contains(ha.text(.key("library.refused.heldForOther"))))

        // Khoa never came: on Thursday the hold passes to Hà, and only she may borrow the copy.
        let thursday = try await kiosk.restarted(modules: [LibraryLendingModule()], now: TestKiosk.defaultNow.addingTimeInterval(4 * 86400))
        let expiry = try #require(LibraryLendingModule().backgroundTasks.first { $0.name == "library/holds" })
        try await expiry.run(ModuleTaskContext(database: thursday.services.database, clock: thursday.services.clock))
        #expect(try await holds(thursday) == ["Trần Minh Khoa expired LIB-0005", "Lê Thu Hà ready LIB-0005"])
        let lateKhoa = try await FlowDriver(thursday)
        try await lateKhoa.open("library")
        try await lateKhoa.identify(phone: "0933000301", birthDate: "03/03/2016")
        try await lateKhoa.scan("LIB-0005")
        #expect(lateKhoa.texts.contains(lateKhoa.text(.key("library.refused.heldForOther"))))
        let haBorrows = try await FlowDriver(thursday)
        try await haBorrows.open("library")
        try await haBorrows.identify(phone: "0933000302", birthDate: "07/07/2015")
        try await haBorrows.scan("LIB-0005")
        #expect(haBorrows.texts.contains(haBorrows.text(.key("library.checkout.due", "10/12/2026"))))
        #expect(try await holds(thursday) == ["Trần Minh Khoa expired LIB-0005", "Lê Thu Hà collected LIB-0005"])

        // Hà's family exports its loan and hold, and erasing the family takes both away.
        let familyID = try await thursday.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT familyId FROM child WHERE fullName = 'Lê Thu Hà'")! }
        let export = try await thursday.services.database.exportFamily(familyID: familyID, siteID: thursday.site.id!, registry: thursday.services.registry,
                                                                         actor: "test", at: Date())
        #expect(Set(export.items.filter { $0.field == "title" }.map(\.section)) == ["library/loans", "library/holds"])
        try await thursday.services.database.eraseFamily(familyID: familyID, siteID: thursday.site.id!, registry: thursday.services.registry,
                                                         actor: "test", at: Date())
        #expect(try await holds(thursday) == ["Trần Minh Khoa expired LIB-0005"])
        #expect(try await thursday.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM library_loan WHERE returnedAt IS NULL") } == 0)
        let status = try await thursday.services.database.read { db in try String.fetchOne(db, sql: "SELECT status FROM library_copy WHERE barcode = 'LIB-0005'") }
        #expect(status == "lost", "the book still at home is written off, not left on a loan that is gone")
    }

    @Test func copiesReturnedAtTheSameMomentServeTheQueueInOrder() async throws {
        let kiosk = try await TestKiosk.make(modules: [LibraryLendingModule()])
        defer { kiosk.remove() }
        let an = try await FlowDriver.demoFamily(kiosk, opening: "library")
        try await an.scan("LIB-0001")
        try await an.scan("LIB-0002")  // both copies of "Dế Mèn phiêu lưu ký"
        let readers = [("0933000401", "Đỗ Gia Bảo", "04/04/2015"), ("0933000402", "Vũ Khánh Linh", "05/05/2015"),
                       ("0933000403", "Phan Đức Minh", "06/06/2015")]
        for (phone, name, born) in readers {
            try await addFamily(kiosk, phone: phone, children: [(name, LocalDate(display: born)!.iso)])
            let family = try await FlowDriver(kiosk)
            try await reserve(family, "de men", "Dế Mèn phiêu lưu ký · Tô Hoài")
            try await family.identify(phone: phone, birthDate: born)
        }
        try await kiosk.application().test(.live) { client in
            let first = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            let second = try await KioskTesting.admin(client)
            let desk = "library/desk:\(kiosk.site.id!)"
            async let one = first.scan("LIB-0001", activity: desk)
            async let two = second.scan("LIB-0002", activity: desk)
            let answers = try await [one, two]
            #expect(answers.allSatisfy { $0["title"] as? String == "Đặt lên kệ giữ sách" })
            #expect(Set(answers.compactMap { $0["detail"] as? String }) == ["Đỗ Gia Bảo", "Vũ Khánh Linh"])
        }
        let served = try await holds(kiosk)
        #expect(served.count == 3 && served[2] == "Phan Đức Minh waiting", "the third in the queue still waits")
        #expect(Set(served.prefix(2).map { $0.split(separator: " ").last! }) == ["LIB-0001", "LIB-0002"], "one copy each")
    }
}
