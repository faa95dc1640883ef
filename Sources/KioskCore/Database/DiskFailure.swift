/// Why the disk took no write: full, or gone read-only or failing. Such an error is the box's, not
/// the request's: a family is told to call staff, and a station still shows its verdicts.
public enum DiskFailure: Sendable {
    case full
    case cannotWrite

    /// The disk failure behind `error`, if it is one.
    public init?(_ error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_FULL: self = .full
        case .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN: self = .cannotWrite
        default: return nil
        }
    }
}
