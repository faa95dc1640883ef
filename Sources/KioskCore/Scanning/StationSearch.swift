/// A person found by name at a station (a lost ticket), with what staff can do for them.
public struct StationSearchResult: Sendable, Hashable {
    public let name: String
    public let detail: String
    /// The station action the button sends (`checkin:12`).
    public let action: StationOffer

    public init(name: String, detail: String, action: StationOffer) {
        self.name = name
        self.detail = detail
        self.action = action
    }
}

/// Something staff can do from a verdict or a search result: check a child in by hand, register a
/// walk-in. The module that offered it performs it (`KioskModule.performStationAction`).
public struct StationOffer: Sendable, Hashable {
    public let label: LocalizedText
    /// The module's own key for the action (`walkin:34`).
    public let key: String
    /// What the station asks before it acts (why a librarian lends despite a block); the answer
    /// reaches the module in `StationActionContext.reason`. Nil: the button acts at once.
    public let reason: LocalizedText?

    public init(label: LocalizedText, key: String, reason: LocalizedText? = nil) {
        self.label = label
        self.key = key
        self.reason = reason
    }
}
