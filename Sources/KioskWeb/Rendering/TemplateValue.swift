/// A text for a template section that may be absent: `false` when empty, so that
/// `{{#error}}<p>{{.}}</p>{{/error}}` renders nothing (Mustache treats an empty string as present).
func optional(_ text: String?) -> Any {
    guard let text, !text.isEmpty else { return false }
    return text
}
