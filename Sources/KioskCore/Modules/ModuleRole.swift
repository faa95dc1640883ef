/// A role a module adds to the staff roles (a librarian, a reviewer, a teacher), granted per site
/// on the staff page. Its name is the module's id, a dot and the role (`library.librarian`).
///
/// ```swift
/// var roles: [ModuleRole] { [ModuleRole("librarian", of: id, title: .key("library.role.librarian"))] }
/// ```
public struct ModuleRole: Sendable {
    public let role: StaffRole.Role
    /// What the staff page calls it.
    public let title: LocalizedText

    public init(_ name: String, of moduleID: ModuleID, title: LocalizedText) {
        self.role = StaffRole.Role(rawValue: "\(moduleID.rawValue).\(name)")
        self.title = title
    }
}
