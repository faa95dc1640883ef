import Foundation
import KioskCore

/// The administrators' page of classes: create and edit a class (its sessions follow the schedule),
/// and per class its own page (`ClassAdminPage`) and exports (`ClassExports`).
enum ClassAdmin {
    static let resource = AdminResource(
        name: "classes", title: .key("classes.admin.classes"),
        fields: [
            AdminField("periodId", .key("classes.field.period"), .options(periodOptions)),
            AdminField("titleVi", .key("classes.field.titleVi"), .text(maxLength: 120)),
            AdminField("titleEn", .key("classes.field.titleEn"), .text(maxLength: 120), required: false),
            AdminField("category", .key("classes.field.category"),
                       .select(TalentClass.categories.map { FieldOption($0, .key("classes.category.\($0)")) })),
            AdminField("teacher", .key("classes.field.teacher"), .text(maxLength: 80)),
            AdminField("room", .key("classes.field.room"), .text(maxLength: 80)),
            AdminField("minAge", .key("classes.field.minAge"), .integer(3...18)),
            AdminField("maxAge", .key("classes.field.maxAge"), .integer(3...18)),
            AdminField("capacity", .key("classes.field.capacity"), .integer(1...500)),
            AdminField("feeVND", .key("classes.field.fee"), .integer(0...100_000_000)),
            AdminField("waiverOffered", .key("classes.field.waiverOffered"), .checkbox, required: false),
            AdminField("weekdays", .key("classes.field.weekdays"), .text(maxLength: 40)),
            AdminField("startTime", .key("classes.field.startTime"), .time),
            AdminField("endTime", .key("classes.field.endTime"), .time),
            AdminField("firstDay", .key("classes.field.firstDay"), .date),
            AdminField("lastDay", .key("classes.field.lastDay"), .date),
            AdminField("skipDays", .key("classes.field.skipDays"), .multiline(maxLength: 2000), required: false),
            AdminField("lateAfterMinutes", .key("classes.field.lateAfter"), .integer(0...180)),
        ],
        listColumns: ["titleVi", "periodId", "weekdays", "teacher", "capacity", AdminColumn("waitlist", .key("classes.admin.waitingCount")), "feeVND"],
        list: list, load: load, save: save,
        exports: [
            AdminExport(name: "enrolments", label: .key("classes.admin.exportEnrolments"), make: ClassExports.enrolments),
            AdminExport(name: "register", label: .key("classes.admin.exportRegister"), make: ClassExports.register),
        ],
        page: ClassAdminPage.page, perform: ClassAdminPage.perform)

    static func periodOptions(_ site: Site, _ db: Database) throws -> [FieldOption] {
        try Period.filter(Period.Columns.siteId == site.id!).order(Period.Columns.startsOn.desc).fetchAll(db)
            .map { FieldOption(String($0.id!), .literal(vi: "\($0.name) (\($0.startsOn.display) – \($0.endsOn.display))")) }
    }

    /// A page of the site's classes, the latest period's first: the years of past classes are never read whole.
    static func list(_ query: AdminListQuery, _ context: AdminReadContext, _ db: Database) throws -> AdminList {
        let site = context.site
        let classes = TalentClass.filter(TalentClass.Columns.siteId == site.id!)
        let page = query.page(classes.order(Column("periodId").desc, Column("titleVi")))
        let shown = try page.fetchAll(db)
        let periods = Dictionary(uniqueKeysWithValues: try Period.fetchAll(db, keys: Set(shown.map(\.periodId))).map { ($0.id!, $0.name) })
        return AdminList(rows: try shown.map { talentClass in
            AdminRow(id: talentClass.id!, values: [
                "titleVi": talentClass.titleVi, "periodId": periods[talentClass.periodId] ?? "",
                "weekdays": talentClass.schedule.weekly, "teacher": talentClass.teacher,
                "capacity": "\(try ClassSeats.count(talentClass.id!, .enrolled, db))/\(talentClass.capacity)",
                "waitlist": String(try ClassSeats.count(talentClass.id!, .waitlisted, db)),
                "feeVND": talentClass.feeVND == 0 ? "0" : "\(talentClass.feeVND)\(talentClass.waiverOffered ? " ✓" : "")",
            ])
        }, total: try classes.fetchCount(db))
    }

