/// How an error is named in the log: its kind (`SQLITE_FULL`, a type's name), never its message,
/// which may quote what a person typed.
public enum ErrorKind {
    public static func of(_ error: any Error) -> String {
        (error as? DatabaseError).map { "\($0.resultCode)" } ?? "\(type(of: error))"
    }
}
