/// A seeded random generator (SplitMix64): the same seed draws the same families, so runs compare.
struct ScaleRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// `count` distinct indices below `bound`, in the order drawn.
    mutating func distinct(_ count: Int, below bound: Int) -> [Int] {
        var drawn = Set<Int>(), order: [Int] = []
        while order.count < min(count, bound) {
            let index = Int.random(in: 0..<bound, using: &self)
            if drawn.insert(index).inserted { order.append(index) }
        }
        return order
    }
}

/// Values drawn with weights (a surname list weighted like Vietnam's).
struct Weighted<Value: Sendable>: Sendable {
    let values: [Value]
    private let cumulative: [Double]

    init(_ pairs: [(Value, Double)]) {
        values = pairs.map(\.0)
        var total = 0.0
        cumulative = pairs.map { total += $0.1; return total }
    }

    func draw(_ random: inout ScaleRandom) -> Value {
        let target = Double.random(in: 0..<cumulative.last!, using: &random)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return values[low]
    }
}
