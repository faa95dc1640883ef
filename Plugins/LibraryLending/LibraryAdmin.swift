import Foundation
import KioskCore

/// The librarian's pages: the catalogue's titles, their copies, and the loans (overdue first to
/// call about), open to the site's librarians and administrators; loans are sensitive (what a
/// child reads is theirs), so every read of them is audited.
enum LibraryAdmin {
    private static let categoryOptions = BookTitle.categories.map { FieldOption($0, .key("library.category.\($0)")) }

    static let titles = AdminResource(
        name: "titles", title: .key("library.admin.titles"),
        fields: [
            AdminField("title", .key("library.field.title"), .text(maxLength: 200)),
            AdminField("author", .key("library.field.author"), .text(maxLength: 120), required: false),
            AdminField("publisher", .key("library.field.publisher"), .text(maxLength: 120), required: false),
            AdminField("year", .key("library.field.year"), .integer(1900...2100), required: false),
            AdminField("isbn", .key("library.field.isbn"), .text(maxLength: 20), required: false),
            AdminField("category", .key("library.field.category"), .select(categoryOptions)),
            AdminField("minAge", .key("library.field.minAge"), .integer(0...18)),
            AdminField("maxAge", .key("library.field.maxAge"), .integer(0...18)),
            AdminField("shelfMark", .key("library.field.shelfMark"), .text(maxLength: 40), required: false),
        ],
        listColumns: [AdminColumn("id", .key("library.admin.titleNumber")), "title", "author", "category",
                      AdminColumn("copies", .key("library.admin.copies"))],
        filters: [AdminFilter("category", .key("library.field.category"), options: categoryOptions)],
        roles: [LibraryLendingModule.librarian.role],
        list: listTitles, load: loadTitle, save: saveTitle, importer: LibraryImport.importer)

    static func listTitles(_ query: AdminListQuery, _ context: AdminReadContext, _ db: Database) throws -> AdminList {
        var titles = BookTitle.filter(BookTitle.Columns.siteId == context.site.id!)
        if let category = query.filter("category") { titles = titles.filter(BookTitle.Columns.category == category) }
        let page = query.page(titles.order(BookTitle.Columns.title))
        return AdminList(rows: try page.fetchAll(db).map { title in
            AdminRow(id: title.id!, values: [
                "id": String(title.id!), "title": title.title, "author": title.author, "category": title.category,
                "copies": String(try BookCopy.filter(BookCopy.Columns.titleId == title.id!).fetchCount(db)),
            ])
        }, total: try titles.fetchCount(db))
    }

    static func loadTitle(_ id: Int64, _ context: AdminReadContext, _ db: Database) throws -> [String: String]? {
        guard let title = try BookTitle.fetchOne(db, key: id), title.siteId == context.site.id else { return nil }
        return ["title": title.title, "author": title.author, "publisher": title.publisher, "year": title.year.map(String.init) ?? "",
                "isbn": title.isbn, "category": title.category, "minAge": String(title.minAge), "maxAge": String(title.maxAge),
                "shelfMark": title.shelfMark]
    }

    static func saveTitle(_ id: Int64?, _ values: [String: String], _ context: AdminActionContext, _ db: Database) throws -> Int64 {
        var title = try BookTitle(values, siteID: context.site.id!)
        title.id = id
        if let id {
            guard try BookTitle.fetchOne(db, key: id)?.siteId == context.site.id else { throw KioskError(.notFound, "error.notFound") }
            try title.update(db)
        } else {
            try title.insert(db)
        }
        return title.id!
    }

    private static let statusOptions = BookCopy.Status.allCases.map { FieldOption($0.rawValue, .key("library.status.\($0.rawValue)")) }

