import GRDB

extension FetchableRecord where Self: TableRecord {
    /// The record whose `id` is `id`, read through a statement prepared once per connection. For the
    /// scan's hot path, where preparing the SQL of a query-interface request costs more than running it.
    public static func find(_ db: Database, id: some DatabaseValueConvertible) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM \(databaseTableName.quotedDatabaseIdentifier) WHERE id = ?"), arguments: [id])
    }
}
