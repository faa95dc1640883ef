/// A sequence of kiosk screens: a family registering a child, enrolling in a class, booking an event.
///
/// The host calls `start` when the flow opens and `handle` with each button the family presses,
/// and renders the screen returned (through `KioskEngine`, which every front end drives). What the
/// flow must remember between screens goes in `context.state`, which lives in the kiosk session and
/// vanishes with the idle reset.
///
/// ```swift
/// struct HelloFlow: KioskFlow {
///     func start(_ context: inout FlowContext) async throws -> KioskScreen {
///         .message(.key("hello.title"), .key("hello.text"))
///     }
///     func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
///         try await start(&context)
///     }
/// }
/// ```
public protocol KioskFlow: Sendable {
    /// Whether the family must be identified first (by card, or phone and a child's date of birth).
    var requiresFamily: Bool { get }
    /// Whether the flow is long enough to keep a draft of what the family typed in the database
    /// (`KioskEngine.draftLifetime`): after a restart, or the idle reset, the flow opens where they
    /// were once the family is identified again. The draft is dropped when the flow's state is
    /// emptied (the flow is done). Only for flows that need a family.
    var keepsDraft: Bool { get }
    /// The first screen.
    func start(_ context: inout FlowContext) async throws -> KioskScreen
    /// The screen after the family pressed a button.
    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen
}

extension KioskFlow {
    public var requiresFamily: Bool { true }
    public var keepsDraft: Bool { false }
}

/// A button the family pressed (a `ScreenAction.Target.submit` or a `Choice`), with the form's fields.
public struct FlowAction: Sendable, Hashable {
    public let name: String
    public let value: String
    /// The submitted fields, typed by the form but trimmed of nothing: flows validate them.
    public let fields: FormValues

    public init(name: String, value: String = "", fields: FormValues = [:]) {
        self.name = name
        self.value = value
        self.fields = fields
    }

    /// The value as a record's id (a `Choice` made with `id:`); nil when it is none.
    public var id: Int64? { Int64(value) }

    /// A code scanned on a screen that waits for scans, or one of the module's `CodePattern`s that
    /// opened the flow: `scannedCode` holds it.
    public static func scan(_ code: String) -> FlowAction {
        FlowAction(name: scanName, value: code)
    }

    /// The code scanned, if this is a scan.
    public var scannedCode: String? { name == Self.scanName ? value : nil }

    private static let scanName = "scan"
}

/// What a flow sees of the kiosk session and the service.
public struct FlowContext: Sendable {
    public let site: Site
    public let language: Language
    /// The kiosk's name: the box the service runs for (its wrong identification tries are counted by it).
    public let kiosk: String
    /// The kiosk screen's profile, if it has one (a library-only kiosk).
    public let profile: KioskProfile?
    /// The family identified in this session, if any.
    public var familyID: Int64?
    /// The child whose member card identified the family, if a child's card did: the flows offer
    /// things for this child first.
    public var scannedChildID: Int64?
    /// The flow's memory between screens.
    public var state: FlowState
    public let database: AppDatabase
    public let tickets: TicketIssuer
    public let clock: KioskClock

    public init(site: Site, language: Language, kiosk: String, profile: KioskProfile? = nil, familyID: Int64?, scannedChildID: Int64? = nil,
                state: FlowState = FlowState(), database: AppDatabase, tickets: TicketIssuer, clock: KioskClock) {
        self.site = site
        self.language = language
        self.kiosk = kiosk
        self.profile = profile
        self.familyID = familyID
        self.scannedChildID = scannedChildID
        self.state = state
        self.database = database
        self.tickets = tickets
        self.clock = clock
    }

    /// Where a consent given here was given, for its evidence: the kiosk, and its screen's profile.
    public var consentKiosk: String {
        profile.map { "\(kiosk)/\($0.name)" } ?? kiosk
    }

    /// Whose member or guardian card `code` is at this site (a card scanned on a screen that waits
    /// for scans), if it is a genuine, live card.
    public func cardHolder(_ code: String) async throws -> CardHolder? {
        try await database.identifyFamily(site: site, card: code, signer: tickets.signer)
    }

    /// The identified family's id. Without one, the step stops: the kiosk asks the family who they
    /// are, then sends the same press again (a reserve tapped on a catalogue open to anyone).
    public func requireFamily() throws -> Int64 {
        guard let familyID else { throw FamilyRequired() }
        return familyID
    }
}

/// Thrown by `FlowContext.requireFamily()` when no family is identified yet: the engine opens
/// identification and replays the step once it knows the family.
public struct FamilyRequired: Error, Sendable {}
