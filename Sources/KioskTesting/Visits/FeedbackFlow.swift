import Foundation
import KioskCore

/// Anyone at the kiosk, without identifying, says what they liked (a checklist) and may leave a
/// comment and up to three ideas (a repeated field). Nothing names the person; the report counts the answers by activity.
struct FeedbackFlow: KioskFlow {
    var requiresFamily: Bool { false }

    /// The activities a visitor can tick.
    static let activities: [FieldOption] = [
        FieldOption("library", .literal(vi: "Thư viện", en: "Library")),
        FieldOption("music", .literal(vi: "Âm nhạc", en: "Music")),
        FieldOption("sport", .literal(vi: "Thể thao", en: "Sport")),
    ]

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen(form())
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        guard action.name == "send" else { return try await start(&context) }
        let liked = action.fields.list("liked").filter { choice in Self.activities.contains { $0.value == choice } }
        guard !liked.isEmpty else {
            return screen(form().showing(KioskError(.invalidInput, "error.field.required", field: "liked"), values: action.fields))
        }
        let comment: String
        let ideas: [String]
        do {
            comment = try TextInput.clean(action.fields["comment"], field: "comment", maxLength: 400, required: false, lines: true)
            ideas = try action.fields.list("ideas").prefix(3).map { try TextInput.clean($0, field: "ideas", maxLength: 80) }
        } catch let error as KioskError {
            return screen(form().showing(error, values: action.fields))
        }
        let siteID = context.site.id!, today = context.clock.today
        try await context.database.write { db in
            try db.execute(sql: "INSERT INTO visits_feedback (siteId, comment, day) VALUES (?, ?, ?)", arguments: [siteID, comment, today])
            let feedbackID = db.lastInsertedRowID
            for activity in Set(liked) {
                try db.execute(sql: "INSERT INTO visits_feedbackLiked (feedbackId, activity) VALUES (?, ?)", arguments: [feedbackID, activity])
            }
            for idea in ideas {
                try db.execute(sql: "INSERT INTO visits_feedbackIdea (feedbackId, idea) VALUES (?, ?)", arguments: [feedbackID, idea])
            }
        }
        return .message(.literal(vi: "Cảm ơn!", en: "Thank you!"), .literal(vi: "Góp ý đã được gửi.", en: "Your feedback was sent."),
                        style: .success)
    }

    /// The answers of `site` between two dates, broken down by activity.
    static func figure(_ site: Site, from: LocalDate, to: LocalDate, _ db: Database) throws -> ReportFigure {
        let span = [site.id!, from, to] as StatementArguments
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visits_feedback WHERE siteId = ? AND day BETWEEN ? AND ?",
                                     arguments: span) ?? 0
        let counts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT activity, COUNT(*) AS n FROM visits_feedbackLiked JOIN visits_feedback ON visits_feedback.id = feedbackId
            WHERE siteId = ? AND day BETWEEN ? AND ? GROUP BY activity
            """, arguments: span).map { ($0["activity"] as String, $0["n"] as Int) })
        return ReportFigure(name: "visits_feedback", label: .literal(vi: "Góp ý", en: "Feedback"), value: total,
                            parts: activities.map { ReportFigure(name: $0.value, label: $0.label, value: counts[$0.value] ?? 0) })
    }

    private func screen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .literal(vi: "Góp ý", en: "Feedback"), content: .form(form), actions: [.home])
    }

    private func form() -> FormSpec {
        FormSpec(fields: [
            FormField("liked", .literal(vi: "Bạn thích gì?", en: "What did you like?"), .checklist(Self.activities)),
            FormField("comment", .literal(vi: "Ý kiến", en: "Comment"), .multiline(maxLength: 400), required: false),
            FormField("ideas", .literal(vi: "Nhà nên có thêm gì?", en: "What should the centre add?"), .repeated(rows: 3, maxLength: 80),
                      required: false),
        ], submit: ScreenAction(.literal(vi: "Gửi", en: "Send"), .submit(name: "send", value: ""), style: .primary))
    }
}
