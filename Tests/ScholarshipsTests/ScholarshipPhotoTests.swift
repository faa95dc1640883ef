import Foundation
import HummingbirdTesting
import KioskTesting
import Scholarships
import Testing

/// Photos of an application's documents, on the live server: only an image or a PDF within the
/// size is kept, only reviewers and administrators read it, and the retention deletes it.
@Suite struct ScholarshipPhotoTests {
    @Test func aDocumentsPhotoIsKeptForReviewersOnlyAndGoesWithTheRetention() async throws {
        let kiosk = try await TestKiosk.make(modules: [ScholarshipsModule()])
        defer { kiosk.remove() }
        try await apply(kiosk, phone: DemoData.guardianPhone, birth: "01/06/2015", child: "Nguyễn Văn An")
        let an = try await applicationID(kiosk, "Nguyễn Văn An")
        let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64)
        try await kiosk.application().test(.live) { client in
            let admin = try await KioskTesting.admin(client)
            let id = try await createStaff(admin, kiosk, "huong")
            try await admin.get("/admin/DEMO/staff")
            try await admin.post("/admin/DEMO/staff/\(id)/grant", [("role", "scholarships.reviewer")])
            let reviewer = try await loggedIn(client, "huong", "mat-khau-dai-1")
            try await reviewer.get("/admin/DEMO/m/scholarships/photos/new")
            #expect(reviewer.page.contains("Nguyễn Văn An · Học bổng Vượt khó 2027"))
            let fields = [("application", String(an)), ("document", "Giấy chứng nhận hộ nghèo hoặc cận nghèo")]
            let script = try await reviewer.post("/admin/DEMO/m/scholarships/photos/new", fields,
                                                 files: [("photo", "so-ho-ngheo.png", Array("<script>alert(1)</script>".utf8))])
            #expect(script.status == .badRequest && String(buffer: script.body).contains("Chỉ nhận ảnh hoặc tệp"))
            let huge = try await reviewer.post("/admin/DEMO/m/scholarships/photos/new", fields,
                                               files: [("photo", "a.png", photo + Array(repeating: 0, count: 5_000_001))])
            #expect(huge.status != .ok && huge.status != .seeOther, "\(huge.status)")
            try await reviewer.get("/admin/DEMO/m/scholarships/photos/new")
            let saved = try await reviewer.post("/admin/DEMO/m/scholarships/photos/new", fields, files: [("photo", "so-ho-ngheo.png", photo)])
            #expect(saved.status == .seeOther)
            try await reviewer.get("/admin/DEMO/m/scholarships/photos")
            #expect(reviewer.page.contains("<td>Nguyễn Văn An</td>"))
            let photoID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM scholarships_photo")! }
            let download = try await reviewer.get("/admin/DEMO/m/scholarships/photos/\(photoID)/file/photo")
            #expect(Array(Data(buffer: download.body)) == photo)
            let staff = try await loggedIn(client, DemoData.staffUsername, DemoData.staffPassword)
            #expect(try await staff.get("/admin/DEMO/m/scholarships/photos/\(photoID)/file/photo").status == .forbidden)
        }
        let stored = try await kiosk.services.database.read { db in try String.fetchOne(db, sql: "SELECT storedName FROM attachment")! }
        let file = kiosk.services.database.attachments!.directory.appendingPathComponent(stored).path
        #expect(FileManager.default.fileExists(atPath: file))

        let later = try await kiosk.restarted(modules: [ScholarshipsModule()], now: TestKiosk.defaultNow.addingTimeInterval(426 * 86400))
        let task = try #require(ScholarshipsModule().backgroundTasks.first { $0.name == "scholarships/retention" })
        try await task.run(ModuleTaskContext(database: later.services.database, clock: later.services.clock))
        let left = try await later.services.database.read { db in
            [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scholarships_photo")!, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attachment")!]
        }
        #expect(left == [0, 0])
        #expect(!FileManager.default.fileExists(atPath: file), "the photo's file is gone from the disk")
    }
}
