import Foundation
import KioskCore

/// The site's loan rules (by reader age and category, the most specific winning) and its library
/// settings (closing days, holidays, when overdue books block).
enum LibraryRulesAdmin {
    static let rules = AdminResource(
        name: "rules", title: .key("library.admin.rules"),
        fields: [
            AdminField("minAge", .key("library.field.readerMinAge"), .integer(0...18), required: false),
            AdminField("maxAge", .key("library.field.readerMaxAge"), .integer(0...18), required: false),
            AdminField("category", .key("library.field.category"),
                       .select([FieldOption("", .key("library.admin.everyCategory"))]
                               + BookTitle.categories.map { FieldOption($0, .key("library.category.\($0)")) }), required: false),
            AdminField("maxLoans", .key("library.field.maxLoans"), .integer(0...20)),
            AdminField("loanDays", .key("library.field.loanDays"), .integer(1...90)),
            AdminField("renewals", .key("library.field.renewals"), .integer(0...5)),
            AdminField("aboveAgeBand", .key("library.field.aboveAgeBand"), .checkbox, required: false),
            AdminField("holdsAllowed", .key("library.field.holdsAllowed"), .checkbox, required: false),
        ],
        listColumns: [AdminColumn("readers", .key("library.admin.readers")), "category", "maxLoans", "loanDays", "renewals"],
        roles: [LibraryLendingModule.librarian.role],
        list: { query, context, db in
            query.page(try LoanRule.filter(Column("siteId") == context.site.id!).order(Column("id")).fetchAll(db).map { rule in
                AdminRow(id: rule.id!, values: [
                    "readers": rule.minAge == nil && rule.maxAge == nil ? "*" : "\(rule.minAge ?? 0)–\(rule.maxAge ?? 18)",
                    "category": rule.category.isEmpty ? "*" : rule.category, "maxLoans": String(rule.maxLoans),
                    "loanDays": String(rule.loanDays), "renewals": String(rule.renewals),
                ])
            })
        },
        load: { id, context, db in
            guard let rule = try LoanRule.fetchOne(db, key: id), rule.siteId == context.site.id else { return nil }
            return ["minAge": rule.minAge.map(String.init) ?? "", "maxAge": rule.maxAge.map(String.init) ?? "", "category": rule.category,
                    "maxLoans": String(rule.maxLoans), "loanDays": String(rule.loanDays), "renewals": String(rule.renewals),
                    "aboveAgeBand": rule.aboveAgeBand ? FormField.ticked : "", "holdsAllowed": rule.holdsAllowed ? FormField.ticked : ""]
        },
        save: { id, values, context, db in
            let form = AdminValues(values)
            let age = { (name: String) throws -> Int? in (values[name] ?? "").isEmpty ? nil : try form.integer(name, 0...18) }
            let category = values["category"] ?? ""
            guard category.isEmpty || BookTitle.categories.contains(category) else {
                throw KioskError(.invalidInput, "error.field.required", field: "category")
            }
            var rule = LoanRule(id: id, siteId: context.site.id!, minAge: try age("minAge"), maxAge: try age("maxAge"), category: category,
                                maxLoans: try form.integer("maxLoans", 0...20), loanDays: try form.integer("loanDays", 1...90),
                                renewals: try form.integer("renewals", 0...5), aboveAgeBand: form.isTicked("aboveAgeBand"),
                                holdsAllowed: form.isTicked("holdsAllowed"))
            guard (rule.minAge ?? 0) <= (rule.maxAge ?? 18) else { throw KioskError(.invalidInput, "library.field.ages", field: "maxAge") }
            if let id {
                guard try LoanRule.fetchOne(db, key: id)?.siteId == context.site.id else { throw KioskError(.notFound, "error.notFound") }
                try rule.update(db)
            } else {
                try rule.insert(db)
            }
            return rule.id!
        })

    static let settings = AdminResource(
        name: "settings", title: .key("library.admin.settings"),
        fields: [
            AdminField("closedWeekdays", .key("library.field.closedWeekdays"), .text(maxLength: 20), required: false),
            AdminField("holidays", .key("library.field.holidays"), .multiline(maxLength: 2000), required: false),
            AdminField("blockFromOverdue", .key("library.field.blockFromOverdue"), .integer(1...20)),
            AdminField("graceDays", .key("library.field.graceDays"), .integer(0...60)),
            AdminField("historyDays", .key("library.field.historyDays"), .integer(0...365)),
            AdminField("holdDays", .key("library.field.holdDays"), .integer(1...30)),
        ],
        listColumns: ["closedWeekdays", "blockFromOverdue", "graceDays", "historyDays", "holdDays"],
        roles: [LibraryLendingModule.librarian.role],
        list: { query, context, db in
            let settings = try LibrarySettings.of(siteID: context.site.id!, db)
            return query.page([AdminRow(id: context.site.id!, values: [
                "closedWeekdays": settings.closedWeekdays, "blockFromOverdue": String(settings.blockFromOverdue),
                "graceDays": String(settings.graceDays), "historyDays": String(settings.historyDays), "holdDays": String(settings.holdDays),
            ])])
        },
        load: { id, context, db in
            guard id == context.site.id else { return nil }
            let settings = try LibrarySettings.of(siteID: id, db)
            return ["closedWeekdays": settings.closedWeekdays, "holidays": settings.holidays,
                    "blockFromOverdue": String(settings.blockFromOverdue), "graceDays": String(settings.graceDays),
                    "historyDays": String(settings.historyDays), "holdDays": String(settings.holdDays)]
        },
        save: { id, values, context, db in
            guard id == context.site.id else { throw KioskError(.notFound, "error.notFound") }
            let form = AdminValues(values)
            let weekdays = (values["closedWeekdays"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard weekdays.allSatisfy({ Int($0).map((1...7).contains) ?? false }), weekdays.count < 7 else {
                throw KioskError(.invalidInput, "library.field.weekdaysInvalid", field: "closedWeekdays")
            }
            let holidays = try form.text("holidays", maxLength: 2000, required: false, lines: true)
            let lines = holidays.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard lines.allSatisfy({ LocalDate(display: $0) != nil }) else {
                throw KioskError(.invalidInput, "library.field.holidaysInvalid", field: "holidays")
            }
            try LibrarySettings(siteId: context.site.id!, closedWeekdays: weekdays.joined(separator: ","), holidays: lines.joined(separator: "\n"),
                                blockFromOverdue: try form.integer("blockFromOverdue", 1...20), graceDays: try form.integer("graceDays", 0...60),
                                historyDays: try form.integer("historyDays", 0...365), holdDays: try form.integer("holdDays", 1...30))
                .save(db)
            return context.site.id!
        })
}