    static let copies = AdminResource(
        name: "copies", title: .key("library.admin.copies"),
        fields: [
            AdminField("titleId", .key("library.field.titleNumber"), .integer(1...Int(Int32.max))),
            AdminField("barcode", .key("library.field.barcodeOrOurs"), .text(maxLength: 40), required: false),
            AdminField("shelf", .key("library.field.shelf"), .text(maxLength: 40), required: false),
            AdminField("status", .key("library.field.status"), .select(statusOptions)),
        ],
        listColumns: ["barcode", AdminColumn("title", .key("library.field.title")), "shelf", "status"],
        filters: [AdminFilter("status", .key("library.field.status"), options: statusOptions),
                  AdminFilter("label", .key("library.admin.label"), options: [FieldOption("ours", .key("library.admin.ourLabels"))]),
                  AdminFilter("added", .key("library.admin.added"), options: [FieldOption("today", .key("library.admin.addedToday"))])],
        roles: [LibraryLendingModule.librarian.role],
        list: listCopies, load: loadCopy, save: saveCopy, labels: copyLabels)

    /// The site's copies as the list's filters narrow them.
    private static func copies(_ query: AdminListQuery, _ context: AdminReadContext) -> QueryInterfaceRequest<BookCopy> {
        var copies = BookCopy.filter(BookCopy.Columns.siteId == context.site.id!)
        if let status = query.filter("status") { copies = copies.filter(Column("status") == status) }
        if query.filter("label") == "ours" { copies = copies.filter(BookCopy.Columns.barcode.like("\(BookCopy.ownLabelPrefix)%")) }
        if query.filter("added") == "today" { copies = copies.filter(Column("addedOn") == context.today) }
        return copies.order(BookCopy.Columns.barcode)
    }

