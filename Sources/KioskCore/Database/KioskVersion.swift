/// This program's version, stamped into the database it migrates, so that an older program
/// refusing a newer database can say which version wrote it.
public enum KioskVersion {
    public static let current = "0.15.0"
}

/// The database was written by a newer program: it has migrations this one does not know.
/// Nothing is opened, and nothing written.
public struct NewerDatabaseError: Error, CustomStringConvertible {
    public let path: String
    /// The version that last migrated the database, if it said.
    public let writtenBy: String?
    /// The migrations this program does not know.
    public let unknownMigrations: [String]

    public var description: String {
        "the database \(path) was written by kiosk \(writtenBy ?? "(a newer version)"), which this kiosk \(KioskVersion.current) "
            + "cannot run: it has \(unknownMigrations.count) migration(s) unknown here (\(unknownMigrations.joined(separator: ", "))); "
            + "install kiosk \(writtenBy ?? "of that version") or newer"
    }
}
