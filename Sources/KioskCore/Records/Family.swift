import Foundation

/// A family: the guardians and children who came to the kiosk together. A guardian's phone is the
/// family's identity at a site.
public struct Family: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    public var siteId: Int64
    public var createdAt: Date

    public init(id: Int64? = nil, siteId: Int64, createdAt: Date) {
        self.id = id
        self.siteId = siteId
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public static let guardians = hasMany(Guardian.self)
    public static let children = hasMany(Child.self)
}

/// A parent or other adult responsible for the family's children.
public struct Guardian: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    public var familyId: Int64
    public var siteId: Int64
    public var fullName: String
    /// The ten-digit phone number.
    public var phone: String
    /// `mother`, `father`, `grandparent`, `other`: a locale key suffix.
    public var relationship: String
    public var createdAt: Date

    public enum Columns {
        public static let familyId = Column(CodingKeys.familyId)
        public static let siteId = Column(CodingKeys.siteId)
        public static let phone = Column(CodingKeys.phone)
    }

    /// The relationships a guardian may state.
    public static let relationships = ["mother", "father", "grandparent", "other"]

    public init(id: Int64? = nil, familyId: Int64, siteId: Int64, fullName: String, phone: String, relationship: String, createdAt: Date) {
        self.id = id
        self.familyId = familyId
        self.siteId = siteId
        self.fullName = fullName
        self.phone = phone
        self.relationship = relationship
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A child of a family. Saved only with the guardian's consent (and the child's own from age 7).
public struct Child: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    public var familyId: Int64
    public var siteId: Int64
    /// Full name, family name first (`Nguyễn Văn An`).
    public var fullName: String
    public var birthDate: LocalDate
    public var school: String
    public var grade: String
    public var createdAt: Date
    /// Set when the guardian withdrew consent: no new registrations for this child.
    public var consentWithdrawnAt: Date?

    public enum Columns {
        public static let familyId = Column(CodingKeys.familyId)
        public static let siteId = Column(CodingKeys.siteId)
        public static let birthDate = Column(CodingKeys.birthDate)
        public static let fullName = Column(CodingKeys.fullName)
    }

    public init(id: Int64? = nil, familyId: Int64, siteId: Int64, fullName: String, birthDate: LocalDate,
                school: String, grade: String, createdAt: Date, consentWithdrawnAt: Date? = nil) {
        self.id = id
        self.familyId = familyId
        self.siteId = siteId
        self.fullName = fullName
        self.birthDate = birthDate
        self.school = school
        self.grade = grade
        self.createdAt = createdAt
        self.consentWithdrawnAt = consentWithdrawnAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Whether new registrations may be made for this child.
    public var mayRegister: Bool { consentWithdrawnAt == nil }

    /// Age in whole years on `date`.
    public func age(on date: LocalDate) -> Int { birthDate.age(on: date) }
}

/// Evidence of consent: who agreed, to which version of the text, when, at which kiosk.
public struct Consent: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    public var childId: Int64
    public var guardianId: Int64?
    /// `guardian` or `child`.
    public var givenBy: String
    /// The locale key of the consent text the person saw (it names its version: `consent.guardian.v1`).
    public var textVersion: String
    /// The kiosk (or admin page) where consent was given.
    public var kiosk: String
    public var givenAt: Date
    /// What the consent is for: `membership` (registration), or a module's purpose (`scholarships.sensitiveData`).
    public var purpose: String

    public init(id: Int64? = nil, childId: Int64, guardianId: Int64?, givenBy: String, textVersion: String, kiosk: String, givenAt: Date,
                purpose: String = ConsentPurpose.membership.name) {
        self.id = id
        self.childId = childId
        self.guardianId = guardianId
        self.givenBy = givenBy
        self.textVersion = textVersion
        self.kiosk = kiosk
        self.givenAt = givenAt
        self.purpose = purpose
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
