import KioskCore

enum ClassMigrations {
    static func register(in migrator: inout ModuleMigrator) {
        migrator.register("001 create period, class, session, enrolment, attendance, pickup") { db in
            try db.create(table: Period.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.column("startsOn", .text).notNull()
                t.column("endsOn", .text).notNull()
            }
            try db.create(table: TalentClass.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("site", onDelete: .cascade).notNull()
                t.column("periodId", .integer).notNull().indexed().references(Period.databaseTableName, onDelete: .cascade)
                t.column("titleVi", .text).notNull()
                t.column("titleEn", .text).notNull()
                t.column("category", .text).notNull()
                t.column("teacher", .text).notNull()
                t.column("room", .text).notNull()
                t.column("minAge", .integer).notNull()
                t.column("maxAge", .integer).notNull()
                t.column("capacity", .integer).notNull()
                t.column("feeVND", .integer).notNull()
                t.column("waiverOffered", .boolean).notNull()
                t.column("schedule", .jsonText).notNull()
                t.column("lateAfterMinutes", .integer).notNull()
            }
            try db.create(table: ClassSession.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("classId", .integer).notNull().references(TalentClass.databaseTableName, onDelete: .cascade)
                t.column("day", .text).notNull().indexed()
                t.column("startsAt", .datetime).notNull()
                t.column("endsAt", .datetime).notNull()
                t.column("cancelledAt", .datetime)
                t.uniqueKey(["classId", "day"])
            }
            try db.create(table: Enrolment.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("classId", .integer).notNull().indexed().references(TalentClass.databaseTableName, onDelete: .cascade)
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.column("status", .text).notNull()
                t.column("requestedAt", .datetime).notNull()
                t.column("enrolledAt", .datetime)
                t.column("withdrawnAt", .datetime)
                t.column("promotedAt", .datetime)
                t.column("calledAt", .datetime)
                t.column("waiver", .text).notNull()
            }
            // A child holds at most one live place (or waitlist place) per class.
            try db.execute(sql: """
                CREATE UNIQUE INDEX classes_enrolment_one_live ON classes_enrolment(classId, childId)
                WHERE status IN ('enrolled', 'waitlisted')
                """)
            try db.create(table: Attendance.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sessionId", .integer).notNull().references(ClassSession.databaseTableName, onDelete: .cascade)
                t.column("enrolmentId", .integer).notNull().indexed().references(Enrolment.databaseTableName, onDelete: .cascade)
                t.column("mark", .text).notNull()
                t.column("markedAt", .datetime).notNull()
                t.column("markedBy", .text).notNull()
                t.column("collectedAt", .datetime)
                t.column("collectedBy", .integer).references("guardian", onDelete: .setNull)
                t.uniqueKey(["sessionId", "enrolmentId"])
            }
            try db.create(table: PickupPermission.databaseTableName) { t in
                t.belongsTo("child", onDelete: .cascade).notNull()
                t.belongsTo("guardian", onDelete: .cascade).notNull()
                t.primaryKey(["childId", "guardianId"])
            }
        }
        // Erasing a family sets `collectedBy` to NULL where its guardians collected a child: without
        // an index each guardian deleted read every attendance mark of every year.
        migrator.register("002 index attendance by collecting guardian") { db in
            try db.create(index: "classes_attendance_on_collectedBy", on: "classes_attendance", columns: ["collectedBy"])
        }
    }
}
