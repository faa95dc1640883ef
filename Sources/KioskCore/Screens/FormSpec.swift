/// A form on a kiosk screen.
public struct FormSpec: Sendable, Hashable, Codable {
    public var fields: [FormField]
    /// The action the submit button sends.
    public var submit: ScreenAction
    /// An error about the whole form.
    public var error: LocalizedText?

    public init(fields: [FormField], submit: ScreenAction, error: LocalizedText? = nil) {
        self.fields = fields
        self.submit = submit
        self.error = error
    }

    /// The form with `error` attached to its field (or to the whole form) and the values typed.
    public func showing(_ error: KioskError, values: FormValues = [:]) -> FormSpec {
        let values = values.shown
        var copy = self
        copy.fields = fields.map { field in
            var field = field
            if field.holdsSeveral {
                field.values = values[field.name] ?? field.values
            } else {
                field.value = values[field.name]?.last ?? field.value
            }
            if field.name == error.field { field.error = error.message }
            return field
        }
        if error.field == nil || !fields.contains(where: { $0.name == error.field }) { copy.error = error.message }
        return copy
    }
}

/// A field of a kiosk form.
public struct FormField: Sendable, Hashable, Codable {
    /// What is typed or picked.
    public enum Kind: Sendable, Hashable, Codable {
        /// Free text, typed on the on-screen keyboard with Telex.
        case text(maxLength: Int)
        /// A longer free text over several lines (a comment, a family's circumstances), with Telex.
        case multiline(maxLength: Int)
        /// A person's name: free text with Telex, each word capitalised as it is typed.
        case name(maxLength: Int)
        /// A code printed on a card or ticket (letters, digits, dots), typed without Telex; a scanner
        /// fills it too.
        case code(maxLength: Int)
        /// Digits only, on a number pad.
        case digits(maxLength: Int)
        /// A phone number on the number pad; the pad moves on to the next field once it is whole.
        case phone
        /// A date typed on the number pad as `dd/mm/yyyy` (the century filled in when every year of
        /// the range shares it); the flow receives `yyyy-MM-dd`.
        case date(years: ClosedRange<Int>)
        /// One of a few options, shown as large buttons.
        case select([FieldOption])
        /// A box to tick; never ticked in advance. The value is `FormField.ticked` when ticked.
        case checkbox(LocalizedText)
        /// Any number of options to tick (the children going to an event, the documents brought);
        /// the flow reads them with `FormValues.list` or `ids`.
        case checklist([FieldOption])
        /// The same short text on several rows (a child's brothers and sisters, ideas), with Telex;
        /// empty rows are dropped and the flow reads the others with `FormValues.list`.
        case repeated(rows: Int, maxLength: Int)
    }

    /// Whether the field sends several values (`values`, not `value`).
    public var holdsSeveral: Bool {
        switch kind {
        case .checklist, .repeated: true
        default: false
        }
    }

    /// The value of a ticked checkbox.
    public static let ticked = "yes"

    public let name: String
    public let label: LocalizedText
    public let kind: Kind
    public var value: String
    public var error: LocalizedText?
    /// The values of a field that holds several: a checklist's ticked options, a repeated field's rows.
    public var values: [String]
    public let required: Bool
    /// Values offered as the first letters are typed (tone marks ignored); any other text may still be typed.
    public var suggestions: [String]

    public init(_ name: String, _ label: LocalizedText, _ kind: Kind, value: String = "", values: [String] = [], required: Bool = true,
                suggestions: [String] = []) {
        self.name = name
        self.label = label
        self.kind = kind
        self.value = value
        self.values = values
        self.required = required
        self.suggestions = suggestions
    }
}

/// An option of a select field.
public struct FieldOption: Sendable, Hashable, Codable {
    public let value: String
    public let label: LocalizedText

    public init(_ value: String, _ label: LocalizedText) {
        self.value = value
        self.label = label
    }

    /// An option that stands for a record (a child): the flow reads it back with `FormValues.ids`.
    public init(id: Int64, _ label: LocalizedText) {
        self.init(String(id), label)
    }
}
