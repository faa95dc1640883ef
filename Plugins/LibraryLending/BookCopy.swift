import KioskCore

/// One copy of a title, with the barcode the library labelled it with (whatever the scanner types:
/// an EAN-13 ISBN, a Code 128 label, our own `LIB-` label).
struct BookCopy: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "library_copy"

    /// Where a copy is.
    enum Status: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case shelf, loan, hold, lost, damaged, withdrawn

        /// Whether a copy in this state can be lent.
        var isLendable: Bool { self == .shelf }
    }

    var id: Int64?
    var titleId: Int64
    var siteId: Int64
    var barcode: String
    var shelf: String
    var status: Status
    /// The day the copy was added to the catalogue (nil for copies added before the library kept it).
    var addedOn: LocalDate?

    enum Columns {
        static let siteId = Column(CodingKeys.siteId)
        static let barcode = Column(CodingKeys.barcode)
        static let titleId = Column(CodingKeys.titleId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A barcode as typed or imported, checked: what the library's pattern takes.
    static func barcode(_ typed: String?) throws -> String {
        let barcode = ScannerInput.code(typed ?? "")
        guard LibraryLendingModule.copyCode.matches(barcode) else { throw KioskError(.invalidInput, "library.field.barcodeInvalid", field: "barcode") }
        return barcode
    }

    /// The prefix of the library's own labels, printed for copies that came without one.
    static let ownLabelPrefix = "LIB-"

    /// The next of the library's own labels at the site (`LIB-0007`).
    static func nextOwnLabel(siteID: Int64, _ db: Database) throws -> String {
        let highest = try Int.fetchOne(db, sql: """
            SELECT MAX(CAST(substr(barcode, 5) AS INTEGER)) FROM library_copy WHERE siteId = ? AND barcode LIKE 'LIB-%'
            """, arguments: [siteID]) ?? 0
        return ownLabelPrefix + (highest + 1).zeroPadded(4)
    }

    /// The copy of the site with this barcode, as the scanner typed it.
    static func find(barcode: String, siteID: Int64, _ db: Database) throws -> BookCopy? {
        try BookCopy.filter(Columns.siteId == siteID && Columns.barcode == barcode).fetchOne(db)
    }
}
