/// The answer a staff station shows for a scan: green, amber or red, with the child's name.
public struct ScanVerdict: Sendable, Hashable {
    /// The colour of the answer.
    public enum Outcome: String, Sendable, Codable {
        /// Green: let in, mark present.
        case accepted
        /// Amber: valid but already used (already checked in at 08:05).
        case warning
        /// Red: refused.
        case refused
    }

    public let outcome: Outcome
    /// The verdict in a few words ("Mời vào", "Vé giả").
    public let title: LocalizedText
    /// The person's name, where known.
    public let name: String?
    /// More detail ("đã vào lúc 08:05").
    public let detail: LocalizedText?
    /// What staff can do next (register a walk-in), shown as a button with the verdict.
    public let offer: StationOffer?

    public init(_ outcome: Outcome, _ title: LocalizedText, name: String? = nil, detail: LocalizedText? = nil,
                offer: StationOffer? = nil) {
        self.outcome = outcome
        self.title = title
        self.name = name
        self.detail = detail
        self.offer = offer
    }

    /// A refusal with a core reason (`scan.forged`, `scan.revoked`, `scan.otherSite` …).
    public static func refused(_ reason: String, name: String? = nil) -> ScanVerdict {
        ScanVerdict(.refused, .key(reason), name: name)
    }
}
