extension BinaryInteger {
    /// The number in decimal, padded with zeros to `width` digits: `7.zeroPadded(2)` is `07`.
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
