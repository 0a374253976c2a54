/// Poisson distributions with means fixed for a whole run (e.g. the tool failures of one station in one period,
/// λ = tool-hours / (MTBF + MTTR)), tabulated once so that a draw is an inversion by comparisons only: no exp,
/// no division and no data-dependent multiplication chain per draw.
///
/// All CDFs live in one flat array, so the trial kernel reads them from the model without copying a table
/// (no reference counting in the hot loop). The CDF of each mean is the recursion P(0) = e^(−λ),
/// P(k) = P(k−1)·λ/k (own `exp`, bit-identical on every machine), summed up to where the remaining mass is
/// below 2e-18; the last entry is set to 1, so the search always stops. That is the distribution of the
/// sequential-search inversion of `poisson(mean:)`, up to the rounding of the cumulative sums (~1e-16).
struct PoissonTables: Sendable {
    /// Largest tabulated mean. Above it a table would be long and the search slow: `add` returns nil and the
    /// caller draws with `poisson(mean:)` (PTRS).
    static let maximumMean = 64.0

    /// The concatenated CDFs.
    private(set) var cdf: [Double] = []
    /// Start of each table in `cdf`.
    private(set) var start: [Int] = []
    /// First index searched: every k below it has cdf[k] < `skipBelow`, so a uniform u ≥ cdf[first − 1] is known
    /// to be ≥ all of them (the rare u below it searches from 0).
    private(set) var first: [Int] = []
    /// cdf[first − 1] of each table (0 if first = 0).
    private(set) var firstBound: [Double] = []

    /// Probability mass skipped by the fast start of the search (lanes below it search from 0).
    static let skipBelow = 1.0 / 4096

    init() {}

    /// Tabulates Poisson(`mean`) and returns its index, or nil if the mean is not in (0, `maximumMean`].
    mutating func add(mean lambda: Double) -> Int? {
        guard lambda > 0, lambda <= Self.maximumMean else { return nil }
        let base = cdf.count
        var p = VectorMath.exp(-lambda)
        var cumulative = p
        cdf.append(cumulative)
        var k = 0.0
        // Past k = 2λ the terms fall at least by half per step, so the tail beyond a term p is below 2p: stop
        // once that is below 2e-18 (or the sum has rounded to 1).
        while cumulative < 1 && !(k >= 2 * lambda && p < 1e-18) {
            k += 1
            p = p * lambda / k
            cumulative += p
            cdf.append(cumulative)
        }
        cdf[cdf.count - 1] = 1
        var f = 0
        let entries = cdf.count - base
        cdf.append(1)   // padding: the search reads pairs of entries, up to one past the last
        while cdf[base + f] < Self.skipBelow { f += 1 }
        start.append(base)
        first.append(f)
        firstBound.append(f > 0 ? cdf[base + f - 1] : 0)
        counts.append(entries)
        return start.count - 1
    }

    /// Entries of each table (values 0 ..< count; the padding entry after them is not counted).
    private(set) var counts: [Int] = []

    /// Entries of table `i`.
    func count(_ i: Int) -> Int { counts[i] }
}

extension Xoshiro256x4 {
    /// Four Poisson draws with the tabulated mean `i` of `tables`: k = number of CDF entries ≤ u for one uniform
    /// u per lane, found by a lane-synchronous search (one broadcast compare per k, until every lane's u is
    /// below the CDF). Same distribution as `poisson(mean:)` (see `PoissonTables`).
    @inline(__always)
    mutating func poisson(table i: Int, of tables: PoissonTables) -> SIMD4<Double> {
        let u = uniform()
        return tables.cdf.withUnsafeBufferPointer { cdf in
            let base = tables.start[i]
            var j = tables.first[i]
            // Lanes with u below cdf[first − 1] (probability < 1/4096 each) search from 0.
            if j > 0 && any(u .< SIMD4(repeating: tables.firstBound[i])) { j = 0 }
            // k counts in integer lanes (a true mask lane is −1), converted to double once at the end through the
            // 2^52 exponent trick (exact for 0 ≤ k < 2^52).
            // Two entries per step: u ≥ cdf[j + 1] implies u ≥ cdf[j] (the CDF is monotone), so the loop can stop
            // once no lane is at or above cdf[j + 1]; the padding 1 after each table keeps j + 1 in range.
            var k = SIMD4<Int64>(repeating: Int64(j))
            while true {
                let above0 = u .>= SIMD4(repeating: cdf[base &+ j])
                let above1 = u .>= SIMD4(repeating: cdf[base &+ j &+ 1])
                k &-= unsafeBitCast(above0, to: SIMD4<Int64>.self) &+ unsafeBitCast(above1, to: SIMD4<Int64>.self)
                if !any(above1) { break }
                j &+= 2
            }
            return unsafeBitCast(k &+ SIMD4(repeating: 0x4330_0000_0000_0000), to: SIMD4<Double>.self) - 0x1p52
        }
    }
}
