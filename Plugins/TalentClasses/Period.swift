import KioskCore

/// A period of classes at a site: "Hè 2027" (summer), the January–May or September–December wave.
struct Period: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "classes_period"

    var id: Int64?
    var siteId: Int64
    var name: String
    var startsOn: LocalDate
    var endsOn: LocalDate

    enum Columns {
        static let siteId = Column(CodingKeys.siteId)
        static let endsOn = Column(CodingKeys.endsOn)
        static let startsOn = Column(CodingKeys.startsOn)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
