/// Four Welford summaries side by side, one per SIMD trial lane, for one metric of one block of trials.
///
/// The trial kernel produces each metric as a vector of four trials; adding the vector to four running summaries
/// is one vector update (one `divpd` pair instead of four dependent scalar divisions). At the end of the block
/// the lanes are merged in lane order 0, 1, 2, 3 (`reduced`), so the result depends only on the block's trials,
/// never on the thread that ran it.
struct LaneMoments: Sendable {
    var count = SIMD4<Double>.zero
    var mean = SIMD4<Double>.zero
    /// Σ (x − mean)² per lane.
    var m2 = SIMD4<Double>.zero
    var minimum = SIMD4<Double>(repeating: .infinity)
    var maximum = SIMD4<Double>(repeating: -.infinity)

    init() {}

    /// Adds `x[i]` to lane i's summary for the lanes in `valid` (Welford's update, lane-wise; other lanes keep
    /// their state whatever `x` holds there, NaN included).
    @inline(__always)
    mutating func add(_ x: SIMD4<Double>, where valid: SIMDMask<SIMD4<Int64>>) {
        if all(valid) {
            // The usual case: the same operations without the blends (identical results).
            count += 1
            let delta = x - mean
            mean += delta / count
            m2 += delta * (x - mean)
            minimum = minimum.replacing(with: x, where: x .< minimum)
            maximum = maximum.replacing(with: x, where: x .> maximum)
            return
        }
        let n = count + SIMD4<Double>.one.replacing(with: 0, where: .!valid)
        let delta = x - mean
        let newMean = mean + delta / n.replacing(with: 1, where: .!valid)
        m2 = m2.replacing(with: m2 + delta * (x - newMean), where: valid)
        mean = mean.replacing(with: newMean, where: valid)
        count = n
        minimum = minimum.replacing(with: x, where: valid .& (x .< minimum))
        maximum = maximum.replacing(with: x, where: valid .& (x .> maximum))
    }

    /// The summary of lane `i`.
    func lane(_ i: Int) -> RunningMoments {
        var m = RunningMoments()
        m.count = count[i]
        m.mean = mean[i]
        m.m2 = m2[i]
        m.minimum = minimum[i]
        m.maximum = maximum[i]
        return m
    }

    /// All four lanes merged in lane order (Chan et al.).
    func reduced() -> RunningMoments {
        var m = lane(0)
        m.merge(lane(1))
        m.merge(lane(2))
        m.merge(lane(3))
        return m
    }
}
