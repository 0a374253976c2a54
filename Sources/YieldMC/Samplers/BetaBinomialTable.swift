/// Exact sampler of the units lost in full lots: per lot, Losses ~ BetaBinomial(L, b, a), the marginal of
/// "lot yield Y ~ Beta(a, b), good | Y ~ Binomial(L, Y)" (losses = L − good), by inversion of tables.
///
/// a = mean·c and b = (1 − mean)·c are the same for every full lot of a step, so the pmf is computed once
/// (recursion P(k+1) = P(k)·(L−k)(b+k) / ((k+1)(a+L−k−1)) from P(0) = Π_{i<L} (a+i)/(a+b+i), with own
/// exp/log so the table is bit-identical on every machine). The total losses of 2, 4, …, 256 independent lots
/// are tabulated too (`SumTableLadder`: the pmf convolved with itself by repeated squaring), so a step with
/// F full lots costs one table search per binary digit of F (e.g. 104 = 64 + 32 + 8: three) instead of F beta
/// and F binomial draws.
/// Exact up to the floating-point rounding of the tabulated CDFs (~1e-15).
public struct BetaBinomialTable: Sendable {
    /// Lot size L.
    public let lotSize: Double
    /// Losses of 1, 2, 4, … full lots.
    public let ladder: SumTableLadder
    /// Losses of one full lot.
    public var single: InversionTable { ladder.levels[0] }
    /// Beta parameters of the good fraction (a) and of the loss fraction (b).
    @usableFromInline let a: Double
    @usableFromInline let b: Double
    /// ln P(no loss in r units) = Σ_{i<r} ln((a+i)/(a+b+i)) for r = 0 … L: where the partial lot's inversion starts.
    @usableFromInline let logNoLoss: [Double]

    /// A table for lots of `lotSize` units with mean step yield `meanYield` and beta concentration
    /// `concentration`, or nil if it would be impractical (P(0) underflows or one lot has more than 200,000 values);
    /// the caller then draws beta and binomial per lot.
    public init?(lotSize: Double, meanYield: Double, concentration: Double) {
        let a = meanYield * concentration        // beta parameter of the good fraction
        let b = (1 - meanYield) * concentration  // beta parameter of the loss fraction
        let n = lotSize
        guard n >= 1, a > 0 else { return nil }
        guard n <= 1_000_000 else { return nil }
        var pmf: [Double]
        var logNoLoss = [0.0]
        if b <= 0 {
            pmf = [1]   // no losses ever
            logNoLoss = Array(repeating: 0, count: Int(n) + 1)
        } else {
            var logP0 = 0.0
            var i = 0.0
            while i < n { logP0 += VectorMath.log((a + i) / (a + b + i)); i += 1; logNoLoss.append(logP0) }
            guard logP0 > -700 else { return nil }
            var p = VectorMath.exp(logP0)
            pmf = [p]
            var cumulative = p
            var k = 0.0
            while k < n && 1 - cumulative > 1e-17 {
                p *= (n - k) * (b + k) / ((k + 1) * (a + n - k - 1))
                cumulative += p
                pmf.append(p)
                k += 1
                if pmf.count > 200_000 { return nil }
            }
        }
        guard let ladder = SumTableLadder(law: DiscreteLaw(probabilities: pmf),
                                          maxCount: Int(aggregateThresholdLots)) else { return nil }
        self.lotSize = n
        self.ladder = ladder
        self.a = a
        self.b = b
        self.logNoLoss = logNoLoss
    }

    /// Units lost in one full lot, for a uniform `u` in [0, 1).
    @inlinable @inline(__always)
    public func losses(uniform u: Double) -> Double { single.value(uniform: u) }

    /// Units lost in a partial lot of `units` units per lane (whole numbers, 0 … L), with the same lot yield law:
    /// BetaBinomial(r, b, a), by sequential-search inversion from P(0) (tabulated per r) with the pmf recursion
    /// P(k+1) = P(k)·(r−k)(b+k) / ((k+1)(a+r−k−1)); one uniform per lane, about mean-losses + 1 steps. Exact up to
    /// rounding, like the two-stage draw "yield ~ Beta(a, b), good ~ Binomial(r, yield)" it replaces.
    @inlinable
    public func partialLotLosses(units r: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        let start = logNoLoss.withUnsafeBufferPointer { t in
            SIMD4(t[Int(r[0])], t[Int(r[1])], t[Int(r[2])], t[Int(r[3])])
        }
        var p = VectorMath.exp(start)
        var cdf = p
        var k = SIMD4<Double>.zero
        let u = rng.uniform()
        var active = (u .>= cdf) .& (r .> 0)
        while any(active) {
            // The ratio does not depend on p, so the division runs beside the multiply chain.
            let ratio = ((r - k) * (b + k)) / ((k + 1) * (a + r - k - 1))
            p = p * ratio
            k = k.replacing(with: k + 1, where: active)
            cdf = cdf + p
            active = active .& (u .>= cdf) .& (k .< r)
        }
        return k
    }

    /// Total units lost over `lots` full lots per lane (whole numbers), through the ladder of sum tables.
    @inlinable
    public func totalLosses(lots: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        ladder.sum(count: lots, rng: &rng)
    }
}
