/// A kind of ticket a module issues: a member card, an event ticket, an enrolment ticket …
///
/// The code is the token's `KIND` part: 2 to 4 upper-case letters, unique across modules.
public struct TicketKind: Sendable, Hashable {
    /// The code in the token (`MC`).
    public let code: String
    /// The module that issues and judges it (`core` for the cards every family gets).
    public let moduleID: ModuleID
    /// What the ticket is called on a card.
    public let title: LocalizedText

    /// Declares a ticket kind.
    public init(code: String, moduleID: ModuleID, title: LocalizedText) {
        precondition((2...4).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isUppercase },
                     "a ticket kind code is 2 to 4 upper-case letters")
        self.code = code
        self.moduleID = moduleID
        self.title = title
    }

    /// A child's member card: the child's identity at every station.
    public static let memberCard = TicketKind(code: "MC", moduleID: .core, title: .key("ticket.memberCard"))
    /// A guardian's card: identifies the adult (for instance to collect a child).
    public static let guardianCard = TicketKind(code: "GC", moduleID: .core, title: .key("ticket.guardianCard"))
}
