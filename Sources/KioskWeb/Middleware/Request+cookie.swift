import Hummingbird

extension Request {
    /// The value of the cookie `name`, found in the `Cookie` headers without parsing the other
    /// cookies: every request reads two or three of them, and a crowded gate sends thousands a minute.
    func cookie(_ name: String) -> String? {
        for header in headers[values: .cookie] {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                let field = pair.drop { $0 == UInt8(ascii: " ") }
                guard let equals = field.firstIndex(of: UInt8(ascii: "=")),
                      field[..<equals].elementsEqual(name.utf8) else { continue }
                return String(Substring(field[field.index(after: equals)...]))
            }
        }
        return nil
    }
}
