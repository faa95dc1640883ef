/// What a module asks of the core about the people its rows name: children by id, a family's
/// children, the guardian staff would call. A module reads the core's people only through these
/// (and `NameQuery`), never with SQL on `child`, `guardian` or `family`, so their schema stays the
/// core's to change.
public enum FamilyDirectory {
    /// The child with this id, if there is one.
    public static func child(_ id: Int64, _ db: Database) throws -> Child? {
        try Child.fetchOne(db, key: id)
    }

    /// The guardian with this id, if there is one.
    public static func guardian(_ id: Int64, _ db: Database) throws -> Guardian? {
        try Guardian.fetchOne(db, key: id)
    }

    /// The children of `ids` that exist, by id.
    public static func children(_ ids: some Sequence<Int64>, _ db: Database) throws -> [Int64: Child] {
        try Dictionary(uniqueKeysWithValues: Child.fetchAll(db, keys: Set(ids)).map { ($0.id!, $0) })
    }

    /// A family's children, in the order they were registered.
    public static func children(ofFamily familyID: Int64, _ db: Database) throws -> [Child] {
        try Child.filter(Child.Columns.familyId == familyID).order(Column("id")).fetchAll(db)
    }

    /// A family's guardians, in the order they were added.
    public static func guardians(ofFamily familyID: Int64, _ db: Database) throws -> [Guardian] {
        try Guardian.filter(Guardian.Columns.familyId == familyID).order(Column("id")).fetchAll(db)
    }

    /// The guardians of `ids` that exist, by id.
    public static func guardians(_ ids: some Sequence<Int64>, _ db: Database) throws -> [Int64: Guardian] {
        try Dictionary(uniqueKeysWithValues: Guardian.fetchAll(db, keys: Set(ids)).map { ($0.id!, $0) })
    }

    /// The guardian who registered each family (the one staff call), by family id.
    public static func firstGuardians(ofFamilies familyIDs: some Sequence<Int64>, _ db: Database) throws -> [Int64: Guardian] {
        let guardians = try Guardian.filter(Set(familyIDs).contains(Guardian.Columns.familyId)).order(Column("id")).fetchAll(db)
        return Dictionary(guardians.map { ($0.familyId, $0) }) { first, _ in first }
    }
}
