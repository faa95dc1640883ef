import Foundation

/// What a kiosk remembers about the family in front of it, on the server only. It is forgotten
/// after the idle timeout, when the family presses Finish, or when the service restarts.
public struct KioskSession: Sendable {
    /// The session's secret id, which the front end keeps (a cookie); renewed once a family is identified.
    public internal(set) var id: String
    public let siteCode: String
    /// The kiosk screen's profile, if the session began on one.
    public internal(set) var profile: KioskProfile?
    public internal(set) var familyID: Int64?
    /// The child whose member card identified the family, if one did.
    public internal(set) var scannedChildID: Int64?
    /// The flow being walked through.
    public internal(set) var flow: FlowRef?
    var state = FlowState()
    /// The screen on display.
    public internal(set) var screen: KioskScreen?
    /// A nonce of the screen on display: a press carrying another one is a double submission.
    public internal(set) var step: String = ""
    /// The flow to open once the family is identified.
    var afterIdentify: FlowRef?
    /// The press to replay in that flow once it opens: the code that opened it, or the step that
    /// asked for the family.
    var actionAfterIdentify: FlowAction?
    var lastSeen: ContinuousClock.Instant
}
