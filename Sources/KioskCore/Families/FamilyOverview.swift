/// A family as the kiosk shows it once identified: guardians, children and their cards.
public struct FamilyOverview: Sendable {
    public struct Member<Person: Sendable>: Sendable {
        public let person: Person
        /// The card's token.
        public let card: String?
    }

    public let family: Family
    public let guardians: [Member<Guardian>]
    public let children: [Member<Child>]
}
