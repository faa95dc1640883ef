/// A command that could not do what it was asked: printed as one line (`Error: …`) with a non-zero
/// exit, without the usage text that an `ArgumentParser.ValidationError` adds (that one is kept for
/// options that do not make sense together, found before the command runs).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
