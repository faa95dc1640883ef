import Foundation

/// A stored file about a child (a photo of a document brought for a scholarship), kept under the
/// state directory with mode 0600, readable only through the module resource that stored it.
public struct Attachment: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, KioskRecord {
    public var id: Int64?
    /// The child it is about: erasing the child erases it.
    public var childId: Int64
    /// The module that stored it.
    public var moduleID: String
    public var filename: String
    public var type: FileType
    public var size: Int
    /// The file's name in the attachments folder: random, never from the sender.
    var storedName: String
    public var createdAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Files about children, in `<state>/attachments`: written before the row that names them, read
/// through their row, removed with the child (`AppDatabase.eraseFamily`) or by a module's retention.
/// A file whose row never committed is removed by `sweep`.
public struct AttachmentStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Stores `file` about a child for a module, inside the caller's write transaction.
    /// - Throws: `KioskError` when the file is larger than `maxBytes` or not one of `types`.
    public func store(_ file: UploadedFile, childID: Int64, moduleID: ModuleID, types: [FileType], maxBytes: Int, field: String,
                      at now: Date, _ db: Database) throws -> Attachment {
        guard file.bytes.count <= maxBytes else {
            throw KioskError(.invalidInput, "error.file.tooLarge", String(maxBytes / 1_000_000), field: field)
        }
        guard let type = file.type, types.contains(type) else {
            throw KioskError(.invalidInput, "error.file.type", types.map(\.rawValue).joined(separator: ", "), field: field)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let storedName = RandomHex.make(bits: 128)
        let path = directory.appendingPathComponent(storedName).path
        guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes), attributes: [.posixPermissions: 0o600]) else {
            throw KioskError(.unavailable, "error.disk.cannotWrite")
        }
        let name = String(file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "file").prefix(120)
        var attachment = Attachment(childId: childID, moduleID: moduleID.rawValue, filename: (try? TextInput.clean(String(name), field: field)) ?? "file",
                                    type: type, size: file.bytes.count, storedName: storedName, createdAt: now)
        try attachment.insert(db)
        return attachment
    }

    /// The attachment's row and bytes, if the module stored it.
    public func read(_ id: Int64, moduleID: ModuleID, _ db: Database) throws -> (Attachment, [UInt8])? {
        guard let attachment = try Attachment.fetchOne(db, key: id), attachment.moduleID == moduleID.rawValue,
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent(attachment.storedName).path) else { return nil }
        return (attachment, Array(data))
    }

    /// Deletes an attachment's row now and its file once the transaction commits.
    public func delete(_ id: Int64, _ db: Database) throws {
        guard let attachment = try Attachment.fetchOne(db, key: id) else { return }
        _ = try attachment.delete(db)
        let path = directory.appendingPathComponent(attachment.storedName).path
        db.afterNextTransaction(onCommit: { _ in try? FileManager.default.removeItem(atPath: path) })
    }

    /// Removes the files of the children's attachments once the transaction that deletes the
    /// children (and, by cascade, the rows) commits.
    func removeFiles(ofChildren childIDs: [Int64], _ db: Database) throws {
        guard !childIDs.isEmpty else { return }
        let names = try String.fetchAll(db, sql: "SELECT storedName FROM attachment WHERE childId IN (\(childIDs.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments(childIDs))
        guard !names.isEmpty else { return }
        let directory = self.directory
        db.afterNextTransaction(onCommit: { _ in
            for name in names { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        })
    }

    /// Removes files no row names: written for a save that then failed, or left by a crash.
    public func sweep(_ database: AppDatabase) async throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        let named = Set(try await database.read { db in try String.fetchAll(db, sql: "SELECT storedName FROM attachment") })
        for name in names where !named.contains(name) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
