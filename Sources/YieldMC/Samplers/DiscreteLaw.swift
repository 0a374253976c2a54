/// A probability distribution on the whole numbers `offset ..< offset + probabilities.count`, as a table of
/// probabilities. It is how the exactly tabulated laws of the estimator (a lot's losses, a wafer's good dies, and
/// sums of many of them) are built before they become `InversionTable`s.
public struct DiscreteLaw: Sendable, Hashable {
    /// The smallest value with a tabulated probability.
    public var offset: Int
    /// probabilities[i] = P(X = offset + i).
    public var probabilities: [Double]

    public init(offset: Int = 0, probabilities: [Double]) {
        self.offset = offset
        self.probabilities = probabilities
    }

    /// Σ P(X = k): 1 up to rounding and the trimmed tails.
    public var totalMass: Double { probabilities.reduce(0, +) }

    /// E[X] (of the tabulated mass, normalised).
    public var mean: Double {
        var s = 0.0
        for (i, p) in probabilities.enumerated() { s += Double(offset + i) * p }
        return s / totalMass
    }

    /// Var[X] (of the tabulated mass, normalised).
    public var variance: Double {
        let m = mean
        var s = 0.0
        for (i, p) in probabilities.enumerated() { let d = Double(offset + i) - m; s += d * d * p }
        return s / totalMass
    }

    /// The law of the sum of two independent variables with laws `self` and `other` (a direct convolution:
    /// every product of two probabilities added in a fixed order, so the result is the same on every machine),
    /// with both tails trimmed where their mass is below `tailMass` times the total.
    public func convolved(with other: DiscreteLaw, tailMass: Double = 1e-18) -> DiscreteLaw {
        let nx = probabilities.count, ny = other.probabilities.count
        guard nx > 0, ny > 0 else { return DiscreteLaw(offset: offset + other.offset, probabilities: []) }
        var out = [Double](repeating: 0, count: nx + ny - 1)
        out.withUnsafeMutableBufferPointer { o in
            probabilities.withUnsafeBufferPointer { x in
                other.probabilities.withUnsafeBufferPointer { y in
                    guard let ob = o.baseAddress, let yb = y.baseAddress else { return }
                    for i in 0..<nx {
                        let xi = x[i]
                        if xi == 0 { continue }
                        let row = ob + i
                        for j in 0..<ny { row[j] += xi * yb[j] }
                    }
                }
            }
        }
        return DiscreteLaw(offset: offset + other.offset, probabilities: out).trimmed(tailMass: tailMass)
    }

    /// The same law without its lowest and highest values whose cumulated mass (from either end) is at most
    /// `tailMass` times the total. Nothing is renormalised: the inversion table built from it ends at 1.
    public func trimmed(tailMass: Double) -> DiscreteLaw {
        let limit = tailMass * totalMass
        var lo = 0, hi = probabilities.count - 1
        var below = 0.0
        while lo < hi && below + probabilities[lo] <= limit { below += probabilities[lo]; lo += 1 }
        var above = 0.0
        while hi > lo && above + probabilities[hi] <= limit { above += probabilities[hi]; hi -= 1 }
        guard lo > 0 || hi < probabilities.count - 1 else { return self }
        return DiscreteLaw(offset: offset + lo, probabilities: Array(probabilities[lo...hi]))
    }
}
