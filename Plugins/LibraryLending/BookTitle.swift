import Foundation
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

    /// The words of titles and authors, which the catalogue search reads.
    static let words = WordIndex(table: "library_title_word")

    /// A title saved is indexed by the words of its title and author in the same transaction.
    func aroundSave(_ db: Database, save: () throws -> PersistenceSuccess) throws {
        // After an insert the container holds the new row's id.
        guard let id = Int64.fromDatabaseValue(try save().persistenceContainer["id"]?.databaseValue ?? .null) else { return }
        try Self.words.replace(id: id, siteID: siteId, with: "\(title) \(author)", db)
    }

}

extension BookTitle {
    /// A title as typed in the admin form or a row of an imported file, checked.
    init(_ values: [String: String], siteID: Int64) throws {
        let form = AdminValues(values)
        let category = (values["category"] ?? "").trimmingCharacters(in: .whitespaces)
        guard Self.categories.contains(category) else { throw KioskError(.invalidInput, "library.field.categoryInvalid", field: "category") }
        let year = (values["year"] ?? "").trimmingCharacters(in: .whitespaces)
        self.init(siteId: siteID, title: try form.text("title", maxLength: 200), author: try form.text("author", required: false),
                  publisher: try form.text("publisher", required: false), year: year.isEmpty ? nil : try form.integer("year", 1900...2100),
                  isbn: try form.text("isbn", maxLength: 20, required: false), category: category,
                  minAge: try form.integer("minAge", 0...18), maxAge: try form.integer("maxAge", 0...18),
                  shelfMark: try form.text("shelfMark", maxLength: 40, required: false))
        guard minAge <= maxAge else { throw KioskError(.invalidInput, "library.field.ages", field: "maxAge") }
    }
}
