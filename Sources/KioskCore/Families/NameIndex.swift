import Foundation

/// The words of children's and guardians' names, folded (`Đặng Thị Ánh` → `dang`, `thi`, `anh`), one
/// row per word in an ordinary table (`childNameWord`, `guardianNameWord`) instead of a full-text
/// index: erasing a person deletes their few rows, which `secure_delete` overwrites at once, where a
/// full-text index keeps the old words in its segments until the whole index is rewritten.
public enum NameIndex: Sendable {
    case children
    case guardians

    var table: String { self == .children ? "childNameWord" : "guardianNameWord" }
    var column: String { self == .children ? "childId" : "guardianId" }
    var people: String { self == .children ? "child" : "guardian" }

    /// Indexes the words of a new person's name.
    public func add(_ fullName: String, id: Int64, _ db: Database) throws {
        for word in Set(VietnameseFolding.searchWords(fullName)) {
            try db.execute(sql: "INSERT OR IGNORE INTO \(table) (word, \(column)) VALUES (?, ?)", arguments: [word, id])
        }
    }

    /// People of a site whose name matches `query`, at most `limit` of them (and whether there are
    /// more: the list then asks for more of the name). The rows of the query's rarest word are read
    /// and the other words looked up for each, so the cost follows the rarest word, not the site's size.
    public func matches(_ query: NameQuery, siteID: Int64, limit: Int, _ db: Database) throws -> (ids: [Int64], more: Bool) {
        let words = try query.rarestFirst(in: self, db)
        let others = words.dropFirst()
        let checks = others.map { _ in "AND EXISTS (SELECT 1 FROM \(table) o WHERE o.\(column) = w.\(column) AND o.word >= ? AND o.word < ?)" }
        let sql = """
            SELECT DISTINCT w.\(column) FROM \(table) w CROSS JOIN \(people) p ON p.id = w.\(column)
            WHERE w.word >= ? AND w.word < ? AND p.siteId = ? \(checks.joined(separator: " "))
            LIMIT ?
            """
        var arguments: StatementArguments = [words[0].low, words[0].high, siteID]
        for word in others { arguments += [word.low, word.high] }
        arguments += [limit + 1]
        let ids = try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        return (Array(ids.prefix(limit)), ids.count > limit)
    }

    /// Those of `ids` whose name matches `query` (the children registered for an event, enrolled in
    /// a class): the cost follows the list, not the site.
    public func matches(_ query: NameQuery, among ids: [Int64], _ db: Database) throws -> Set<Int64> {
        var found = Set(ids)
        for word in query.ranges where !found.isEmpty {
            var kept = Set<Int64>()
            for chunk in Array(found).chunked(500) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let matched = try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT \(column) FROM \(table) WHERE \(column) IN (\(marks)) AND word >= ? AND word < ?
                    """, arguments: StatementArguments(chunk) + [word.low, word.high])
                kept.formUnion(matched)
            }
            found = kept
        }
        return found
    }
}

/// What staff typed to find a person by name: its folded words (at most eight), each of which must
/// begin a word of the name (`"dang thi a"` finds `Đặng Thị Ánh`).
public struct NameQuery: Sendable {
    /// A word's prefix as a range of words: those from `low` up to, not including, `high`.
    struct Prefix: Sendable {
        let low: String
        let high: String
    }

    let ranges: [Prefix]

    /// The folded words typed, each the beginning of a word to find.
    var words: [String] { ranges.map(\.low) }

    /// Nil when nothing searchable was typed.
    public init?(_ text: String) {
        let words = Array(Set(VietnameseFolding.searchWords(text))).sorted().prefix(8)
        guard !words.isEmpty else { return nil }
        ranges = words.map { word in
            // The first string after every word that begins with `word`: its last character's successor.
            var scalars = Array(word.unicodeScalars)
            let last = scalars.removeLast()
            let next = Unicode.Scalar(last.value + 1) ?? Unicode.Scalar(0x10FFFF)!
            return Prefix(low: word, high: String(String.UnicodeScalarView(scalars + [next])))
        }
    }

    /// The words, the one with the fewest names first (counted up to a bound, so a common word costs
    /// no more to count than a rare one).
    func rarestFirst(in index: NameIndex, _ db: Database) throws -> [Prefix] {
        guard ranges.count > 1 else { return ranges }
        let count = try db.cachedStatement(sql: """
            SELECT COUNT(*) FROM (SELECT 1 FROM \(index.table) WHERE word >= ? AND word < ? LIMIT 2000)
            """)
        let counted = try ranges.map { ($0, try Int.fetchOne(count, arguments: [$0.low, $0.high]) ?? 0) }
        return counted.sorted { $0.1 < $1.1 }.map(\.0)
    }
}

extension Array {
    /// The elements in consecutive slices of at most `size`.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension NameQuery {
    /// Of `childIDs` (the children of one activity), those whose name matches, in the order of their
    /// names, at most `limit`.
    public func children(among childIDs: [Int64], limit: Int, _ db: Database) throws -> [Child] {
        let ids = try NameIndex.children.matches(self, among: childIDs, db)
        return Array(VietnameseFolding.sortedByName(try Child.fetchAll(db, keys: ids), \.fullName).prefix(limit))
    }

    /// Of a module's `records` (an event's registrations, a class's enrolments), those whose child's
    /// name matches, each with its child, in the order of the names, at most `limit`.
    public func children<Record>(of records: [Record], child: (Record) -> Int64, limit: Int,
                                 _ db: Database) throws -> [(record: Record, child: Child)] {
        let byChild = Dictionary(records.map { (child($0), $0) }) { first, _ in first }
        return try children(among: Array(byChild.keys), limit: limit, db).map { (byChild[$0.id!]!, $0) }
    }
}
