import Foundation

extension AppDatabase {
    /// Registers a new family: guardian, first child, consent, and their cards, in one transaction.
    /// A phone already registered at the site is refused (the family identifies instead).
    /// - Returns: the new family's and child's ids.
    public func registerFamily(site: Site, guardian: GuardianInput, child: ChildInput, consent: ConsentInput,
                               tickets: TicketIssuer, at now: Date) async throws -> (familyID: Int64, childID: Int64) {
        try consent.check(childAge: child.birthDate.age(on: LocalDate(now)))
        return try await write { db in
            var family = Family(siteId: site.id!, createdAt: now)
            try family.insert(db)
            let guardianID = try Self.insertGuardian(guardian, family: family.id!, site: site, tickets: tickets, at: now, db)
            let childID = try Self.insertChild(child, family: family.id!, guardian: guardianID, consent: consent,
                                               site: site, tickets: tickets, at: now, db)
            try AuditEntry(at: now, siteId: site.id, actor: "kiosk:\(consent.kiosk)", action: "family.register",
                           target: "family#\(family.id!)").insert(db)
            return (family.id!, childID)
        }
    }

    /// Adds a child to an identified family, with consent.
    public func addChild(familyID: Int64, site: Site, child: ChildInput, consent: ConsentInput,
                         tickets: TicketIssuer, at now: Date) async throws -> Int64 {
        try consent.check(childAge: child.birthDate.age(on: LocalDate(now)))
        return try await write { db in
            guard let guardian = try Guardian.filter(Guardian.Columns.familyId == familyID).order(Column("id")).fetchOne(db) else {
                throw KioskError(.notFound, "error.family.notIdentified")
            }
            let duplicate = try Child.filter(Child.Columns.familyId == familyID && Child.Columns.birthDate == child.birthDate
                                             && Child.Columns.fullName == child.fullName).fetchOne(db)
            if let duplicate { return duplicate.id! }
            let childID = try Self.insertChild(child, family: familyID, guardian: guardian.id!, consent: consent,
                                               site: site, tickets: tickets, at: now, db)
            try AuditEntry(at: now, siteId: site.id, actor: "kiosk:\(consent.kiosk)", action: "child.add",
                           target: "child#\(childID)").insert(db)
            return childID
        }
    }

    /// Adds another adult to an identified family (a parent, a grandparent who collects the children),
    /// with their own guardian card. A phone already registered at the site is refused.
    /// - Returns: the new guardian's id.
    public func addGuardian(familyID: Int64, site: Site, guardian: GuardianInput, kiosk: String, tickets: TicketIssuer,
                            at now: Date) async throws -> Int64 {
        try await write { db in
            guard try Family.fetchOne(db, key: familyID)?.siteId == site.id else { throw KioskError(.notFound, "error.family.notIdentified") }
            let guardianID = try Self.insertGuardian(guardian, family: familyID, site: site, tickets: tickets, at: now, db)
            try AuditEntry(at: now, siteId: site.id, actor: "kiosk:\(kiosk)", action: "guardian.add", target: "guardian#\(guardianID)").insert(db)
            return guardianID
        }
    }

    private static func insertGuardian(_ input: GuardianInput, family: Int64, site: Site, tickets: TicketIssuer, at now: Date,
                                       _ db: Database) throws -> Int64 {
        guard try Guardian.filter(Guardian.Columns.siteId == site.id! && Guardian.Columns.phone == input.phone.digits).fetchCount(db) == 0 else {
            throw KioskError(.conflict, "error.phone.registered", field: "phone")
        }
        var guardian = Guardian(familyId: family, siteId: site.id!, fullName: input.fullName, phone: input.phone.digits,
                                relationship: input.relationship, createdAt: now)
        try guardian.insert(db)
        try NameIndex.guardians.add(input.fullName, id: guardian.id!, db)
        _ = try tickets.issue(.guardianCard, site: site, subjectID: guardian.id!, childId: nil, guardianId: guardian.id, db)
        return guardian.id!
    }

