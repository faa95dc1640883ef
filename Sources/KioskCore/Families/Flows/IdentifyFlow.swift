import Foundation

/// Identifies a family: by scanning a member or guardian card (or typing its code), or by a guardian's
/// phone **and** a child's date of birth (a phone alone shows nothing). The form has one button: a
/// code typed or scanned into the card field is used before the phone. Wrong phone tries are counted
/// on the server (`IdentifyGuard`): per phone and per kiosk, whatever the session, and each one is
/// answered a second late.
struct IdentifyFlow: KioskFlow {
    var requiresFamily: Bool { false }
    /// How long a wrong phone and birth date wait for their answer.
    static let wrongTryDelay: Duration = .seconds(1)

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen(form: form())
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        let card = (action.fields["card"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard action.name == "card" || action.name == "phone" else { return screen(form: form()) }
        if action.name == "card" || !card.isEmpty {
            guard let holder = try await context.database.identifyFamily(site: context.site, card: card, signer: context.tickets.signer) else {
                return screen(form: form().showing(KioskError(.notFound, "identify.cardUnknown", field: "card")))
            }
            let screen = try await identified(holder.familyID, &context)
            context.scannedChildID = holder.childID
            return screen
        }
        guard let phone = PhoneNumber(action.fields["phone"] ?? "") else {
            return screen(form: form().showing(KioskError(.invalidInput, "error.phone.invalid", field: "phone"), values: action.fields))
        }
        guard let birthDate = action.fields.date("birthDate") else {
            return screen(form: form().showing(KioskError(.invalidInput, "error.date.invalid", field: "birthDate"), values: action.fields))
        }
        switch try await context.database.identifyFamily(site: context.site, phone: phone, birthDate: birthDate, kiosk: context.kiosk,
                                                         at: context.clock.now) {
        case .found(let familyID):
            return try await identified(familyID, &context)
        case .notFound:
            try await Task.sleep(for: Self.wrongTryDelay)
            return screen(form: form().showing(KioskError(.notFound, "identify.notFound")))
        case .locked:
            return .message(.key("identify.title"), .key("identify.locked"), style: .error)
        }
    }

    private func identified(_ familyID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        context.familyID = familyID
        context.scannedChildID = nil
        context.state.removeAll()
        return try await FamilyCardsFlow().start(&context)
    }

    private func screen(form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("identify.title"), intro: [.key("identify.intro")], content: .form(form), actions: [.home])
    }

    private func form() -> FormSpec {
        FormSpec(fields: [
            FormField("card", .key("identify.card"), .code(maxLength: 120), required: false),
            FormField("phone", .key("field.phone"), .phone, required: false),
            FormField("birthDate", .key("identify.childBirthDate"), .date(years: 2000...2030), required: false),
        ], submit: ScreenAction(.key("identify.submit"), .submit(name: "phone", value: ""), style: .primary))
    }
}
