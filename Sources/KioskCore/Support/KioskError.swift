/// An error a person can read: a localized message key and a kind that tells the host how to answer.
///
/// Errors are values, like Hummingbird's `HTTPError`: the host renders `message` in the visitor's
/// language and maps `kind` to an HTTP status. Nothing is saved when a `KioskError` is thrown.
///
/// ```swift
/// throw KioskError(.invalidInput, "error.phone.invalid")
/// ```
public struct KioskError: Error, Sendable, Equatable {
    /// What went wrong, as a category the host maps to a status code.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case invalidInput, notFound, conflict, forbidden, unauthorized, tooManyRequests, unavailable
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The input was malformed or out of range.
        public static let invalidInput = Kind(.invalidInput)
        /// The thing asked for does not exist (or is not for this visitor).
        public static let notFound = Kind(.notFound)
        /// The request clashes with what is stored (a duplicate, a full class).
        public static let conflict = Kind(.conflict)
        /// The visitor is known but may not do this.
        public static let forbidden = Kind(.forbidden)
        /// The visitor must log in first.
        public static let unauthorized = Kind(.unauthorized)
        /// Too many attempts; try again later.
        public static let tooManyRequests = Kind(.tooManyRequests)
        /// The service cannot do this now (a disabled module, a closed window).
        public static let unavailable = Kind(.unavailable)

        public var description: String { value.rawValue }
    }

    /// The category of the error.
    public let kind: Kind
    /// The localized message, as a locale key with arguments.
    public let message: LocalizedText
    /// The form field the error belongs to, if any.
    public let field: String?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the category of the error.
    ///   - key: the locale key of the message.
    ///   - arguments: values substituted for `{0}`, `{1}` … in the message.
    ///   - field: the form field the error belongs to.
    public init(_ kind: Kind, _ key: String, _ arguments: String..., field: String? = nil) {
        self.kind = kind
        self.message = LocalizedText(key, arguments)
        self.field = field
    }
}