    private static func insertChild(_ input: ChildInput, family: Int64, guardian: Int64, consent: ConsentInput,
                                    site: Site, tickets: TicketIssuer, at now: Date, _ db: Database) throws -> Int64 {
        var child = Child(familyId: family, siteId: site.id!, fullName: input.fullName, birthDate: input.birthDate,
                          school: input.school, grade: input.grade, createdAt: now)
        try child.insert(db)
        let childID = child.id!
        try NameIndex.children.add(input.fullName, id: childID, db)
        var guardianConsent = Consent(childId: childID, guardianId: guardian, givenBy: "guardian",
                                      textVersion: ConsentInput.guardianText, kiosk: consent.kiosk, givenAt: now)
        try guardianConsent.insert(db)
        if consent.childAgreed == true {
            var childConsent = Consent(childId: childID, guardianId: guardian, givenBy: "child",
                                       textVersion: ConsentInput.childText, kiosk: consent.kiosk, givenAt: now)
            try childConsent.insert(db)
        }
        _ = try tickets.issue(.memberCard, site: site, subjectID: childID, childId: childID, db)
        return childID
    }

    /// The child or guardian whose card this is, with their family, if the card is genuine and live.
    /// - Parameter kinds: the cards that count (a child's member card and a guardian's card).
    public func identifyFamily(site: Site, card raw: String, signer: TicketSigner,
                               kinds: [TicketKind] = [.memberCard, .guardianCard]) async throws -> CardHolder? {
        guard let token = try? TicketToken.parse(ScannerInput.clean(raw)), token.siteCode == site.code,
              kinds.contains(where: { $0.code == token.kind }), try signer.verify(token) else { return nil }
        return try await read { db in
            guard let ticket = try TicketRecord.fetchOne(db, key: token.id), ticket.revokedAt == nil,
                  ticket.siteId == site.id, ticket.kind == token.kind else { return nil }
            if let childId = ticket.childId {
                return try Child.fetchOne(db, key: childId).map { CardHolder(familyID: $0.familyId, childID: childId) }
            }
            if let guardianId = ticket.guardianId {
                return try Guardian.fetchOne(db, key: guardianId).map { CardHolder(familyID: $0.familyId, childID: nil) }
            }
            return nil
        }
    }

    /// The family with its guardians, children and cards.
    public func familyOverview(familyID: Int64, site: Site, tickets: TicketIssuer) async throws -> FamilyOverview {
        try await read { db in
            guard let family = try Family.fetchOne(db, key: familyID), family.siteId == site.id else {
                throw KioskError(.notFound, "error.family.notFound")
            }
            let guardians = try FamilyDirectory.guardians(ofFamily: familyID, db)
            let children = try FamilyDirectory.children(ofFamily: familyID, db)
            return FamilyOverview(
                family: family,
                guardians: try guardians.map { .init(person: $0, card: try tickets.existing(.guardianCard, subjectID: $0.id!, site: site, db)?.description) },
                children: try children.map { .init(person: $0, card: try tickets.existing(.memberCard, subjectID: $0.id!, site: site, db)?.description) }
            )
        }
    }

    /// Children at a site whose names match `query`, ignoring case and tone marks (`dang thi anh`
    /// finds `Đặng Thị Ánh`), each word the beginning of a word of the name; sorted by name, at most
    /// `limit`, and whether more match.
    public func searchChildren(siteID: Int64, query: String, limit: Int = 50) async throws -> (found: [Child], more: Bool) {
        guard let query = NameQuery(query) else { return ([], false) }
        return try await read { db in
            let (ids, more) = try NameIndex.children.matches(query, siteID: siteID, limit: limit, db)
            return (VietnameseFolding.sortedByName(try Child.fetchAll(db, keys: ids), \.fullName), more)
        }
    }

    /// Guardians at a site whose names match `query` the same way.
    public func searchGuardians(siteID: Int64, query: String, limit: Int = 50) async throws -> (found: [Guardian], more: Bool) {
        guard let query = NameQuery(query) else { return ([], false) }
        return try await read { db in
            let (ids, more) = try NameIndex.guardians.matches(query, siteID: siteID, limit: limit, db)
            return (VietnameseFolding.sortedByName(try Guardian.fetchAll(db, keys: ids), \.fullName), more)
        }
    }
}

/// Whose card was scanned: the family, and the child when it is a child's member card.
public struct CardHolder: Sendable, Hashable {
    public let familyID: Int64
    public let childID: Int64?
}
