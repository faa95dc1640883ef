import Foundation
import HummingbirdTesting
import KioskTesting
import KioskTickets
import Testing

/// Files sent with an admin form: the sample module's permission slips.
@Suite struct AttachmentTests {
    @Test func aSlipIsStoredPrivatelyServedToWhoMayOpenTheVisitAndErasedWithTheFamily() async throws {
        try await withLiveKiosk { kiosk, client in
            _ = try await bookVisit(kiosk, client)
            let visitID = try await kiosk.services.database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM visits_visit")! }
            let admin = Visitor(client)
            try await logIn(admin, DemoData.adminUsername, DemoData.adminPassword)
            try await admin.get("/admin/DEMO/m/visits/visits/\(visitID)")
            #expect(admin.page.contains("enctype=\"multipart/form-data\""))
            #expect(admin.page.contains("type=\"file\" accept=\"image/jpeg,image/png,application/pdf\""))
            let png = try QRRenderer.png(QRMatrix("giấy phép"), scale: 4)

            // Bytes that are no image, and an image too large, are refused and store nothing.
            let text = try await admin.post("/admin/DEMO/m/visits/visits/\(visitID)", [("note", "kiosk")],
                                            files: [("slip", "giay-phep.png", Array("<script>alert(1)</script>".utf8))])
            #expect(text.status == .badRequest)
            #expect(admin.page.contains("Chỉ nhận ảnh hoặc tệp"))
            try await admin.get("/admin/DEMO/m/visits/visits/\(visitID)")
            let large = try await admin.post("/admin/DEMO/m/visits/visits/\(visitID)", [("note", "kiosk")],
                                             files: [("slip", "lon.jpg", [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: 2_000_000))])
            #expect(large.status == .badRequest)
            #expect(admin.page.contains("Tệp quá lớn"))
            #expect(try await kiosk.services.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attachment") } == 0)

            try await admin.get("/admin/DEMO/m/visits/visits/\(visitID)")
            let saved = try await admin.post("/admin/DEMO/m/visits/visits/\(visitID)", [("note", "có giấy")],
                                             files: [("slip", "../../giấy phép.png", png)])
            #expect(saved.status == .seeOther)
            let attachments = try #require(kiosk.services.database.attachments)
            let stored = try FileManager.default.contentsOfDirectory(atPath: attachments.directory.path)
            #expect(stored.count == 1)
            let path = attachments.directory.appendingPathComponent(stored[0]).path
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let download = try await admin.get("/admin/DEMO/m/visits/visits/\(visitID)/file/slip")
            #expect(Array(Data(buffer: download.body)) == png)
            #expect(download.headers[.contentType] == "image/png")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)

            // Staff who may not open the visits cannot fetch the file; the read was audited.
            let staff = Visitor(client)
            try await logIn(staff, DemoData.staffUsername, DemoData.staffPassword)
            #expect(try await staff.get("/admin/DEMO/m/visits/visits/\(visitID)/file/slip").status == .forbidden)
            let reads = try await kiosk.services.database.read { db in
                try String.fetchAll(db, sql: "SELECT detail FROM auditEntry WHERE action = 'visits.visits.read' AND detail LIKE 'file%'")
            }
            #expect(reads == ["file slip"])

            let familyID = try await kiosk.services.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT familyId FROM child JOIN visits_visit ON visits_visit.childId = child.id WHERE visits_visit.id = ?",
                                   arguments: [visitID])!
            }
            try await kiosk.services.database.eraseFamily(familyID: familyID, siteID: kiosk.site.id!, registry: kiosk.services.registry,
                                                          actor: "test", at: TestKiosk.defaultNow)
            #expect(!FileManager.default.fileExists(atPath: path), "the file goes with the family")
        }
    }

    @Test func aFileNoRowNamesIsRemovedAtTheNextStart() async throws {
        let kiosk = try await TestKiosk.make()
        defer { kiosk.remove() }
        let attachments = try #require(kiosk.services.database.attachments)
        try FileManager.default.createDirectory(at: attachments.directory, withIntermediateDirectories: true)
        let stray = attachments.directory.appendingPathComponent("0123456789abcdef")
        #expect(FileManager.default.createFile(atPath: stray.path, contents: Data("left by a crash".utf8)))
        _ = try await kiosk.restarted()
        #expect(!FileManager.default.fileExists(atPath: stray.path))
    }

    @Test func aKioskPageTakesNoMultipartBody() async throws {
        try await withLiveKiosk { kiosk, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/core/register")
            let sent = try await visitor.post("/kiosk/DEMO/screen", [("_action", "guardian:"), ("guardianName", "Mai"), ("phone", "0901234567")],
                                              files: [("photo", "a.png", [0x89, 0x50, 0x4E, 0x47])])
            #expect(sent.status == .forbidden, "no form is read from it, so not even its CSRF token")
        }
    }
}
