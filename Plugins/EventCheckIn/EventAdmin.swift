import Foundation
import KioskCore

/// The administrators' page of events: create, edit, cancel; per event the registrations as CSV
/// (status, check-in time, no-show) and a printable gate list sorted by name.
enum EventAdmin {
    static let resource = AdminResource(
        name: "events", title: .key("events.admin.title"),
        fields: [
            AdminField("titleVi", .key("events.field.titleVi"), .text(maxLength: 120)),
            AdminField("titleEn", .key("events.field.titleEn"), .text(maxLength: 120), required: false),
            AdminField("details", .key("events.field.details"), .multiline(maxLength: 1000), required: false),
            AdminField("venue", .key("events.field.venue"), .text(maxLength: 120)),
            AdminField("startsAt", .key("events.field.startsAt"), .dateTime),
            AdminField("endsAt", .key("events.field.endsAt"), .dateTime),
            AdminField("capacity", .key("events.field.capacity"), .integer(1...100_000)),
            AdminField("minAge", .key("events.field.minAge"), .integer(3...18)),
            AdminField("maxAge", .key("events.field.maxAge"), .integer(3...18)),
            AdminField("registrationOpensAt", .key("events.field.registrationOpensAt"), .dateTime),
            AdminField("registrationClosesAt", .key("events.field.registrationClosesAt"), .dateTime),
            AdminField("checkInOpensMinutes", .key("events.field.checkInOpensMinutes"), .integer(0...720)),
            AdminField("reentry", .key("events.field.reentry"), .checkbox, required: false),
            AdminField("cancelled", .key("events.field.cancelled"), .checkbox, required: false),
        ],
        listColumns: ["titleVi", "startsAt", "venue", AdminColumn("seats", .key("events.admin.seats")),
                      AdminColumn("checkedIn", .key("events.admin.checkedIn")), AdminColumn("state", .key("events.admin.cancelled"))],
        filters: [AdminFilter("when", .key("events.admin.when"), options: [
            FieldOption("upcoming", .key("events.admin.upcoming")), FieldOption("past", .key("events.admin.past")),
        ])],
        list: list, load: load, save: save,
        exports: [
            AdminExport(name: "registrations", label: .key("events.admin.exportCSV"), make: registrationsCSV),
            AdminExport(name: "gate-list", label: .key("events.admin.gateList"), make: gateList),
        ])

    /// A page of the site's events, the latest first, upcoming or past when the filter says so.
    static func list(_ query: AdminListQuery, _ context: AdminReadContext, _ db: Database) throws -> AdminList {
        var events = Event.filter(Event.Columns.siteId == context.site.id!)
        switch query.filter("when") {
        case "upcoming": events = events.filter(Event.Columns.endsAt > DatabaseTimestamp(context.at))
        case "past": events = events.filter(Event.Columns.endsAt <= DatabaseTimestamp(context.at))
        default: break
        }
        let page = query.page(events.order(Event.Columns.startsAt.desc))
        return AdminList(rows: try page.fetchAll(db).map { event in
            let registered = try EventSeats.registeredCount(event.id!, db)
            let checkedIn = try Registration.filter(Registration.Columns.eventId == event.id! && Registration.Columns.checkedInAt != nil
                                                    && Registration.Columns.status == "active").fetchCount(db)
            return AdminRow(id: event.id!, values: [
                "titleVi": event.titleVi, "startsAt": LocalTime.display(event.startsAt), "venue": event.venue,
                "seats": "\(registered)/\(event.capacity)", "checkedIn": String(checkedIn),
                "state": event.cancelledAt == nil ? "" : "✕",
            ])
        }, total: try events.fetchCount(db))
    }

    static func load(_ id: Int64, _ context: AdminReadContext, _ db: Database) throws -> [String: String]? {
        guard let event = try Event.fetchOne(db, key: id), event.siteId == context.site.id else { return nil }
        return [
            "titleVi": event.titleVi, "titleEn": event.titleEn, "details": event.details, "venue": event.venue,
            "startsAt": LocalTime.field(event.startsAt), "endsAt": LocalTime.field(event.endsAt),
            "capacity": String(event.capacity), "minAge": String(event.minAge), "maxAge": String(event.maxAge),
            "registrationOpensAt": LocalTime.field(event.registrationOpensAt),
            "registrationClosesAt": LocalTime.field(event.registrationClosesAt),
            "checkInOpensMinutes": String(event.checkInOpensMinutes),
            "reentry": event.reentry ? "yes" : "", "cancelled": event.cancelledAt == nil ? "" : "yes",
        ]
    }

