import Foundation
import KioskCore

/// A kiosk front end for tests: it drives `KioskEngine` as the browser and the framebuffer do,
/// and reads the screens as values, so a module's flows are tested on `KioskScreen`s with no HTML.
///
/// ```swift
/// let kiosk = try await FlowDriver(testKiosk)
/// try await kiosk.open("visits", "feedback")       // an anonymous flow opens at once
/// kiosk.fill("note", "Bé thích lắm")
/// try await kiosk.tap("Gửi")                        // a button, choice or tile, by its title
/// #expect(kiosk.screen.content == .message(Message(.key("visits.thanks"), style: .success)))
/// ```
public final class FlowDriver {
    private let engine: KioskEngine
    private let localizer: Localizer
    public let site: Site
    public let language: Language
    /// The session's id, as the browser's cookie holds it.
    public private(set) var session: String?
    /// The screen on display and its step.
    public private(set) var display: KioskEngine.Display
    /// What the next press sends: the form's values as shown, then what was filled in.
    private var fields: [String: [String]] = [:]
    /// The last outcome's notice: a scanned code that was no card.
    public private(set) var cardUnknown = false

    /// A kiosk of `kiosk`'s demo site (or `site`) on its home screen.
    public init(_ kiosk: TestKiosk, site: Site? = nil, language: Language = .vi) async throws {
        self.engine = kiosk.services.engine
        self.localizer = kiosk.services.localizer
        self.site = site ?? kiosk.site
        self.language = language
        self.display = try await engine.home(site: self.site, session: nil)
    }

    /// The demo family at a kiosk of the demo site, identified by phone and their child's date of
    /// birth after opening `flow`.
    public static func demoFamily(_ kiosk: TestKiosk, opening owner: ModuleID, _ flow: String = "start") async throws -> FlowDriver {
        let family = try await FlowDriver(kiosk)
        try await family.open(owner, flow)
        try await family.identify(phone: DemoData.guardianPhone, birthDate: LocalDate(iso: DemoData.childBirthDate)!.display)
        return family
    }

    /// The screen on display.
    public var screen: KioskScreen { display.screen }

    /// Shows the home screen.
    public func home() async throws {
        display = try await engine.home(site: site, session: session)
        fields = [:]
    }

    /// Opens a flow as its tile or button does; a flow that needs a family shows identification first.
    public func open(_ owner: ModuleID, _ flow: String = "start") async throws {
        session = try await engine.open(FlowRef(owner, flow), site: site, session: session, language: language)
        try await refresh()
    }

    /// Types `value` into a field of the form on display, as the page sends it (a date as `dd/mm/yyyy`).
    public func fill(_ name: String, _ value: String) {
        fields[name] = [value]
    }

    /// Types the rows of a repeated field.
    public func fill(_ name: String, rows: [String]) {
        fields[name] = rows
    }

    /// Ticks a checkbox, or an option of a checklist.
    public func tick(_ name: String, option: String = FormField.ticked) {
        if option == FormField.ticked { fields[name] = [option] } else if !(fields[name] ?? []).contains(option) { fields[name, default: []].append(option) }
    }

    /// Unticks a checkbox, or an option of a checklist.
    public func untick(_ name: String, option: String = FormField.ticked) {
        fields[name] = (fields[name] ?? []).filter { $0 != option }
    }

    /// Presses what shows `title` in the kiosk's language: the form's submit button, a button at
    /// the bottom, a choice or a menu tile.
    /// - Throws: when nothing on the screen has that title, or the choice is disabled.
    public func tap(_ title: String) async throws {
        let screen = display.screen
        if let form = screen.form, text(form.submit.label) == title { return try await go(form.submit.target) }
        if case .confirm(let confirmation) = screen.content, text(confirmation.confirm.label) == title {
            return try await go(confirmation.confirm.target)
        }
        if let action = screen.actions.first(where: { text($0.label) == title }) { return try await go(action.target) }
        if case .choices(let choices) = screen.content, let choice = choices.first(where: { text($0.title) == title }) {
            guard !choice.disabled else { throw DriverError("the choice \(title) is disabled") }
            return try await press(choice.action, choice.value)
        }
        if case .menu(let tiles) = screen.content, let tile = tiles.first(where: { text($0.title) == title }) {
            return try await go(tile.target)
        }
        throw DriverError("nothing titled \(title) on the screen; it shows \(texts)")
    }

