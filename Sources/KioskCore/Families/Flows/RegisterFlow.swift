/// Registers a family, or adds a child to the identified family: the guardian (new families only),
/// the child, the guardian's consent, the child's own consent from age 7, then the member card.
/// Consent boxes are never ticked in advance; nothing is saved before the last step, and what was
/// typed lives only in the kiosk session until then.
struct RegisterFlow: KioskFlow {
    var requiresFamily: Bool { false }

    private enum Step: String {
        case guardian, child, consent, childConsent
    }

    /// The keys of what the flow keeps between its screens.
    private enum State {
        static let guardian = "guardian", child = "child", guardianConsent = "guardianConsent"
    }

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        context.state.removeAll()
        return context.familyID == nil ? guardianScreen(guardianForm()) : childScreen(try await childForm(context))
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        if action.name == "cancel" {
            context.state.removeAll()
            return .message(.key("register.title"), .key("register.cancelled"))
        }
        switch Step(rawValue: action.name) {
        case .guardian: return try await submitGuardian(action.fields, &context)
        case .child: return try await submitChild(action.fields, &context)
        case .consent: return try await submitConsent(action.fields, &context)
        case .childConsent: return try await submitChildConsent(agreed: action.value == "yes", &context)
        case nil: return try await start(&context)
        }
    }

    // MARK: Steps

    private func submitGuardian(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        do {
            // Whether the phone is registered is not told here: only once the whole registration is sent.
            context.state[State.guardian] = try GuardianInput(fields: fields)
            return childScreen(try await childForm(context))
        } catch let error as KioskError {
            return guardianScreen(guardianForm().showing(error, values: fields))
        }
    }

    private func submitChild(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        do {
            context.state[State.child] = try ChildInput(fields: fields, today: context.clock.today)
            return consentScreen(nil)
        } catch let error as KioskError {
            return childScreen(try await childForm(context).showing(error, values: fields))
        }
    }

    private func submitConsent(_ fields: FormValues, _ context: inout FlowContext) async throws -> KioskScreen {
        guard fields.isTicked("consent") else {
            return consentScreen(KioskError(.invalidInput, "error.consent.guardian", field: "consent"))
        }
        guard let child = context.state[State.child, as: ChildInput.self] else { return try await start(&context) }
        context.state[State.guardianConsent] = true
        if child.birthDate.age(on: context.clock.today) >= ConsentInput.childAskedFromAge {
            return childConsentScreen(child)
        }
        return try await save(childAgreed: nil, &context)
    }

    private func submitChildConsent(agreed: Bool, _ context: inout FlowContext) async throws -> KioskScreen {
        guard context.state[State.guardianConsent, as: Bool.self] == true else { return try await start(&context) }
        guard agreed else {
            context.state.removeAll()
            return .message(.key("register.title"), .key("register.childDeclined"))
        }
        return try await save(childAgreed: true, &context)
    }

    /// Saves everything in one transaction and shows the new member card.
    private func save(childAgreed: Bool?, _ context: inout FlowContext) async throws -> KioskScreen {
        guard let child = context.state[State.child, as: ChildInput.self] else { return try await start(&context) }
        let consent = ConsentInput(guardianAgreed: true, childAgreed: childAgreed, kiosk: context.consentKiosk)
        let now = context.clock.now
        if let familyID = context.familyID {
            _ = try await context.database.addChild(familyID: familyID, site: context.site, child: child, consent: consent,
                                                    tickets: context.tickets, at: now)
        } else {
            guard let guardian = context.state[State.guardian, as: GuardianInput.self] else { return try await start(&context) }
            guard try await !context.database.kioskLocked(site: context.site, kiosk: context.kiosk, at: now) else {
                context.state.removeAll()
                return .message(.key("register.title"), .key("identify.locked"), style: .error)
            }
            do {
                let ids = try await context.database.registerFamily(site: context.site, guardian: guardian, child: child,
                                                                    consent: consent, tickets: context.tickets, at: now)
                context.familyID = ids.familyID
            } catch let error as KioskError where error.kind == .conflict {
                // The phone is registered: that costs this kiosk a try, as a wrong identification does.
                try await context.database.recordKioskFailure(site: context.site, kiosk: context.kiosk, at: now)
                context.state.removeAll()
                return .message(.key("register.title"), .key("error.phone.registered"), style: .error,
                                actions: [ScreenAction(.key("home.identify"), .flow(.core, CoreFlows.identify), style: .primary), .home])
            }
        }
        context.state.removeAll()
        var screen = try await FamilyCardsFlow().start(&context)
        screen.title = .key("register.done", child.fullName)
        return screen
    }

    // MARK: Screens

    private func guardianScreen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("register.guardian.title"), intro: [.key("register.guardian.intro")], content: .form(form),
                    actions: [cancel])
    }

    private func guardianForm() -> FormSpec {
        FormSpec(fields: GuardianInput.formFields, submit: ScreenAction(.key("action.next"), .submit(name: Step.guardian.rawValue, value: ""), style: .primary))
    }

    private func childScreen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("register.child.title"), intro: [.key("register.child.intro")], content: .form(form),
                    actions: [cancel])
    }

    private func childForm(_ context: FlowContext) async throws -> FormSpec {
        let year = context.clock.today.year
        let schools = try await context.database.schools(siteID: context.site.id!)
        return FormSpec(fields: [
            FormField("childName", .key("field.childName"), .name(maxLength: 80)),
            FormField("birthDate", .key("field.birthDate"), .date(years: (year - 18)...(year - 3))),
            FormField("school", .key("field.school"), .text(maxLength: 120), suggestions: schools),
            FormField("grade", .key("field.grade"), .select(ChildInput.grades.map { FieldOption($0, .key("grade.\($0)")) })),
        ], submit: ScreenAction(.key("action.next"), .submit(name: Step.child.rawValue, value: ""), style: .primary))
    }

    private func consentScreen(_ error: KioskError?) -> KioskScreen {
        var form = FormSpec(fields: [
            FormField("consent", .key("consent.guardian.label"), .checkbox(.key("consent.guardian.agree"))),
        ], submit: ScreenAction(.key("action.agree"), .submit(name: Step.consent.rawValue, value: ""), style: .primary))
        if let error { form = form.showing(error) }
        return KioskScreen(title: .key("consent.guardian.title"),
                           intro: [.key(ConsentInput.guardianText)], content: .form(form), actions: [cancel])
    }

    private func childConsentScreen(_ child: ChildInput) -> KioskScreen {
        let firstName = child.fullName.split(separator: " ").last.map(String.init) ?? child.fullName
        return KioskScreen(title: .key("consent.child.title", firstName), intro: [.key(ConsentInput.childText)], content: .choices([
            Choice(.key("consent.child.yes"), action: Step.childConsent.rawValue, value: "yes"),
            Choice(.key("consent.child.no"), action: Step.childConsent.rawValue, value: "no"),
        ]))
    }

    private var cancel: ScreenAction { ScreenAction(.key("action.cancel"), .submit(name: "cancel", value: "")) }
}
