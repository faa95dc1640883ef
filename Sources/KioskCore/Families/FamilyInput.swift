/// A guardian as typed at the kiosk, checked.
public struct GuardianInput: Sendable, Hashable, Codable {
    public let fullName: String
    public let phone: PhoneNumber
    public let relationship: String

    /// Checks a guardian's name, phone as typed and relationship (one of `Guardian.relationships`).
    public init(fullName: String?, phone: String?, relationship: String?) throws {
        self.fullName = try TextInput.clean(fullName, field: "guardianName", maxLength: 80)
        guard let phone = PhoneNumber(phone ?? "") else {
            throw KioskError(.invalidInput, "error.phone.invalid", field: "phone")
        }
        self.phone = phone
        guard let relationship, Guardian.relationships.contains(relationship) else {
            throw KioskError(.invalidInput, "error.field.required", field: "relationship")
        }
        self.relationship = relationship
    }

    /// Checks the form fields `guardianName`, `phone`, `relationship`.
    public init(fields: FormValues) throws {
        try self.init(fullName: fields["guardianName"], phone: fields["phone"], relationship: fields["relationship"])
    }

    /// The kiosk form's fields for a guardian.
    static let formFields = [
        FormField("guardianName", .key("field.guardianName"), .name(maxLength: 80)),
        FormField("phone", .key("field.phone"), .phone),
        FormField("relationship", .key("field.relationship"),
                  .select(Guardian.relationships.map { FieldOption($0, .key("relationship.\($0)")) })),
    ]
}

/// A child as typed at the kiosk, checked.
public struct ChildInput: Sendable, Hashable, Codable {
    public let fullName: String
    public let birthDate: LocalDate
    public let school: String
    public let grade: String

    /// The grades a child may be in: kindergarten, then 1 to 12.
    public static let grades = ["mn"] + (1...12).map(String.init)

    /// Checks a child's name, date of birth, school and grade against `today`: a child is 3 to 18 years old.
    public init(fullName: String?, birthDate: LocalDate?, school: String?, grade: String?, today: LocalDate) throws {
        self.fullName = try TextInput.clean(fullName, field: "childName", maxLength: 80)
        guard let birthDate else { throw KioskError(.invalidInput, "error.date.invalid", field: "birthDate") }
        guard (3...18).contains(birthDate.age(on: today)) else {
            throw KioskError(.invalidInput, "error.child.age", field: "birthDate")
        }
        self.birthDate = birthDate
        self.school = try TextInput.clean(school, field: "school", maxLength: 120)
        guard let grade, Self.grades.contains(grade) else { throw KioskError(.invalidInput, "error.field.required", field: "grade") }
        self.grade = grade
    }

    /// Checks the form fields `childName`, `birthDate` (a date field), `school`, `grade`.
    public init(fields: FormValues, today: LocalDate) throws {
        try self.init(fullName: fields["childName"], birthDate: fields.date("birthDate"), school: fields["school"], grade: fields["grade"],
                      today: today)
    }
}

/// Consent as given at the kiosk: the guardian always, the child too from age 7.
public struct ConsentInput: Sendable, Hashable {
    /// The locale key of the guardian's consent text; a new wording gets a new key.
    public static let guardianText = "consent.guardian.v1"
    /// The locale key of the text a child reads.
    public static let childText = "consent.child.v1"
    /// From this age the child is asked on a screen of their own.
    public static let childAskedFromAge = 7

    public let guardianAgreed: Bool
    public let childAgreed: Bool?
    public let kiosk: String

    public init(guardianAgreed: Bool, childAgreed: Bool?, kiosk: String) {
        self.guardianAgreed = guardianAgreed
        self.childAgreed = childAgreed
        self.kiosk = kiosk
    }

    /// Checks that the consent given is the consent needed for a child of `age`.
    func check(childAge age: Int) throws {
        guard guardianAgreed else { throw KioskError(.invalidInput, "error.consent.guardian", field: "consent") }
        if age >= Self.childAskedFromAge, childAgreed != true {
            throw KioskError(.invalidInput, "error.consent.child", field: "childConsent")
        }
    }
}
