import Foundation
import KioskCore
import KioskWeb

/// The families of a scale seed, written as the kiosk registers them: guardians with unique phones
/// and their cards, children with their member cards, consent, the name search index and the audit
/// entry, spread over five years.
struct ScaleFamilies: Sendable {
    struct SeededFamily: Sendable {
        let id: Int64
        let phone: String
        /// The first guardian, who collects the children after class.
        let guardianID: Int64
        /// The family's first child, an index into `children`.
        let firstChild: Int
    }

    struct SeededChild: Sendable {
        let id: Int64
        let family: Int
        let fullName: String
        let birthDate: LocalDate
        let card: String
    }

    var families: [SeededFamily] = []
    var children: [SeededChild] = []
    var guardians = 0

    /// A child's name whose surname is the rarest of the seed.
    var rareName: String {
        let counts = Dictionary(grouping: children, by: { $0.fullName.split(separator: " ")[0] }).mapValues(\.count)
        let rarest = counts.min { ($0.value, $0.key) < ($1.value, $1.key) }!.key
        return children.first { $0.fullName.split(separator: " ")[0] == rarest }!.fullName
    }

    private static let phonePrefixes = ["090", "091", "093", "094", "096", "097", "098", "032", "035", "038"]

    static func insert(_ count: Int, site: Site, now: Date, tickets: TicketIssuer, _ db: Database) throws -> ScaleFamilies {
        var random = ScaleRandom(seed: 19)
        var seeded = ScaleFamilies()
        let today = LocalDate(now)
        let fiveYears = 5 * 365 * 86_400.0
        let family = try db.cachedStatement(sql: "INSERT INTO family (siteId, createdAt) VALUES (?, ?)")
        let guardian = try db.cachedStatement(sql: """
            INSERT INTO guardian (familyId, siteId, fullName, phone, relationship, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let child = try db.cachedStatement(sql: """
            INSERT INTO child (familyId, siteId, fullName, birthDate, school, grade, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let consent = try db.cachedStatement(sql: """
            INSERT INTO consent (childId, guardianId, givenBy, textVersion, kiosk, givenAt) VALUES (?, ?, ?, ?, 'kiosk-1', ?)
            """)
        let audit = try db.cachedStatement(sql: """
            INSERT INTO auditEntry (at, siteId, actor, action, target, detail) VALUES (?, ?, 'kiosk:kiosk-1', 'family.register', ?, '')
            """)
        for index in 0..<count {
            let created = DatabaseTimestamp(now.addingTimeInterval(-fiveYears * Double(count - index) / Double(count)))
            try family.execute(arguments: [site.id, created])
            let familyID = db.lastInsertedRowID
            let fatherSurname = ScaleNames.surnames.draw(&random), motherSurname = ScaleNames.surnames.draw(&random)
            let first = ["mother", "mother", "mother", "father", "father", "grandparent"].randomElement(using: &random)!
            let adults = random.chance(0.4) && first != "grandparent" ? [first, first == "mother" ? "father" : "mother"] : [first]
            var guardianIDs: [Int64] = []
            for (number, relationship) in adults.enumerated() {
                let name = switch relationship {
                case "mother": ScaleNames.name(surname: motherSurname, boy: false, &random)
                case "father": ScaleNames.name(surname: fatherSurname, boy: true, &random)
                default: ScaleNames.name(surname: ScaleNames.surnames.draw(&random), boy: random.chance(0.5), &random)
                }
                // Unique at every size: the prefix and the number together give back the family and the adult.
                let phone = phonePrefixes[index % 10] + (index / 10 * 2 + number).zeroPadded(7)
                try guardian.execute(arguments: [familyID, site.id, name, phone, relationship, created])
                let guardianID = db.lastInsertedRowID
                try NameIndex.guardians.add(name, id: guardianID, db)
                _ = try tickets.issue(.guardianCard, site: site, subjectID: guardianID, childId: nil, guardianId: guardianID, db)
                guardianIDs.append(guardianID)
            }
            seeded.guardians += guardianIDs.count
            let childCount = random.chance(0.45) ? 1 : random.chance(0.82) ? 2 : 3
            seeded.families.append(SeededFamily(id: familyID, phone: phonePrefixes[index % 10] + (index / 10 * 2).zeroPadded(7),
                                                guardianID: guardianIDs[0], firstChild: seeded.children.count))
            for _ in 0..<childCount {
                let name = ScaleNames.name(surname: fatherSurname, boy: random.chance(0.5), &random)
                let birthDate = today.adding(days: -(3 * 365 + Int.random(in: 0..<(12 * 365), using: &random)))
                let age = birthDate.age(on: today)
                let grade = age < 6 ? "mn" : String(min(12, age - 5))
                try child.execute(arguments: [familyID, site.id, name, birthDate, DemoData.schools.randomElement(using: &random)!, grade, created])
                let childID = db.lastInsertedRowID
                try NameIndex.children.add(name, id: childID, db)
                try consent.execute(arguments: [childID, guardianIDs[0], "guardian", ConsentInput.guardianText, created])
                if age >= ConsentInput.childAskedFromAge {
                    try consent.execute(arguments: [childID, guardianIDs[0], "child", ConsentInput.childText, created])
                }
                let card = try tickets.issue(.memberCard, site: site, subjectID: childID, childId: childID, db)
                seeded.children.append(SeededChild(id: childID, family: index, fullName: name, birthDate: birthDate, card: card.description))
            }
            try audit.execute(arguments: [created, site.id, "family#\(familyID)"])
        }
        return seeded
    }
}
