/// The family flows every site has, whatever modules it enables: identify a family, register a
/// family or add a child, add an adult, and show the family's cards. They are addressed as `core/<name>`.
public enum CoreFlows {
    /// The flows by name.
    public static let all: [String: any KioskFlow] = [
        identify: IdentifyFlow(),
        register: RegisterFlow(),
        family: FamilyCardsFlow(),
        guardian: AddGuardianFlow(),
    ]

    public static let identify = "identify"
    public static let register = "register"
    public static let family = "family"
    public static let guardian = "guardian"
}
