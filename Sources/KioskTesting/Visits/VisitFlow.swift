import Foundation
import KioskCore

/// Books a visit for a child of the family: the child, then the day, a note for the guides (a date
/// and a multi-line field), the adults coming along (kept for the family, not the child) and the
/// guardian's consent to photos (a consent of the module's own purpose), then the ticket.
struct VisitFlow: KioskFlow {
    /// The state's key for the child chosen.
    private static let child = "child"

    /// A restart between the child and the day loses nothing.
    var keepsDraft: Bool { true }

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let children = try await context.database.read { db in try FamilyDirectory.children(ofFamily: familyID, db) }
        return KioskScreen(title: .literal(vi: "Chọn bé", en: "Choose a child"),
                           content: .choices(children.map { Choice(.literal(vi: $0.fullName), action: "child", id: $0.id!) }),
                           actions: [.home])
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        switch (action.name, action.id) {
        case ("child", let childID?):
            context.state[Self.child] = childID
            return dayScreen(dayForm(context))
        case ("book", _):
            return try await book(action.fields, &context)
        default:
            return try await start(&context)
        }
    }

    private func book(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        guard let childID = context.state[Self.child, as: Int64.self] else { return try await start(&context) }
        let today = context.clock.today
        guard let day = fields.date("day"), day >= today else {
            return dayScreen(dayForm(context).showing(KioskError(.invalidInput, "error.date.invalid", field: "day"), values: fields))
        }
        let note: String
        let adults: Int
        do {
            note = try TextInput.clean(fields["note"], field: "note", maxLength: 200, required: false, lines: true)
            adults = try AdminValues(["adults": fields["adults"] ?? "0"]).integer("adults", 0...5)
        } catch let error as KioskError {
            return dayScreen(dayForm(context).showing(error, values: fields))
        }
        let site = context.site, tickets = context.tickets, kiosk = context.consentKiosk, now = context.clock.now
        let photos = fields.isTicked("photos")
        let (token, name) = try await context.database.write { db -> (String, String) in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            try db.execute(sql: "INSERT INTO visits_visit (childId, note, day) VALUES (?, ?, ?)", arguments: [childID, note, day.iso])
            let visitID = db.lastInsertedRowID
            if adults > 0 {
                try db.execute(sql: "INSERT INTO visits_companion (familyId, day, adults) VALUES (?, ?, ?)", arguments: [familyID, day, adults])
            }
            if photos {
                try AppDatabase.recordConsent(VisitsModule.photoConsent, childID: childID, familyID: familyID, givenBy: .guardian,
                                              kiosk: kiosk, at: now, db)
            }
            return (try tickets.issue(VisitsModule.ticketKind, site: site, subjectID: visitID, childId: child.id, db).description,
                    child.fullName)
        }
        context.state.removeAll()
        return KioskScreen(title: .literal(vi: "Vé của bé", en: "The ticket"), content: .tickets([
            TicketCard(token: token, holder: name, title: VisitsModule.ticketKind.title, detail: .literal(vi: day.display)),
        ]), actions: [.home])
    }

    private func dayScreen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .literal(vi: "Ngày tham quan", en: "Day of the visit"), content: .form(form), actions: [.home])
    }

    private func dayForm(_ context: FlowContext) -> FormSpec {
        let year = context.clock.today.year
        return FormSpec(fields: [
            FormField("day", .literal(vi: "Ngày", en: "Day"), .date(years: year...(year + 1))),
            FormField("note", .literal(vi: "Ghi chú cho hướng dẫn viên", en: "A note for the guides"), .multiline(maxLength: 200),
                      required: false),
            FormField("adults", .literal(vi: "Người lớn đi cùng", en: "Adults coming along"), .digits(maxLength: 1), required: false),
            FormField("photos", .literal(vi: "Ảnh", en: "Photos"),
                      .checkbox(.literal(vi: "Tôi đồng ý cho nhà chụp ảnh bé trong buổi tham quan", en: "I agree to photos of my child during the visit")),
                      required: false),
        ], submit: ScreenAction(.literal(vi: "Đặt lịch", en: "Book"), .submit(name: "book", value: ""), style: .primary))
    }
}