    private static func titles(of copies: [BookCopy], _ db: Database) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try BookTitle.fetchAll(db, keys: Set(copies.map(\.titleId))).map { ($0.id!, $0.title) })
    }

    static func listCopies(_ query: AdminListQuery, _ context: AdminReadContext, _ db: Database) throws -> AdminList {
        let copies = copies(query, context)
        let shown = try query.page(copies).fetchAll(db)
        let titles = try titles(of: shown, db)
        return AdminList(rows: shown.map { copy in
            AdminRow(id: copy.id!, values: ["barcode": copy.barcode, "title": titles[copy.titleId] ?? "", "shelf": copy.shelf,
                                            "status": copy.status.rawValue])
        }, total: try copies.fetchCount(db))
    }

    /// A label for each copy of the list (our own labels added today, say): its code, title and shelf.
    static func copyLabels(_ query: AdminListQuery, _ context: AdminReadContext, _ db: Database) throws -> [PrintedLabel] {
        let copies = try copies(query, context).fetchAll(db)
        let titles = try titles(of: copies, db)
        return copies.map { copy in
            let title = titles[copy.titleId] ?? ""
            return PrintedLabel(code: copy.barcode, lines: [title.count > 40 ? title.prefix(39) + "…" : title, copy.shelf].filter { !$0.isEmpty })
        }
    }

    static func loadCopy(_ id: Int64, _ context: AdminReadContext, _ db: Database) throws -> [String: String]? {
        guard let copy = try BookCopy.fetchOne(db, key: id), copy.siteId == context.site.id else { return nil }
        return ["titleId": String(copy.titleId), "barcode": copy.barcode, "shelf": copy.shelf, "status": copy.status.rawValue]
    }

    /// A copy of a title of the site, with a barcode no other copy of the site has. A copy on loan
    /// or on the hold shelf keeps that status until it is returned or collected, unless it is
    /// written off (lost, damaged, withdrawn), which ends its loan or passes its hold on.
    static func saveCopy(_ id: Int64?, _ values: [String: String], _ context: AdminActionContext, _ db: Database) throws -> Int64 {
        let form = AdminValues(values)
        let titleID = Int64(try form.integer("titleId", 1...Int(Int32.max)))
        guard try BookTitle.fetchOne(db, key: titleID)?.siteId == context.site.id else {
            throw KioskError(.invalidInput, "library.field.titleUnknown", field: "titleId")
        }
        let typed = (values["barcode"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // A copy that came without a label gets one of ours, printed from the list.
        let barcode = typed.isEmpty ? try BookCopy.nextOwnLabel(siteID: context.site.id!, db) : try BookCopy.barcode(typed)
        guard var status = BookCopy.Status(rawValue: values["status"] ?? "") else {
            throw KioskError(.invalidInput, "error.field.required", field: "status")
        }
        let writtenOff: Set<BookCopy.Status> = [.lost, .damaged, .withdrawn]
        var writeOff = false
        var addedOn: LocalDate? = LocalDate(context.at)
        if let id {
            guard let existing = try BookCopy.fetchOne(db, key: id), existing.siteId == context.site.id else { throw KioskError(.notFound, "error.notFound") }
            addedOn = existing.addedOn
            if [.loan, .hold].contains(existing.status) {
                writeOff = writtenOff.contains(status)
                if !writeOff { status = existing.status }
            }
        } else if status == .loan || status == .hold {
            status = .shelf  // a copy is on loan or held only through a loan or a hold
        }
        var copy = BookCopy(id: id, titleId: titleID, siteId: context.site.id!, barcode: barcode,
                            shelf: try form.text("shelf", maxLength: 40, required: false), status: status,
                            addedOn: addedOn)
        do {
            if id == nil { try copy.insert(db) } else { try copy.update(db) }
        } catch DatabaseError.SQLITE_CONSTRAINT_UNIQUE {
            throw KioskError(.conflict, "library.field.barcodeTaken", field: "barcode")
        }
        if writeOff { try Lending.writeOff(&copy, as: status, at: context.at, db) }
        return copy.id!
    }

    static let loans = AdminResource(
        name: "loans", title: .key("library.admin.loans"), fields: [],
        listColumns: [AdminColumn("child", .key("library.admin.child")), AdminColumn("title", .key("library.field.title")),
                      AdminColumn("due", .key("library.admin.due")), AdminColumn("late", .key("library.admin.daysLate")),
                      AdminColumn("phone", .key("library.admin.phone"))],
        filters: [AdminFilter("overdue", .key("library.admin.overdue"), options: [FieldOption("yes", .key("library.admin.overdueOnly"))])],
        roles: [LibraryLendingModule.librarian.role], sensitive: true,
        list: listLoans, load: { _, _, _ in nil }, save: nil)

    /// The open loans of the site, the longest overdue first, with the guardian's phone to call. Read
    /// from the open loans by due date (`CROSS JOIN` keeps them the outer loop), whatever the years
    /// of returned loans and the size of the catalogue.
    static func listLoans(_ query: AdminListQuery, _ context: AdminReadContext, _ db: Database) throws -> AdminList {
        var condition = "c.siteId = ? AND l.returnedAt IS NULL"
        var arguments: StatementArguments = [context.site.id!]
        if query.filter("overdue") == "yes" {
            condition += " AND l.dueOn < ?"
            arguments += [context.today]
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.id, l.childId, l.dueOn, t.title FROM library_loan l CROSS JOIN library_copy c ON c.id = l.copyId
            JOIN library_title t ON t.id = c.titleId WHERE \(condition) ORDER BY l.dueOn, l.id LIMIT ? OFFSET ?
            """, arguments: arguments + [query.limit ?? -1, query.offset])
        let total = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM library_loan l CROSS JOIN library_copy c ON c.id = l.copyId WHERE \(condition)
            """, arguments: arguments) ?? 0
        let children = try FamilyDirectory.children(rows.map { $0["childId"] as Int64 }, db)
        let guardians = try FamilyDirectory.firstGuardians(ofFamilies: children.values.map(\.familyId), db)
        return AdminList(rows: rows.map { row in
            let child = children[row["childId"]]
            let due = LocalDate(iso: row["dueOn"]) ?? context.today
            return AdminRow(id: row["id"], values: [
                "child": child?.fullName ?? "", "title": row["title"], "due": due.display,
                "late": String(max(0, context.today.daysSince1970 - due.daysSince1970)),
                "phone": child.flatMap { guardians[$0.familyId]?.phone } ?? "",
            ])
        }, total: total)
    }
}
