import Foundation

/// The folded words of a module's texts (a book's title and author) in a full-text index of the
/// module's own (SQLite's FTS5), found by the beginnings of words as names are (`de men` finds "Dế
/// Mèn phiêu lưu ký"): the index intersects each word's list of records, so a search costs what its
/// words find, not the size of the catalogue. For texts about things, not people: a name is kept in
/// `NameIndex`, whose rows an erasure overwrites at once.
///
/// ```swift
/// static let words = WordIndex(table: "library_title_word")
/// try words.create(in: db)                                 // in a migration
/// try words.replace(id: title.id!, siteID: site.id!, with: "\(title.title) \(title.author)", db)
/// let ids = try words.matches(NameQuery("de men")!, siteID: site.id!, limit: 200, db)
/// ```
public struct WordIndex: Sendable {
    /// The table, named with the module's prefix.
    public let table: String

    public init(table: String) {
        self.table = table
    }

    /// Creates the index: each record's folded words, and its site.
    public func create(in db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE \(table) USING fts5(words, siteId UNINDEXED, tokenize = 'ascii', prefix = '1 2 3')")
    }

    /// Indexes a record's text anew (its words replace those it had).
    public func replace(id: Int64, siteID: Int64, with text: String, _ db: Database) throws {
        try remove(id: id, db)
        try db.execute(sql: "INSERT INTO \(table) (rowid, words, siteId) VALUES (?, ?, ?)",
                       arguments: [id, VietnameseFolding.searchWords(text).joined(separator: " "), siteID])
    }

    /// Forgets a record's words.
    public func remove(id: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [id])
    }

    /// The records of a site with a word beginning with each word of `query`, at most `limit`.
    public func matches(_ query: NameQuery, siteID: Int64, limit: Int, _ db: Database) throws -> [Int64] {
        // Folded words are letters and digits; quoted, each is a prefix and not FTS syntax.
        let match = query.words.map { "\"\($0)\"*" }.joined(separator: " ")
        return try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ? AND siteId = ? LIMIT ?"),
                                  arguments: [match, siteID, limit])
    }
}
