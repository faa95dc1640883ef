import Foundation

/// A kiosk screen of a site and what it shows: a name (the kiosk opens `/kiosk/<site>/at/<name>`,
/// or the framebuffer is started with it), a label, and the modules whose tiles it shows (a
/// library-only kiosk beside the shelves). The family tiles of the core are on every kiosk.
public struct KioskProfile: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    public var siteId: Int64
    /// Lower-case letters, digits and dashes (`thu-vien`).
    public var name: String
    public var label: String
    /// The ids of the modules shown, one per line.
    public var modules: String

    public init(id: Int64? = nil, siteId: Int64, name: String, label: String, modules: [ModuleID]) {
        self.id = id
        self.siteId = siteId
        self.name = name
        self.label = label
        self.modules = modules.map(\.rawValue).joined(separator: "\n")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The modules whose tiles and flows this kiosk offers.
    public var moduleIDs: Set<ModuleID> {
        Set(modules.split(separator: "\n").map { ModuleID(rawValue: String($0)) })
    }

    /// Whether `name` may name a kiosk: 1 to 40 lower-case letters, digits and dashes.
    public static func isValidName(_ name: String) -> Bool {
        (1...40).contains(name.utf8.count) && name.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
        }
    }
}

extension AppDatabase {
    /// The site's kiosk profiles, by name.
    public func kioskProfiles(siteID: Int64) async throws -> [KioskProfile] {
        try await read { db in try KioskProfile.filter(Column("siteId") == siteID).order(Column("name")).fetchAll(db) }
    }

    /// The profile of the site named `name`, if there is one.
    public func kioskProfile(siteID: Int64, name: String) async throws -> KioskProfile? {
        guard KioskProfile.isValidName(name) else { return nil }
        return try await read { db in try KioskProfile.filter(Column("siteId") == siteID && Column("name") == name).fetchOne(db) }
    }

    /// Creates or changes (same name) a kiosk profile, audited.
    /// - Parameter modules: the modules it shows, among `known`.
    public func saveKioskProfile(siteID: Int64, name: String, label: String, modules: [ModuleID], known: [ModuleID], actor: String,
                                 at now: Date) async throws -> KioskProfile {
        let name = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard KioskProfile.isValidName(name) else { throw KioskError(.invalidInput, "error.kiosk.name", field: "name") }
        let label = try TextInput.clean(label, field: "label", maxLength: 80)
        let shown = known.filter(modules.contains)
        return try await write { db in
            var profile = try KioskProfile.filter(Column("siteId") == siteID && Column("name") == name).fetchOne(db)
                ?? KioskProfile(siteId: siteID, name: name, label: label, modules: shown)
            profile.label = label
            profile.modules = shown.map(\.rawValue).joined(separator: "\n")
            try profile.save(db)
            try AuditEntry(at: now, siteId: siteID, actor: actor, action: "site.kiosk", target: "kiosk:\(name)",
                           detail: shown.map(\.rawValue).joined(separator: ",")).insert(db)
            return profile
        }
    }
}
