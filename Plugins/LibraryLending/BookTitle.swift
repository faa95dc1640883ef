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
    /// The title and author folded (`de men phieu luu ky to hoai`), which the catalogue search reads.
    var searchText: String = ""

    enum Columns {
        static let siteId = Column(CodingKeys.siteId)
        static let title = Column(CodingKeys.title)
        static let category = Column(CodingKeys.category)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A new title's search text (an edited one gets it from `init(_:siteID:)`).
    mutating func willInsert(_ db: Database) throws {
        searchText = folded
    }

    var folded: String { VietnameseFolding.fold("\(title) \(author)") }
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
        searchText = folded
    }
}
