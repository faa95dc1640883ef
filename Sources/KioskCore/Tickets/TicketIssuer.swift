import Foundation

/// Mints tickets: stores the ticket's row and returns its signed token, inside the caller's
/// transaction so that the ticket exists exactly when what it stands for does.
public struct TicketIssuer: Sendable {
    let signer: TicketSigner
    let clock: KioskClock

    public init(signer: TicketSigner, clock: KioskClock) {
        self.signer = signer
        self.clock = clock
    }

    /// Mints a ticket.
    /// - Parameters:
    ///   - kind: the ticket kind.
    ///   - site: the site whose key signs it.
    ///   - subjectID: what the ticket stands for in its module.
    ///   - childId: the child it belongs to, so that erasing the child removes it.
    ///   - guardianId: the guardian it belongs to.
    public func issue(_ kind: TicketKind, site: Site, subjectID: Int64, childId: Int64?, guardianId: Int64? = nil,
                      _ db: Database) throws -> TicketToken {
        let record = TicketRecord(id: TicketSigner.newTicketID(), siteId: site.id!, kind: kind.code,
                                  moduleID: kind.moduleID.rawValue, subjectID: subjectID, childId: childId,
                                  guardianId: guardianId, issuedAt: clock.now)
        try record.insert(db)
        return try signer.token(siteCode: site.code, kind: kind.code, id: record.id)
    }

    /// The token of a stored ticket.
    public func token(for record: TicketRecord, site: Site) throws -> TicketToken {
        try signer.token(siteCode: site.code, kind: record.kind, id: record.id)
    }

    /// The live (not revoked) ticket of `kind` for `subjectID`, if one was issued.
    public func existing(_ kind: TicketKind, subjectID: Int64, site: Site, _ db: Database) throws -> TicketToken? {
        let record = try TicketRecord
            .filter(TicketRecord.Columns.kind == kind.code && TicketRecord.Columns.subjectID == subjectID
                    && TicketRecord.Columns.siteId == site.id! && TicketRecord.Columns.revokedAt == nil)
            .fetchOne(db)
        return try record.map { try token(for: $0, site: site) }
    }

    /// Revokes every live ticket of `kind` for `subjectID`: they then scan as revoked.
    public func revoke(_ kind: TicketKind, subjectID: Int64, _ db: Database) throws {
        try TicketRecord
            .filter(TicketRecord.Columns.kind == kind.code && TicketRecord.Columns.subjectID == subjectID
                    && TicketRecord.Columns.revokedAt == nil)
            .updateAll(db, TicketRecord.Columns.revokedAt.set(to: DatabaseTimestamp(clock.now)))
    }
}
