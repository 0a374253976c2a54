/// An allowed interval for a number, with the words used when a value falls outside it.
///
/// `smallestNonZero` is the solver's floor: GLPK scales every row and column of the LP by powers of two, and a
/// coefficient far below the others (1e-300, or a subnormal) gives a scale factor it refuses ("invalid scale
/// factor"). A field with a floor accepts 0 (where zero is allowed) or a magnitude of at least the floor.
struct NumberRange {
    var low: Double
    var lowInclusive: Bool
    var high: Double
    var highInclusive: Bool = true
    /// Smallest accepted value other than zero (0 = no floor). See the type's comment.
    var smallestNonZero: Double = 0

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

    /// The same range with a solver floor: values other than 0 must be at least `floor` in magnitude.
    func solverFloor(_ floor: Double) -> NumberRange {
        var r = self
        r.smallestNonZero = floor
        return r
    }

    func contains(_ x: Double) -> Bool {
        (lowInclusive ? x >= low : x > low) && (highInclusive ? x <= high : x < high) && !belowFloor(x)
    }

    /// True when `x` is a nonzero magnitude below the solver floor.
    private func belowFloor(_ x: Double) -> Bool { x != 0 && abs(x) < smallestNonZero }

    /// Planner words for why `x` is outside.
    func complaint(_ x: Double) -> String {
        let shown = NodeReader.format(x)
        let inside = (lowInclusive ? x >= low : x > low) && (highInclusive ? x <= high : x < high)
        if inside, belowFloor(x) {
            let zero = low == 0 && lowInclusive ? "0 or " : ""
            return "is too small for the LP solver (\(shown)): give \(zero)at least "
                + "\(NodeReader.format(smallestNonZero)) (GLPK cannot scale smaller coefficients)"
        }
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
