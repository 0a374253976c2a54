/// An allowed interval for a number, with the words used when a value falls outside it.
struct NumberRange {
    var low: Double
    var lowInclusive: Bool
    var high: Double
    var highInclusive: Bool = true

    /// (0, high]: strictly positive.
    static func positive(max high: Double) -> NumberRange { .init(low: 0, lowInclusive: false, high: high) }
    /// [0, high]: zero allowed.
    static func nonNegative(max high: Double) -> NumberRange { .init(low: 0, lowInclusive: true, high: high) }
    /// (0, 1]: a yield, availability or utilization.
    static let fraction = NumberRange(low: 0, lowInclusive: false, high: 1)
    /// [low, high].
    static func between(_ low: Double, _ high: Double) -> NumberRange {
        .init(low: low, lowInclusive: true, high: high)
    }

    func contains(_ x: Double) -> Bool {
        (lowInclusive ? x >= low : x > low) && (highInclusive ? x <= high : x < high)
    }

    /// Planner words for why `x` is outside.
    func complaint(_ x: Double) -> String {
        let shown = NodeReader.format(x)
        if low == 0, high == 1, !lowInclusive {
            return "must be a fraction in (0, 1] (0.95 means 95 %), got \(shown)"
        }
        if lowInclusive ? x < low : x <= low {
            if low == 0 {
                return lowInclusive ? "must not be negative, got \(shown)" : "must be greater than 0, got \(shown)"
            }
            return "must be at least \(NodeReader.format(low)), got \(shown)"
        }
        return "is implausibly large (\(shown); at most \(NodeReader.format(high)) is accepted); check the units"
    }
}
