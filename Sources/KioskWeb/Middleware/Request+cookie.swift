import Hummingbird

extension Request {
    /// The value of the cookie `name`, found in the `Cookie` fields without parsing the other cookies
    /// or copying the fields: every request reads two or three, and a crowded gate sends thousands a minute.
    func cookie(_ name: String) -> String? {
        for field in headers where field.name == .cookie {
            var rest = field.value.utf8[...]
            while !rest.isEmpty {
                let end = rest.firstIndex(of: UInt8(ascii: ";")) ?? rest.endIndex
                let pair = rest[..<end].drop { $0 == UInt8(ascii: " ") }
                if let equals = pair.firstIndex(of: UInt8(ascii: "=")), pair[..<equals].elementsEqual(name.utf8) {
                    return String(Substring(pair[pair.index(after: equals)...]))
                }
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            }
        }
        return nil
    }
}
