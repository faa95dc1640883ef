import Foundation
import KioskCore

/// Photos of an application's documents, taken at the desk: stored with the core's attachments
/// (0600 files, served only through this resource, erased with the family), read only by the
/// site's reviewers and administrators, and deleted by the round's retention.
enum DocumentPhotos {
    static let table = "scholarships_photo"
    static let types: [FileType] = [.jpeg, .png, .pdf]
    static let maxBytes = 5_000_000

    static let photos = AdminResource(
        name: "photos", title: .key("scholarships.admin.photos"),
        fields: [
            AdminField("application", .key("scholarships.photo.application"), .options(applicationOptions)),
            AdminField("document", .key("scholarships.admin.document"), .text(maxLength: 120)),
            AdminField("photo", .key("scholarships.photo.file"), .file(types: types, maxBytes: maxBytes)),
        ],
        listColumns: [AdminColumn("child", .key("scholarships.admin.child")), AdminColumn("round", .key("scholarships.admin.round")),
                      "document", AdminColumn("added", .key("scholarships.photo.added"))],
        roles: [ScholarshipsModule.reviewer.role], sensitive: true,
        list: { query, context, db in
            let listed = Dictionary(uniqueKeysWithValues: try ApplicationAdmin.applications(of: context.site, db).map { ($0.application.id!, $0) })
            let rows = try Row.fetchAll(db, sql: "SELECT id, applicationId, document, addedAt FROM \(table) ORDER BY id DESC")
            return query.page(try rows.compactMap { row in
                guard let application = listed[row["applicationId"]] else { return nil }
                return AdminRow(id: row["id"], values: ["child": application.child, "round": application.round.titleVi, "document": row["document"],
                                                        "added": try row.optionalTimestamp("addedAt").map(LocalTime.display) ?? ""])
            })
        },
        load: { id, context, db in
            guard let row = try Row.fetchOne(db, sql: "SELECT applicationId, document, attachmentId FROM \(table) WHERE id = ?", arguments: [id]),
                  try ApplicationAdmin.find(row["applicationId"], site: context.site, db) != nil else { return nil }
            return ["application": String(row["applicationId"] as Int64), "document": row["document"], "photo": String(row["attachmentId"] as Int64)]
        },
        save: { id, values, context, db in
            let form = AdminValues(values)
            guard let applicationID = Int64(values["application"] ?? ""),
                  let (application, _, _) = try ApplicationAdmin.find(applicationID, site: context.site, db), let childID = application.childId else {
                throw KioskError(.invalidInput, "error.field.required", field: "application")
            }
            let document = try form.text("document", maxLength: 120)
            guard let file = context.files["photo"], let attachments = context.attachments else {
                throw KioskError(.invalidInput, "error.field.required", field: "photo")
            }
            let stored = try attachments.store(file, childID: childID, moduleID: ScholarshipsModule.id, types: types, maxBytes: maxBytes,
                                               field: "photo", at: context.at, db)
            if let id {
                guard let old = try Int64.fetchOne(db, sql: "SELECT attachmentId FROM \(table) WHERE id = ?", arguments: [id]) else {
                    throw KioskError(.notFound, "error.notFound")
                }
                try attachments.delete(old, db)
                try db.execute(sql: "UPDATE \(table) SET applicationId = ?, document = ?, attachmentId = ? WHERE id = ?",
                               arguments: [applicationID, document, stored.id, id])
                return id
            }
            try db.execute(sql: "INSERT INTO \(table) (applicationId, document, attachmentId, addedAt) VALUES (?, ?, ?, ?)",
                           arguments: [applicationID, document, stored.id, DatabaseTimestamp(context.at)])
            return db.lastInsertedRowID
        })

    /// The site's applications a photo can belong to.
    @Sendable static func applicationOptions(_ site: Site, _ db: Database) throws -> [FieldOption] {
        try ApplicationAdmin.applications(of: site, db).filter { $0.application.childId != nil }.map { row in
            FieldOption(String(row.application.id!), .literal(vi: "\(row.child) · \(row.round.titleVi)"))
        }
    }

    /// Deletes the photos of `applicationIDs` and their files (the retention's).
    static func delete(ofApplications applicationIDs: [Int64], attachments: AttachmentStore?, _ db: Database) throws {
        guard !applicationIDs.isEmpty else { return }
        let marks = applicationIDs.map { _ in "?" }.joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "SELECT id, attachmentId FROM \(table) WHERE applicationId IN (\(marks))", arguments: StatementArguments(applicationIDs))
        for row in rows {
            try attachments?.delete(row["attachmentId"], db)
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [row["id"] as Int64])
        }
    }
}
