import Foundation

/// What a consent is for, and the text the person read: registration's own (`membership`), or a
/// module's (the sensitive data of a scholarship application). The text's locale key names its
/// version (`scholarships.consent.v1`); a new wording gets a new key, so the evidence says which
/// words were agreed to.
public struct ConsentPurpose: Sendable, Hashable {
    /// `membership`, or the module's id, a dot and a name (`scholarships.sensitiveData`).
    public let name: String
    /// The locale key of the text shown, which is recorded with the consent.
    public let text: String

    public init(_ name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Registering a child: the guardian's consent (and the child's own from age 7).
    public static let membership = ConsentPurpose("membership", text: ConsentInput.guardianText)
}

/// Who gave a consent.
public enum ConsentGiver: String, Sendable, Hashable {
    case guardian, child
}

extension AppDatabase {
    /// Records a consent as evidence: for which child, for what, who gave it, the text they read,
    /// the kiosk and when. The child must belong to the family.
    public static func recordConsent(_ purpose: ConsentPurpose, childID: Int64, familyID: Int64, givenBy: ConsentGiver,
                                     kiosk: String, at now: Date, _ db: Database) throws {
        let child = try Self.childForRegistration(childID, familyID: familyID, db)
        let guardian = try Int64.fetchOne(db, sql: "SELECT id FROM guardian WHERE familyId = ? ORDER BY id LIMIT 1", arguments: [child.familyId])
        var consent = Consent(childId: childID, guardianId: guardian, givenBy: givenBy.rawValue, textVersion: purpose.text, kiosk: kiosk,
                              givenAt: now, purpose: purpose.name)
        try consent.insert(db)
    }

    /// Whether consent for `purpose` was given for the child by `givenBy`, with the text the purpose shows now.
    public static func hasConsent(_ purpose: ConsentPurpose, childID: Int64, givenBy: ConsentGiver = .guardian, _ db: Database) throws -> Bool {
        try Consent.filter(Column("childId") == childID && Column("purpose") == purpose.name && Column("givenBy") == givenBy.rawValue
                           && Column("textVersion") == purpose.text).fetchCount(db) > 0
    }
}
