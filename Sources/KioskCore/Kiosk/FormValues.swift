/// What a family filled in on a kiosk form, typed by the form's fields: a date is a `LocalDate`,
/// a ticked box a `Bool`, a checklist the names of its ticked boxes. The engine builds it from
/// what a front end sent; flows read it and never parse a front end's encoding.
public struct FormValues: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var lists: [String: [String]]
    private var dates: [String: LocalDate] = [:]

    /// Values given as they are (tests): one text per field.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.lists = Dictionary(elements.map { ($0.0, [$0.1]) }, uniquingKeysWith: { $1 })
    }

    /// What a front end sent for `form`, every value of each name: a date field typed `dd/mm/yyyy`
    /// becomes a date; one that is no date stays text, so the flow refuses it and the form shows it
    /// again as typed.
    public init(sent: [String: [String]], form: FormSpec?) {
        self.lists = sent
        for field in form?.fields ?? [] {
            if case .date = field.kind, let typed = sent[field.name]?.last, let date = LocalDate(display: typed) {
                dates[field.name] = date
            }
        }
    }

    /// The text of a field, as typed (the last one sent, when a name came more than once).
    public subscript(name: String) -> String? {
        lists[name]?.last
    }

    /// The options ticked in a checklist, the rows of a repeated field, or every value sent under
    /// `name`, in order; empty ones left out.
    public func list(_ name: String) -> [String] {
        (lists[name] ?? []).filter { !$0.isEmpty }
    }

    /// The options of a checklist of records (made with `FieldOption(id:)`) that were ticked.
    public func ids(_ name: String) -> [Int64] {
        list(name).compactMap { Int64($0) }
    }

    /// The date of a date field; nil when nothing or no date was typed.
    public func date(_ name: String) -> LocalDate? {
        dates[name]
    }

    /// Whether a checkbox field is ticked.
    public func isTicked(_ name: String) -> Bool {
        self[name] == FormField.ticked
    }

    /// The names of the ticked checkboxes.
    public var ticked: Set<String> {
        Set(lists.filter { $0.value.last == FormField.ticked }.keys)
    }

    /// The values as a form shows them again: each date in the form the field holds.
    var shown: [String: [String]] {
        lists.merging(dates.mapValues { [$0.iso] }) { $1 }
    }
}
