import Foundation

/// A verified ticket presented at a staff station, handed to the module that judges it.
public struct Scan: Sendable {
    /// The ticket's row: its signature was checked and it is not revoked.
    public let ticket: TicketRecord
    /// The site of the station.
    public let site: Site
    /// What the station is set to, if anything (`event:12`), as the module declared it.
    public let activity: StationActivity?
    /// When the scan happened.
    public let at: Date
    /// The staff member scanning.
    public let staffUsername: String
}

/// Something a staff station can be set to: a gate for an event, today's session of a class.
public struct StationActivity: Sendable, Hashable, Codable {
    /// The module the activity belongs to.
    public let moduleID: ModuleID
    /// The module's own key for it (`event:12`).
    public let key: String
    /// The label on the station's picker.
    public let label: String

    public init(moduleID: ModuleID, key: String, label: String) {
        self.moduleID = moduleID
        self.key = key
        self.label = label
    }

    /// The id the station sends back with each scan: `<module>/<key>`.
    public var stationID: String { "\(moduleID.rawValue)/\(key)" }
}

/// A live figure on the station (checked in: 120).
public struct StationCounter: Sendable, Hashable {
    public let label: LocalizedText
    public let value: String

    public init(label: LocalizedText, value: String) {
        self.label = label
        self.value = value
    }
}
