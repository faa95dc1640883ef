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
    /// False when the disk took nothing: the verdict was judged but not saved (the check-in, the
    /// mark), so staff write it down and a second scan cannot tell it was seen.
    public let recorded: Bool

    public init(_ outcome: Outcome, _ title: LocalizedText, name: String? = nil, detail: LocalizedText? = nil,
                offer: StationOffer? = nil, recorded: Bool = true) {
        self.outcome = outcome
        self.title = title
        self.name = name
        self.detail = detail
        self.offer = offer
        self.recorded = recorded
    }

    /// The verdict of a scan whose transaction the disk refused: as judged, without an offer (it
    /// could not be saved either), marked not recorded.
    public var notRecorded: ScanVerdict {
        ScanVerdict(outcome, title, name: name, detail: detail, recorded: false)
    }

    /// A refusal with a core reason (`scan.forged`, `scan.revoked`, `scan.otherSite` …).
    public static func refused(_ reason: String, name: String? = nil) -> ScanVerdict {
        ScanVerdict(.refused, .key(reason), name: name)
    }
}
