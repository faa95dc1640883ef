/// Every module compiled into the binary, in the order given. Which of them a site shows is stored
/// per site (`AppDatabase.enabledModules`).
public struct ModuleRegistry: Sendable {
    /// The modules, in registration order.
    public let modules: [any KioskModule]
    private let byID: [ModuleID: any KioskModule]
    private let byTicketKind: [String: any KioskModule]

    /// Why a set of modules cannot be registered.
    public struct RegistrationError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Checks the modules and indexes them: ids must be well formed and unique, ticket kind codes
    /// unique across modules and the core, and every admin list column labelled.
    public init(_ modules: [any KioskModule]) throws(RegistrationError) {
        var byID: [ModuleID: any KioskModule] = [:]
        var byTicketKind: [String: any KioskModule] = [:]
        let coreKinds = Set([TicketKind.memberCard.code, TicketKind.guardianCard.code])
        for module in modules {
            guard module.id.isWellFormed, module.id != .core else {
                throw RegistrationError(description: "module id '\(module.id)' is not allowed: use lower-case letters, digits and dashes")
            }
            guard byID[module.id] == nil else {
                throw RegistrationError(description: "two modules have the id '\(module.id)'; each module needs its own id")
            }
            byID[module.id] = module
            for role in module.roles where role.role.moduleID != module.id || role.role.rawValue.count <= module.id.rawValue.count + 1 {
                throw RegistrationError(description: "role '\(role.role)' of module '\(module.id)' must be named '\(module.id).<role>'")
            }
            for resource in module.adminResources {
                for role in resource.roles where !module.roles.contains(where: { $0.role == role }) && !StaffRole.Role.core.contains(role) {
                    throw RegistrationError(description: "\(module.id)/\(resource.name) opens to role '\(role)', which no module declares")
                }
                for column in resource.listColumns where resource.label(of: column) == nil {
                    throw RegistrationError(description: "list column '\(column.name)' of \(module.id)/\(resource.name) is no field and has no label: "
                                            + "give it one, AdminColumn(\"\(column.name)\", .key(\"\(module.id).…\"))")
                }
            }
            for pattern in module.codePatterns {
                if let flow = pattern.flow, module.flows[flow] == nil {
                    throw RegistrationError(description: "code pattern '\(pattern.name)' of module '\(module.id)' opens flow '\(flow)', "
                                            + "which the module does not have")
                }
            }
            for kind in module.ticketKinds {
                guard kind.moduleID == module.id else {
                    throw RegistrationError(description: "module '\(module.id)' declares ticket kind \(kind.code) of module '\(kind.moduleID)'")
                }
                guard byTicketKind[kind.code] == nil, !coreKinds.contains(kind.code) else {
                    throw RegistrationError(description: "ticket kind \(kind.code) of module '\(module.id)' is already taken")
                }
                byTicketKind[kind.code] = module
            }
        }
        self.modules = modules
        self.byID = byID
        self.byTicketKind = byTicketKind
    }

    /// The module with this id.
    public func module(_ id: ModuleID) -> (any KioskModule)? { byID[id] }

    /// The module that issues tickets of this kind code.
    public func module(issuing kindCode: String) -> (any KioskModule)? { byTicketKind[kindCode] }

    /// The first module among `enabled`, in registration order, with a pattern that claims `code`.
    public func claim(_ code: String, among enabled: Set<ModuleID>) -> (module: any KioskModule, pattern: CodePattern)? {
        for module in modules where enabled.contains(module.id) {
            if let pattern = module.codePatterns.first(where: { $0.matches(code) }) { return (module, pattern) }
        }
        return nil
    }

    /// The roles a staff member can be granted: the core's, then every module's.
    public var roles: [(role: StaffRole.Role, title: LocalizedText)] {
        StaffRole.Role.core.map { ($0, LocalizedText.key("role.\($0.rawValue)")) } + modules.flatMap { $0.roles.map { ($0.role, $0.title) } }
    }

    /// The ids of all modules.
    public var ids: [ModuleID] { modules.map(\.id) }
}
