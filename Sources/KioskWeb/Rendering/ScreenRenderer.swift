import Foundation
import KioskCore
import KioskTickets

/// Turns a declarative `KioskScreen` into the values of the `kiosk-screen` template, in the
/// visitor's language, with QR codes drawn as inline PNGs (no extra request carries a token).
struct ScreenRenderer {
    let localizer: Localizer
    let language: Language
    let siteCode: String

    func values(_ screen: KioskScreen, step: String) throws -> [String: Any] {
        var values: [String: Any] = [
            "title": text(screen.title),
            "intro": screen.intro.map(text),
            "step": step,
            "actions": screen.actions.map(action),
        ]
        switch screen.content {
        case .menu(let tiles):
            values["menu"] = ["tiles": tiles.map { ["icon": $0.icon, "title": text($0.title), "detail": optional($0.detail.map(text)),
                                          "href": href($0.target)] as [String: Any] }]
        case .choices(let choices):
            values["choices"] = ["items": choices.map { ["title": text($0.title), "detail": optional($0.detail.map(text)),
                                               "action": "\($0.action):\($0.value)", "disabled": $0.disabled] as [String: Any] }]
        case .form(let form):
            values["form"] = [
                "fields": form.fields.map(field),
                "submit": action(form.submit),
                "error": optional(form.error.map(text)),
            ] as [String: Any]
        case .confirm(let confirmation):
            values["confirm"] = [
                "lines": confirmation.lines.map { ["label": text($0.label), "value": $0.value] },
                "button": action(confirmation.confirm),
            ] as [String: Any]
        case .tickets(let cards):
            values["tickets"] = ["cards": try cards.map { card in
                let png = try QRRenderer.png(QRMatrix(card.token), scale: 8)
                return ["qr": "data:image/png;base64," + Data(png).base64EncodedString(), "holder": card.holder,
                        "title": text(card.title), "detail": optional(card.detail.map(text)), "token": card.token] as [String: Any]
            }]
        case .message(let message):
            values["message"] = ["text": text(message.text), "style": message.style.rawValue]
        case .scans(let list):
            values["scans"] = ["prompt": text(list.prompt), "items": list.items.map {
                ["title": text($0.title), "detail": optional($0.detail.map(text)), "style": $0.style.rawValue] as [String: Any]
            }] as [String: Any]
        }
        return values
    }

    private func text(_ value: LocalizedText) -> String { localizer.string(value, language) }

    private func href(_ target: ScreenAction.Target) -> String {
        switch target {
        case .flow(let owner, let name): "/kiosk/\(siteCode)/start/\(owner.rawValue)/\(name)"
        case .home, .submit, .print: "/kiosk/\(siteCode)"
        }
    }

    private func action(_ action: ScreenAction) -> [String: Any] {
        var values: [String: Any] = ["label": text(action.label), "style": action.style.rawValue]
        switch action.target {
        case .submit(let name, let value): values["submit"] = "\(name):\(value)"
        case .print: values["print"] = true
        case .flow, .home: values["href"] = href(action.target)
        }
        return values
    }

    private func field(_ field: FormField) -> [String: Any] {
        var values: [String: Any] = [
            "name": field.name, "label": text(field.label), "value": field.value,
            "error": optional(field.error.map(text)), "required": field.required,
            "suggestions": field.suggestions, "hasSuggestions": !field.suggestions.isEmpty,
        ]
        switch field.kind {
        case .text(let maxLength):
            values["text"] = ["maxLength": maxLength, "keyboard": "text", "telex": true]
        case .multiline(let maxLength):
            values["multiline"] = ["maxLength": maxLength]
        case .name(let maxLength):
            values["text"] = ["maxLength": maxLength, "keyboard": "text", "telex": true, "words": true]
        case .code(let maxLength):
            values["text"] = ["maxLength": maxLength, "keyboard": "code", "telex": false]
        case .digits(let maxLength):
            values["digits"] = ["maxLength": maxLength]
        case .phone:
            values["digits"] = ["maxLength": PhoneNumber.maxTypedLength, "phone": true]
        case .date(let years):
            let century = years.lowerBound / 100 == years.upperBound / 100 ? String(years.lowerBound / 100) : ""
            values["value"] = LocalDate(iso: field.value)?.display ?? field.value
            values["date"] = ["century": century, "minYear": years.lowerBound, "maxYear": years.upperBound]
        case .select(let options):
            values["select"] = ["options": options.map { ["value": $0.value, "label": text($0.label), "checked": $0.value == field.value] }]
        case .checkbox(let label):
            values["checkbox"] = ["agree": text(label), "checked": field.value == FormField.ticked]
        case .checklist(let options):
            values["checklist"] = ["options": options.map { ["value": $0.value, "label": text($0.label), "checked": field.values.contains($0.value)] }]
        case .repeated(let rows, let maxLength):
            values["repeated"] = ["maxLength": maxLength, "rows": (0..<rows).map { row in
                ["row": row + 1, "value": row < field.values.count ? field.values[row] : ""] as [String: Any]
            }] as [String: Any]
        }
        return values
    }
}
