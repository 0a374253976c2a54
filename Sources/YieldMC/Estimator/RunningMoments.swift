/// Count, mean, sum of squared deviations (Welford), minimum and maximum of a stream of values.
/// Merging two summaries (Chan et al.) is exact in real arithmetic; in floating point the result depends on the
/// merge order, which is why blocks are always merged in block order.
@frozen
public struct RunningMoments: Sendable, Hashable {
    public var count: Double = 0
    public var mean: Double = 0
    /// Σ (x − mean)².
    public var m2: Double = 0
    public var minimum: Double = .infinity
    public var maximum: Double = -.infinity

    public init() {}

    /// Adds one value (Welford's update).
    @inlinable
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / count
        m2 += delta * (x - mean)
        if x < minimum { minimum = x }
        if x > maximum { maximum = x }
    }

    /// Adds another summary (parallel-variance merge).
    @inlinable
    public mutating func merge(_ other: RunningMoments) {
        if other.count == 0 { return }
        if count == 0 { self = other; return }
        let n = count + other.count
        let delta = other.mean - mean
        mean += delta * (other.count / n)
        m2 += other.m2 + delta * delta * (count * other.count / n)
        count = n
        if other.minimum < minimum { minimum = other.minimum }
        if other.maximum > maximum { maximum = other.maximum }
    }

    /// Sample variance (n − 1 denominator); 0 below two values.
    public var variance: Double { count > 1 ? m2 / (count - 1) : 0 }
    /// Standard error of the mean: √(variance / n).
    public var standardError: Double { count > 1 ? (variance / count).squareRoot() : 0 }
}
