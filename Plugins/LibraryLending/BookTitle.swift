import KioskCore

/// A title of a site's catalogue: a book the library has one or more copies of.
struct BookTitle: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "library_title"

    /// The shelves of a children's library, as locale key suffixes (`library.category.comics`).
    static let categories = ["picture", "comics", "science", "literature", "other"]

    var id: Int64?
    var siteId: Int64
    var title: String
    var author: String
    var publisher: String
    var year: Int?
    var isbn: String
    var category: String
    /// The age band the book is for.
    var minAge: Int
    var maxAge: Int
    var shelfMark: String

    enum Columns {
        static let siteId = Column(CodingKeys.siteId)
        static let title = Column(CodingKeys.title)
        static let category = Column(CodingKeys.category)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
