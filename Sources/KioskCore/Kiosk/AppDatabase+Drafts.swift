import Foundation

/// What a family typed into a long flow, kept in the database while they walk through it, so that
/// a restart of the service loses nothing: once the family is identified again the flow opens
/// where they were. A draft expires (`KioskEngine.draftLifetime`) and goes with the family's erasure.
struct KioskDraft: Codable, FetchableRecord, PersistableRecord, KioskRecord {
    var familyId: Int64
    var flow: String
    var state: Data
    var screen: Data
    var expiresAt: Date
}

extension AppDatabase {
    /// Keeps the flow's state and screen for the family until `expiresAt`; expired drafts of every
    /// family are dropped on the way.
    func saveDraft(familyID: Int64, flow: FlowRef, state: FlowState, screen: KioskScreen, at now: Date, expiresAt: Date) async throws {
        let encoder = JSONEncoder()
        let draft = KioskDraft(familyId: familyID, flow: flow.description, state: try encoder.encode(state), screen: try encoder.encode(screen),
                               expiresAt: expiresAt)
        try await write { db in
            try KioskDraft.filter(Column("expiresAt") < DatabaseTimestamp(now)).deleteAll(db)
            try draft.save(db)
        }
    }

    /// The family's live draft of the flow, if it has one.
    func draft(familyID: Int64, flow: FlowRef, at now: Date) async throws -> (state: FlowState, screen: KioskScreen)? {
        guard let draft = try await read({ db in
            try KioskDraft.filter(Column("familyId") == familyID && Column("flow") == flow.description
                                  && Column("expiresAt") >= DatabaseTimestamp(now)).fetchOne(db)
        }) else { return nil }
        let decoder = JSONDecoder()
        return (try decoder.decode(FlowState.self, from: draft.state), try decoder.decode(KioskScreen.self, from: draft.screen))
    }

    /// Forgets the family's draft of the flow (the flow is done, or started over).
    func deleteDraft(familyID: Int64, flow: FlowRef) async throws {
        try await write { db in
            _ = try KioskDraft.filter(Column("familyId") == familyID && Column("flow") == flow.description).deleteAll(db)
        }
    }
}
