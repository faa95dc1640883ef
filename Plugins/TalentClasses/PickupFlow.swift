import Foundation
import KioskCore

/// At the kiosk: the family names, for each child, the adults of the family who may collect the
/// child after class. Each adult shows their own guardian card at pick-up; another adult is added
/// with the core's "add an adult" flow.
struct PickupFlow: KioskFlow {
    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        try await screen(&context, error: nil)
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        guard action.name == "save" else { return try await start(&context) }
        let familyID = try context.requireFamily()
        let ticked = action.fields.ticked
        do {
            try await context.database.write { db in
                let (children, guardians) = try Self.family(familyID, db)
                for child in children {
                    let chosen = guardians.filter { ticked.contains(Self.field(child, $0)) }
                    guard !chosen.isEmpty else { throw KioskError(.invalidInput, "classes.pickup.oneAtLeast", child.fullName) }
                    try PickupPermission.filter(Column("childId") == child.id!).deleteAll(db)
                    for guardian in chosen { try PickupPermission(childId: child.id!, guardianId: guardian.id!).insert(db) }
                }
            }
        } catch let error as KioskError where error.kind == .invalidInput {
            return try await screen(&context, error: error)
        }
        return .message(.key("classes.pickup.title"), .key("classes.pickup.saved"), style: .success,
                        actions: [ScreenAction(.key("classes.title"), .flow(TalentClassesModule.id, "start")), .home])
    }

    private func screen(_ context: inout FlowContext, error: KioskError?) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let (children, guardians, allowed) = try await context.database.read { db in
            let (children, guardians) = try Self.family(familyID, db)
            let named = try PickupPermission.filter(children.map(\.id!).contains(Column("childId"))).fetchAll(db)
            return (children, guardians, named)
        }
        let fields = children.flatMap { child in
            let named = allowed.filter { $0.childId == child.id }
            return guardians.map { guardian in
                let mayCollect = named.isEmpty || named.contains { $0.guardianId == guardian.id }
                return FormField(Self.field(child, guardian), .literal(vi: child.fullName),
                                 .checkbox(.literal(vi: "\(guardian.fullName) · \(guardian.phone)")), value: mayCollect ? FormField.ticked : "", required: false)
            }
        }
        var form = FormSpec(fields: fields, submit: ScreenAction(.key("classes.pickup.save"), .submit(name: "save", value: ""), style: .primary))
        if let error { form = form.showing(error) }
        return KioskScreen(title: .key("classes.pickup.title"), intro: [.key("classes.pickup.intro")], content: .form(form), actions: [
            ScreenAction(.key("family.addGuardian"), .flow(.core, CoreFlows.guardian)),
            ScreenAction(.key("classes.title"), .flow(TalentClassesModule.id, "start")), .home,
        ])
    }

    private static func family(_ familyID: Int64, _ db: Database) throws -> ([Child], [Guardian]) {
        (try FamilyDirectory.children(ofFamily: familyID, db),
         try FamilyDirectory.guardians(ofFamily: familyID, db))
    }

    private static func field(_ child: Child, _ guardian: Guardian) -> String { "c\(child.id!)g\(guardian.id!)" }
}