    static func load(_ id: Int64, _ context: AdminReadContext, _ db: Database) throws -> [String: String]? {
        guard let talentClass = try TalentClass.fetchOne(db, key: id), talentClass.siteId == context.site.id else { return nil }
        let schedule = talentClass.schedule
        return [
            "periodId": String(talentClass.periodId), "titleVi": talentClass.titleVi, "titleEn": talentClass.titleEn,
            "category": talentClass.category, "teacher": talentClass.teacher, "room": talentClass.room,
            "minAge": String(talentClass.minAge), "maxAge": String(talentClass.maxAge), "capacity": String(talentClass.capacity),
            "feeVND": String(talentClass.feeVND), "waiverOffered": talentClass.waiverOffered ? "yes" : "",
            "weekdays": ClassSchedule.format(weekdays: schedule.weekdays),
            "startTime": LocalTime.clock(minuteOfDay: schedule.startMinute), "endTime": LocalTime.clock(minuteOfDay: schedule.endMinute),
            "firstDay": schedule.firstDay.iso, "lastDay": schedule.lastDay.iso,
            "skipDays": schedule.skipDays.map(\.display).joined(separator: ", "), "lateAfterMinutes": String(talentClass.lateAfterMinutes),
        ]
    }

    /// Checks and saves a class, brings its sessions in step with the schedule, and moves the
    /// waitlist up when the capacity was raised.
    static func save(_ id: Int64?, _ values: [String: String], _ context: AdminActionContext, _ db: Database) throws -> Int64 {
        let form = AdminValues(values)
        let site = context.site
        guard let periodID = Int64(values["periodId"] ?? ""), let period = try Period.fetchOne(db, key: periodID), period.siteId == site.id else {
            throw KioskError(.invalidInput, "classes.field.periodMissing", field: "periodId")
        }
        let category = values["category"] ?? ""
        guard TalentClass.categories.contains(category) else { throw KioskError(.invalidInput, "error.field.required", field: "category") }
        guard let weekdays = ClassSchedule.parse(weekdays: values["weekdays"] ?? "") else {
            throw KioskError(.invalidInput, "classes.field.weekdaysInvalid", field: "weekdays")
        }
        guard let skipDays = ClassSchedule.parse(days: try form.text("skipDays", maxLength: 2000, required: false, lines: true)) else {
            throw KioskError(.invalidInput, "classes.field.skipDaysInvalid", field: "skipDays")
        }
        let schedule = ClassSchedule(weekdays: weekdays, startMinute: try form.time("startTime"), endMinute: try form.time("endTime"),
                                     firstDay: try form.date("firstDay"), lastDay: try form.date("lastDay"), skipDays: skipDays)
        var talentClass = TalentClass(
            id: id, siteId: site.id!, periodId: periodID, titleVi: try form.text("titleVi"), titleEn: try form.text("titleEn", required: false),
            category: category, teacher: try form.text("teacher", maxLength: 80), room: try form.text("room", maxLength: 80),
            minAge: try form.integer("minAge", 3...18), maxAge: try form.integer("maxAge", 3...18), capacity: try form.integer("capacity", 1...500),
            feeVND: try form.integer("feeVND", 0...100_000_000), waiverOffered: form.isTicked("waiverOffered"), schedule: schedule,
            lateAfterMinutes: try form.integer("lateAfterMinutes", 0...180))
        guard talentClass.minAge <= talentClass.maxAge else { throw KioskError(.invalidInput, "classes.field.ages", field: "maxAge") }
        guard schedule.startMinute < schedule.endMinute else { throw KioskError(.invalidInput, "classes.field.endsBeforeStart", field: "endTime") }
        guard schedule.firstDay <= schedule.lastDay else { throw KioskError(.invalidInput, "classes.field.endsBeforeStart", field: "lastDay") }
        guard period.startsOn <= schedule.firstDay, schedule.lastDay <= period.endsOn else {
            throw KioskError(.invalidInput, "classes.field.outsidePeriod", period.startsOn.display, period.endsOn.display, field: "firstDay")
        }
        guard !schedule.days.isEmpty, schedule.days.count <= ClassSchedule.maxDays else {
            throw KioskError(.invalidInput, "classes.field.noSessions", field: "weekdays")
        }
        if let id {
            guard try TalentClass.fetchOne(db, key: id)?.siteId == site.id else { throw KioskError(.notFound, "classes.notFound") }
            let enrolled = try ClassSeats.count(id, .enrolled, db)
            guard talentClass.capacity >= enrolled else {
                throw KioskError(.invalidInput, "classes.field.capacityBelow", String(enrolled), field: "capacity")
            }
            try talentClass.update(db)
        } else {
            try talentClass.insert(db)
        }
        try ClassSessions.sync(talentClass, db)
        try ClassSeats.promote(classID: talentClass.id!, context: SeatContext(context), db)
        return talentClass.id!
    }
}
