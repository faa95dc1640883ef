import KioskCore

/// How a group of readers may borrow a category of books at a site: the most specific rule wins,
/// as in the big library systems (a category beats "every category", an age band beats "every
/// age", and of two age bands the narrower).
struct LoanRule: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    static let databaseTableName = "library_rule"

    var id: Int64?
    var siteId: Int64
    /// The readers' ages; nil: every age.
    var minAge: Int?
    var maxAge: Int?
    /// A category of `BookTitle.categories`; empty: every category.
    var category: String
    var maxLoans: Int
    var loanDays: Int
    var renewals: Int
    /// Whether a child may borrow a book of an age band above their own.
    var aboveAgeBand: Bool
    /// Whether a reader may reserve a title whose copies are all out.
    var holdsAllowed: Bool = true

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The rule when a site has none: three books for two weeks, one renewal, within the age band.
    static func standard(siteID: Int64) -> LoanRule {
        LoanRule(siteId: siteID, minAge: nil, maxAge: nil, category: "", maxLoans: 3, loanDays: 14, renewals: 1, aboveAgeBand: false)
    }

    /// Whether the rule is for a reader of `age` and a book of `category`.
    func applies(age: Int, category: String) -> Bool {
        (self.category.isEmpty || self.category == category) && (minAge ?? 0) <= age && age <= (maxAge ?? 200)
    }

    /// How specific the rule is; the most specific of the rules that apply wins.
    var specificity: Int {
        (category.isEmpty ? 0 : 1000) + (minAge == nil && maxAge == nil ? 0 : 500 - ((maxAge ?? 200) - (minAge ?? 0)))
    }

    /// The rule for a reader of `age` and a book of `category` at the site.
    static func rule(siteID: Int64, age: Int, category: String, _ db: Database) throws -> LoanRule {
        try LoanRule.filter(Column("siteId") == siteID).fetchAll(db)
            .filter { $0.applies(age: age, category: category) }
            .max { ($0.specificity, $0.id ?? 0) < ($1.specificity, $1.id ?? 0) } ?? standard(siteID: siteID)
    }
}
