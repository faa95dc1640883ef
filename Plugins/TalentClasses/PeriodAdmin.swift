import Foundation
import KioskCore

/// The administrators' page of periods: "Hè 2027", "Đợt 01 · 2027" (January–May) …
enum PeriodAdmin {
    static let resource = AdminResource(
        name: "periods", title: .key("classes.admin.periods"),
        fields: [
            AdminField("name", .key("classes.field.periodName"), .text(maxLength: 80)),
            AdminField("startsOn", .key("classes.field.startsOn"), .date),
            AdminField("endsOn", .key("classes.field.endsOn"), .date),
        ],
        listColumns: ["name", "startsOn", "endsOn", AdminColumn("classes", .key("classes.admin.classCount"))],
        list: list, load: load, save: save)

    static func list(_ query: AdminListQuery, _ context: AdminReadContext, _ db: Database) throws -> AdminList {
        query.page(try Period.filter(Period.Columns.siteId == context.site.id!).order(Period.Columns.startsOn.desc).fetchAll(db).map { period in
            AdminRow(id: period.id!, values: [
                "name": period.name, "startsOn": period.startsOn.display, "endsOn": period.endsOn.display,
                "classes": String(try TalentClass.filter(TalentClass.Columns.periodId == period.id!).fetchCount(db)),
            ])
        })
    }

    static func load(_ id: Int64, _ context: AdminReadContext, _ db: Database) throws -> [String: String]? {
        guard let period = try Period.fetchOne(db, key: id), period.siteId == context.site.id else { return nil }
        return ["name": period.name, "startsOn": period.startsOn.iso, "endsOn": period.endsOn.iso]
    }

    static func save(_ id: Int64?, _ values: [String: String], _ context: AdminActionContext, _ db: Database) throws -> Int64 {
        let form = AdminValues(values)
        var period = Period(id: id, siteId: context.site.id!, name: try form.text("name", maxLength: 80),
                            startsOn: try form.date("startsOn"), endsOn: try form.date("endsOn"))
        guard period.startsOn <= period.endsOn else { throw KioskError(.invalidInput, "classes.field.endsBeforeStart", field: "endsOn") }
        if let id {
            guard try Period.fetchOne(db, key: id)?.siteId == context.site.id else { throw KioskError(.notFound, "classes.notFound") }
            try period.update(db)
        } else {
            try period.insert(db)
        }
        return period.id!
    }
}