    static func save(_ id: Int64?, _ values: [String: String], _ context: AdminActionContext, _ db: Database) throws -> Int64 {
        let form = AdminValues(values)
        let site = context.site
        var event = Event(
            id: id, siteId: site.id!,
            titleVi: try form.text("titleVi"), titleEn: try form.text("titleEn", required: false),
            details: try form.text("details", maxLength: 1000, required: false, lines: true), venue: try form.text("venue"),
            startsAt: try form.dateTime("startsAt"), endsAt: try form.dateTime("endsAt"),
            capacity: try form.integer("capacity", 1...100_000), minAge: try form.integer("minAge", 3...18),
            maxAge: try form.integer("maxAge", 3...18),
            registrationOpensAt: try form.dateTime("registrationOpensAt"), registrationClosesAt: try form.dateTime("registrationClosesAt"),
            checkInOpensMinutes: try form.integer("checkInOpensMinutes", 0...720), reentry: form.isTicked("reentry"), cancelledAt: nil)
        guard event.endsAt > event.startsAt else { throw KioskError(.invalidInput, "events.field.endsBeforeStart", field: "endsAt") }
        guard event.minAge <= event.maxAge else { throw KioskError(.invalidInput, "events.field.ages", field: "maxAge") }
        guard event.registrationOpensAt < event.registrationClosesAt else {
            throw KioskError(.invalidInput, "events.field.window", field: "registrationClosesAt")
        }
        if let id {
            guard let existing = try Event.fetchOne(db, key: id), existing.siteId == site.id else { throw KioskError(.notFound, "events.notFound") }
            let registered = try EventSeats.registeredCount(id, db)
            guard event.capacity >= registered else {
                throw KioskError(.invalidInput, "events.field.capacityBelow", String(registered), field: "capacity")
            }
            event.cancelledAt = form.isTicked("cancelled") ? (existing.cancelledAt ?? context.at) : nil
            try event.update(db)
        } else {
            event.cancelledAt = form.isTicked("cancelled") ? context.at : nil
            try event.insert(db)
        }
        return event.id!
    }

    /// The event's registrations with their children, by name.
    private static func registrations(_ eventID: Int64, _ site: Site, _ db: Database) throws -> (Event, [(Registration, Child)]) {
        let event = try EventSeats.event(eventID, site: site, db)
        let registrations = try Registration.filter(Registration.Columns.eventId == eventID).fetchAll(db)
        let children = try FamilyDirectory.children(registrations.map(\.childId), db)
        let rows = registrations.compactMap { registration in children[registration.childId].map { (registration, $0) } }
        return (event, VietnameseFolding.sortedByName(rows, \.1.fullName))
    }

    static func registrationsCSV(_ eventID: Int64, _ context: AdminReadContext, _ db: Database) throws -> AdminFile {
        let (event, rows) = try registrations(eventID, context.site, db)
        var csv = CSVWriter(header: ["Họ và tên", "Ngày sinh", "Trường", "Trạng thái", "Đăng ký lúc", "Vào lúc", "Vắng", "Tại chỗ"])
        let over = context.at >= event.endsAt
        for (registration, child) in rows {
            let active = registration.status == .active
            csv.append([child.fullName, child.birthDate.display, child.school, active ? "đã đăng ký" : "đã huỷ",
                        LocalTime.display(registration.registeredAt), registration.checkedInAt.map(LocalTime.display) ?? "",
                        active && registration.checkedInAt == nil && over ? "vắng" : "", registration.walkIn ? "có" : ""])
        }
        return AdminFile(filename: "su-kien-\(eventID).csv", contentType: "text/csv; charset=utf-8", body: csv.bytes)
    }

    static func gateList(_ eventID: Int64, _ context: AdminReadContext, _ db: Database) throws -> AdminFile {
        let (event, rows) = try registrations(eventID, context.site, db)
        let lines = rows.filter { $0.0.status == .active }.enumerated().map { index, row in
            "<tr><td>\(index + 1)</td><td>\(HTML.escape(row.1.fullName))</td><td>\(row.1.birthDate.display)</td><td class=\"box\">☐</td></tr>"
        }
        let html = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>\(HTML.escape(event.titleVi))</title>
            <link rel="stylesheet" href="/assets/css/kiosk.css"></head><body class="admin"><main>
            <h1>\(HTML.escape(event.titleVi))</h1><p>\(HTML.escape(event.whenAndWhere)) · \(lines.count)/\(event.capacity)</p>
            <table class="list"><thead><tr><th>#</th><th>Họ và tên</th><th>Ngày sinh</th><th>Vào</th></tr></thead>
            <tbody>\(lines.joined())</tbody></table></main></body></html>
            """
        return AdminFile(filename: "danh-sach-cong-\(eventID).html", contentType: "text/html; charset=utf-8", body: Array(html.utf8), inline: true)
    }
}
