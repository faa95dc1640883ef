import GRDB

extension FetchableRecord where Self: TableRecord {
    /// The record whose `id` is `id`, read through a statement prepared once per connection. For the
    /// scan's hot path, where preparing the SQL of a query-interface request costs more than running it.
    public static func find(_ db: Database, id: some DatabaseValueConvertible) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM \(databaseTableName.quotedDatabaseIdentifier) WHERE id = ?"), arguments: [id])
    }
}

extension Child {
    /// The child's full name, for a verdict: read through a statement prepared once.
    public static func fullName(_ db: Database, id: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT fullName FROM child WHERE id = ?"), arguments: [id])
    }
}

extension Guardian {
    /// The guardian's full name, for a verdict: read through a statement prepared once.
    public static func fullName(_ db: Database, id: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT fullName FROM guardian WHERE id = ?"), arguments: [id])
    }
}
