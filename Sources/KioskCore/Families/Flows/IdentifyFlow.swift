import Foundation

/// Identifies a family: by scanning a member or guardian card (or typing its code), or by a guardian's
/// phone **and** a child's date of birth (a phone alone shows nothing). The form has one button: a
/// code typed or scanned into the card field is used before the phone. After five failed tries the
/// session must be reset, so nobody can guess their way into another family.
struct IdentifyFlow: KioskFlow {
    var requiresFamily: Bool { false }
    static let maxFailures = 5

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen(form: form())
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        let failures = Int(context.state["failures"] ?? "0") ?? 0
        guard failures < Self.maxFailures else {
            return .message(.key("identify.title"), .key("identify.locked"), style: .error)
        }
        let card = (action.fields["card"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard action.name == "card" || action.name == "phone" else { return screen(form: form()) }
        let familyID: Int64?
        if action.name == "card" || !card.isEmpty {
            familyID = try await context.database.identifyFamily(site: context.site, card: card, signer: context.tickets.signer)
            if familyID == nil {
                context.state["failures"] = String(failures + 1)
                return screen(form: form().showing(KioskError(.notFound, "identify.cardUnknown", field: "card"), values: [:]))
            }
        } else {
            guard let phone = PhoneNumber(action.fields["phone"] ?? "") else {
                return screen(form: form().showing(KioskError(.invalidInput, "error.phone.invalid", field: "phone"), values: action.fields))
            }
            guard let birthDate = LocalDate(iso: action.fields["birthDate"] ?? "") else {
                return screen(form: form().showing(KioskError(.invalidInput, "error.date.invalid", field: "birthDate"), values: action.fields))
            }
            familyID = try await context.database.identifyFamily(siteID: context.site.id!, phone: phone, birthDate: birthDate)
        }
        guard let familyID else {
            context.state["failures"] = String(failures + 1)
            return screen(form: form().showing(KioskError(.notFound, "identify.notFound"), values: [:]))
        }
        context.familyID = familyID
        context.state = [:]
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
