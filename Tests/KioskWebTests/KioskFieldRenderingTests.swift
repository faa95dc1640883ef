import Foundation
import HummingbirdTesting
import KioskTesting
import Testing

/// The new kinds of kiosk fields and screens as the browser gets them.
@Suite struct KioskFieldRenderingTests {
    @Test func aChecklistAMultiLineTextAndRepeatedRowsRenderAndComeBackAsSent() async throws {
        try await withLiveKiosk { kiosk, client in
            let visitor = Visitor(client)
            try await visitor.get("/kiosk/DEMO/start/visits/feedback")
            #expect(visitor.page.contains(#"<input type="checkbox" name="liked" value="library">"#))
            #expect(visitor.page.contains(#"<textarea id="f-comment" name="comment" rows="4" maxlength="400""#))
            #expect(visitor.page.components(separatedBy: #"name="ideas""#).count - 1 == 3)
            try await visitor.post("/kiosk/DEMO/screen", [("_action", "send:"), ("liked", "music"), ("liked", "sport"),
                                                         ("comment", "Hai dòng\r\n<b>đậm</b>"), ("ideas", "Bể bơi"), ("ideas", ""), ("ideas", "")])
            #expect(visitor.page.contains("Góp ý đã được gửi."))
            let liked = try await kiosk.services.database.read { db in
                try String.fetchAll(db, sql: "SELECT activity FROM visits_feedbackLiked ORDER BY activity")
            }
            #expect(liked == ["music", "sport"])
        }
    }

    @Test func aScreenThatWaitsForScansListsEachCodeAsItComes() async throws {
        try await withLiveKiosk { kiosk, client in
            try await kiosk.services.database.write { db in
                try db.execute(sql: "INSERT INTO visits_groupPass (code, siteId, school) VALUES ('VISIT-0042', ?, 'Trường <i>TH</i>')",
                               arguments: [kiosk.site.id!])
            }
            let teacher = Visitor(client)
            try await teacher.get("/kiosk/DEMO")
            try await teacher.post("/kiosk/DEMO/scan", [("code", "VISIT-0042")])
            #expect(teacher.page.contains("scan-prompt"))
            #expect(teacher.page.contains(#"<li class="scanned-item scanned-item--success"><span class="scanned-title">Trường &lt;i&gt;TH&lt;/i&gt;</span>"#))
            #expect(!teacher.page.contains("data-keyboard"), "nothing to type into: a scanner's keys go to the scan")
            try await teacher.post("/kiosk/DEMO/scan", [("code", "VISIT-9999")])
            #expect(teacher.page.components(separatedBy: "scanned-item--").count - 1 == 2)
        }
    }
}
