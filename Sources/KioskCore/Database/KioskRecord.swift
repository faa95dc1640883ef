import GRDB

/// A record of the kiosk's database. Conforming is all a record does: its `Date` columns are then
/// written and read as ``DatabaseTimestamp`` (the text GRDB writes, converted by arithmetic).
///
/// ```swift
/// struct Loan: Codable, FetchableRecord, MutablePersistableRecord, KioskRecord { … }
/// ```
public protocol KioskRecord {}

extension FetchableRecord where Self: KioskRecord {
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { DatabaseTimestamp.fromDatabaseValue($0)?.date }
    }
}

extension EncodableRecord where Self: KioskRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { DatabaseTimestamp($0) }
    }
}
