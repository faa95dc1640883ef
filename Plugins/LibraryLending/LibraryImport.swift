import Foundation
import KioskCore

/// The catalogue brought as a CSV file from Excel: one line per copy, its title's columns repeated.
/// A title is found again by its ISBN (or its title and author), a copy by its barcode, so
/// importing the same file twice adds nothing.
enum LibraryImport {
    static let importer = AdminImport(
        columns: ["title", "author", "publisher", "year", "isbn", "category", "minAge", "maxAge", "shelfMark", "barcode", "shelf"],
        check: { rows, context, db in
            var seen: [String: Int] = [:]
            return try rows.enumerated().map { index, row in
                do {
                    let title = try BookTitle(row, siteID: context.site.id!)
                    let barcode = try BookCopy.barcode(row["barcode"])
                    _ = try AdminValues(row).text("shelf", maxLength: 40, required: false)
                    if seen.updateValue(index, forKey: barcode) != nil {
                        throw KioskError(.invalidInput, "library.import.barcodeTwice", barcode)
                    }
                    if let copy = try BookCopy.find(barcode: barcode, siteID: context.site.id!, db), try Self.existing(title, db)?.id != copy.titleId {
                        throw KioskError(.conflict, "library.import.barcodeOfAnother", barcode)
                    }
                    return nil
                } catch let error as KioskError {
                    return error
                }
            }
        },
        apply: { rows, context, db in
            var added = 0
            for row in rows {
                var title = try BookTitle(row, siteID: context.site.id!)
                if let existing = try Self.existing(title, db) {
                    title = existing
                } else {
                    try title.insert(db)
                }
                let barcode = try BookCopy.barcode(row["barcode"])
                guard try BookCopy.find(barcode: barcode, siteID: context.site.id!, db) == nil else { continue }
                var copy = BookCopy(titleId: title.id!, siteId: context.site.id!, barcode: barcode,
                                    shelf: try AdminValues(row).text("shelf", maxLength: 40, required: false), status: .shelf,
                                    addedOn: LocalDate(context.at))
                try copy.insert(db)
                added += 1
            }
            return added
        })

    /// The site's title that `title` names: the same ISBN, or without one the same title and author.
    static func existing(_ title: BookTitle, _ db: Database) throws -> BookTitle? {
        let site = BookTitle.filter(BookTitle.Columns.siteId == title.siteId)
        if !title.isbn.isEmpty { return try site.filter(Column("isbn") == title.isbn).fetchOne(db) }
        return try site.filter(BookTitle.Columns.title == title.title && Column("author") == title.author && Column("isbn") == "").fetchOne(db)
    }
}
