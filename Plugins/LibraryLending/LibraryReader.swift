import Foundation
import KioskCore

extension FlowContext {
    /// The identified family's children who may borrow, and the one a library screen is for without
    /// asking: the child whose card was scanned, or the only one.
    func libraryReaders() async throws -> (children: [Child], chosen: Int64?) {
        let familyID = try requireFamily()
        let children = try await database.read { db in try FamilyDirectory.children(ofFamily: familyID, db).filter(\.mayRegister) }
        if let scanned = scannedChildID, children.contains(where: { $0.id == scanned }) { return (children, scanned) }
        return (children, children.count == 1 ? children[0].id : nil)
    }
}
