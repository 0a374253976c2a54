/// Exact sampler of the units lost in a lot of r < L units (the partial last lot of a step), for lot yield
/// Y ~ Beta(a, b) and good | Y ~ Binomial(r, Y): the losses are BetaBinomial(r, b, a), drawn in one step by
/// inversion instead of a beta draw followed by a binomial draw.
///
/// P(0 | r) = Π_{i<r} (a + i)/(a + b + i) depends only on r, so it is tabulated once per step for every
/// r = 0 … L (own log/exp, bit-identical on every machine, as in `BetaBinomialTable`); a draw looks up its lane's
/// P(0 | r) and searches with P(k+1) = P(k)·(r − k)(b + k)/((k + 1)(a + r − k − 1)). With the usual lot
/// yields (mean losses r·b/(a + b) of a few units) the search ends after a handful of steps. Exact up to the
/// rounding of the recursion (~1e-15), like the lot tables.
///
/// Used by `CompiledModel.sampleDispersedStep` for the partial lot of steps that have a lot table.
public struct PartialLotSampler: Sendable {
    /// Lot size L (units).
    public let lotSize: Double
    /// a = mean·c (good units' beta parameter) and b = (1 − mean)·c (lost units').
    let a: Double
    let b: Double
    /// P(no loss | r units) for r = 0 … L.
    let noLoss: [Double]

    /// The sampler for lots of up to `lotSize` units with mean yield `meanYield` and concentration
    /// `concentration` (a + b), or nil if some P(0 | r) would underflow (e^−700) or lots exceed 100,000 units (the
    /// caller then draws beta and binomial).
    public init?(lotSize: Double, meanYield: Double, concentration: Double) {
        let a = meanYield * concentration, b = (1 - meanYield) * concentration
        guard lotSize >= 1, lotSize <= 100_000, a > 0, b >= 0 else { return nil }
        var table = [1.0]
        var logP = 0.0
        var i = 0.0
        while i < lotSize {
            logP += VectorMath.log((a + i) / (a + b + i))
            guard logP > -700 else { return nil }
            table.append(VectorMath.exp(logP))
            i += 1
        }
        self.lotSize = lotSize
        self.a = a
        self.b = b
        noLoss = table
    }

    /// Units lost in a lot of `units` (whole, 0 ≤ units ≤ L, per lane), one uniform per lane, lane-synchronous
    /// search up to the largest loss among the lanes. A lane with 0 units loses 0.
    @inline(__always)
    public func losses(units r: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        let u = rng.uniform()
        // Table index r from the mantissa of r + 2^52 (exact for whole r), clamped to L for memory safety.
        let clamped = r.replacing(with: lotSize, where: r .> lotSize)
        let index = unsafeBitCast(clamped + 0x1p52, to: SIMD4<UInt64>.self) & SIMD4(repeating: 0x000F_FFFF_FFFF_FFFF)
        var px = noLoss.withUnsafeBufferPointer { p in
            SIMD4(p[Int(truncatingIfNeeded: index[0])], p[Int(truncatingIfNeeded: index[1])],
                  p[Int(truncatingIfNeeded: index[2])], p[Int(truncatingIfNeeded: index[3])])
        }
        var cdf = px
        var k = SIMD4<Int64>.zero
        var active = (r .> 0) .& (u .> cdf)
        // As in `binomialInversion`: finished lanes run on without blends and never become active again.
        var step = 0.0
        while any(active) {
            step += 1
            px = px * ((r - (step - 1)) * (b + (step - 1))) / (step * (a + r - step))
            cdf = cdf + px
            k &-= unsafeBitCast(active, to: SIMD4<Int64>.self)
            active = active .& (u .> cdf) .& (SIMD4(repeating: step) .< r)
        }
        return unsafeBitCast(k &+ SIMD4(repeating: 0x4330_0000_0000_0000), to: SIMD4<Double>.self) - 0x1p52
    }
}