    /// A scanner's code, ending in Enter, on the screen on display.
    public func scan(_ code: String) async throws {
        let outcome = await engine.scan(code, site: site, session: session, language: language)
        try await follow(outcome)
    }

    /// Identifies the family on the identification screen by phone and a child's date of birth (`dd/mm/yyyy`).
    public func identify(phone: String, birthDate: String) async throws {
        fill("phone", phone)
        fill("birthDate", birthDate)
        try await tap(text(.key("identify.submit")))
    }

    /// Sends a press of `action` with the fields filled in, from the screen on display or, with
    /// `step`, from an older one (a double tap, Back then a tap).
    public func press(_ action: String, _ value: String = "", step: String? = nil) async throws {
        let outcome = await engine.press(action, value: value, fields: fields, step: step ?? display.step, site: site, session: session,
                                         language: language)
        try await follow(outcome)
    }

    /// Every text on the screen, in the kiosk's language: the title, the paragraphs, the content, the buttons.
    public var texts: [String] {
        let screen = display.screen
        var texts = [text(screen.title)] + screen.intro.map(text)
        switch screen.content {
        case .menu(let tiles): texts += tiles.map { text($0.title) }
        case .choices(let choices): texts += choices.flatMap { [text($0.title)] + ($0.detail.map { [text($0)] } ?? []) }
        case .form(let form):
            texts += form.fields.flatMap { field in [text(field.label)] + (field.error.map { [text($0)] } ?? []) }
            texts += form.error.map { [text($0)] } ?? []
            texts.append(text(form.submit.label))
        case .confirm(let confirmation):
            texts += confirmation.lines.flatMap { [text($0.label), $0.value] } + [text(confirmation.confirm.label)]
        case .tickets(let cards): texts += cards.flatMap { [$0.holder, text($0.title)] }
        case .message(let message): texts.append(text(message.text))
        case .scans(let list): texts += [text(list.prompt)] + list.items.flatMap { [text($0.title)] + ($0.detail.map { [text($0)] } ?? []) }
        }
        return texts + screen.actions.map { text($0.label) }
    }

    /// The items a screen that waits for scans lists, newest first.
    public var scanned: [ScannedItem] {
        if case .scans(let list) = display.screen.content { list.items } else { [] }
    }

    /// The tickets on the screen.
    public var tickets: [TicketCard] {
        if case .tickets(let cards) = display.screen.content { cards } else { [] }
    }

    /// A text in the kiosk's language.
    public func text(_ value: LocalizedText) -> String {
        localizer.string(value, language)
    }

    private func go(_ target: ScreenAction.Target) async throws {
        switch target {
        case .submit(let name, let value): try await press(name, value)
        case .flow(let owner, let name): try await open(owner, name)
        case .home: try await home()
        case .print: break
        }
    }

    private func follow(_ outcome: KioskEngine.Outcome) async throws {
        cardUnknown = false
        switch outcome {
        case .home: try await home()
        case .screen(let id):
            session = id
            try await refresh()
        case .cardUnknown(let id):
            cardUnknown = true
            if id == nil { try await home() } else { try await refresh() }
        }
    }

    /// Shows the session's screen, with its form's values as the page would send them untouched.
    private func refresh() async throws {
        guard let current = await engine.current(site: site, session: session) else { return try await home() }
        display = current
        fields = [:]
        for field in current.screen.form?.fields ?? [] {
            switch field.kind {
            case .checklist, .repeated: fields[field.name] = field.values
            case .date: fields[field.name] = LocalDate(iso: field.value).map { [$0.display] }
            default: fields[field.name] = field.value.isEmpty ? nil : [field.value]
            }
        }
    }
}

/// A step the driver could not take.
public struct DriverError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
