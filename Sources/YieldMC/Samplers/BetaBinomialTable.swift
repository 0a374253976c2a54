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
    /// Per partial-lot size r = 0 … L: (median m, P(m), P(X ≤ m), 0) of BetaBinomial(r, b, a), where the partial
    /// lot's inversion starts; nil when too costly to tabulate (then the partial lot is drawn in two stages).
    @usableFromInline let partialStart: FrozenBuffer<SIMD4<Double>>?

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
        let starts = Self.partialStarts(a: a, b: b, lotSize: Int(n), logNoLoss: logNoLoss)
        self.partialStart = starts.isEmpty ? nil : FrozenBuffer(starts)
    }

    /// The table as raw pointers for the trial kernel (copying it costs no reference counting; valid while this
    /// table, or a copy of it, is alive).
    @usableFromInline var view: LotTableView {
        LotTableView(lotSize: lotSize, a: a, b: b, ladder: ladder.view, partialStart: partialStart?.base)
    }

    /// The median of each partial lot's losses (the smallest k with P(X ≤ k) ≥ ½) and the pmf and CDF there, by the
    /// pmf recursion from P(0) = exp(logNoLoss[r]). Empty (partial lots then drawn in two stages) when a full lot's
    /// losses have a standard deviation above `maximumSpread` units (the walk from the median takes about one step
    /// per unit of |X − median|), or when the table would take more than 2·10⁷ steps.
    static func partialStarts(a: Double, b: Double, lotSize: Int, logNoLoss: [Double]) -> [SIMD4<Double>] {
        let l = Double(lotSize)
        let mean = a / (a + b)
        let variance = l * mean * (1 - mean) * (a + b + l) / (a + b + 1)
        guard variance <= maximumSpread * maximumSpread else { return [] }
        var starts: [SIMD4<Double>] = []
        starts.reserveCapacity(lotSize + 1)
        var work = 0
        for r in 0...lotSize {
            let n = Double(r)
            var p = VectorMath.exp(logNoLoss[r])
            var cdf = p
            var k = 0.0
            while k < n && cdf < 0.5 {
                p *= ((n - k) * (b + k)) / ((k + 1) * (a + n - k - 1))
                cdf += p
                k += 1
            }
            work += Int(k) + 1
            if work > 20_000_000 { return [] }
            starts.append(SIMD4(k, p, cdf, 0))
        }
        return starts
    }

    /// Largest standard deviation (units) of a full lot's losses for which partial lots are drawn by the walk
    /// from the median (measured against beta then binomial: the walk wins clearly at ~10, loses at ~60).
    static let maximumSpread = 24.0

    /// Units lost in one full lot, for a uniform `u` in [0, 1).
    @inlinable @inline(__always)
    public func losses(uniform u: Double) -> Double { single.value(uniform: u) }

    /// Units lost in a partial lot of `units` units per lane (whole numbers, 0 … L); see
    /// `LotTableView.partialLotLosses(units:rng:)`.
    @inlinable
    public func partialLotLosses(units r: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        withExtendedLifetime(self) { view.partialLotLosses(units: r, rng: &rng) }
    }

    /// Whether partial lots can be drawn by `partialLotLosses` (the per-size start table was affordable).
    public var hasPartialLotTable: Bool { partialStart != nil }

    /// Good units out of a step entered by `units` per lane; see `LotTableView.goodUnits(entering:rng:)`.
    @inlinable
    public func goodUnits(entering units: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        withExtendedLifetime(self) { view.goodUnits(entering: units, rng: &rng) }
    }

    /// Total units lost over `lots` full lots per lane (whole numbers), through the ladder of sum tables.
    @inlinable
    public func totalLosses(lots: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        ladder.sum(count: lots, rng: &rng)
    }
}

/// A `BetaBinomialTable` as raw pointers (trivially copyable: the trial kernel reads it from an array without
/// reference counting). The owner keeps the table alive while the view is used.
@usableFromInline
struct LotTableView: @unchecked Sendable {
    @usableFromInline let lotSize: Double
    @usableFromInline let a: Double
    @usableFromInline let b: Double
    @usableFromInline let ladder: LadderView
    @usableFromInline let partialStart: UnsafePointer<SIMD4<Double>>?

    @usableFromInline
    init(lotSize: Double, a: Double, b: Double, ladder: LadderView, partialStart: UnsafePointer<SIMD4<Double>>?) {
        self.lotSize = lotSize
        self.a = a
        self.b = b
        self.ladder = ladder
        self.partialStart = partialStart
    }

    /// Good units out of a step entered by `units` per lane (whole numbers): the full lots' losses through the
    /// ladder of sum tables (one search per binary digit of a lane's full-lot count), the partial lot's by
    /// `partialLotLosses`.
    @inlinable
    func goodUnits(entering units: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        let fullLots = VectorMath.floor(units * (1.0 / lotSize))
        // Guard against 1/L rounding: a lane whose full lots exceed its units loses one.
        let full = fullLots.replacing(with: fullLots - 1, where: fullLots * lotSize .> units)
        let remainder = units - full * lotSize
        let lost = ladder.sum(count: full, rng: &rng)
        var good = units - remainder - lost
        if any(remainder .> 0) {
            good += remainder - partialLotLosses(units: remainder, rng: &rng)
        }
        return good
    }

    /// Units lost in a partial lot of `units` units per lane (whole numbers, 0 … L), with the same lot yield law:
    /// BetaBinomial(r, b, a). With the start table (`partialStart`; `BetaBinomialTable.hasPartialLotTable`), by
    /// inversion with one uniform per lane:
    /// the search starts at the median m (tabulated per r with P(m) and P(X ≤ m)) and walks up
    /// (P(k+1) = P(k)·(r−k)(b+k) / ((k+1)(a+r−k−1))) or down (P(k−1) = P(k)·k(a+r−k) / ((r−k+1)(b+k−1))), about
    /// one step per unit of |X − m|. Without it, in two stages: yield ~ Beta(a, b), good ~ Binomial(r, yield).
    /// Exact up to rounding either way.
    @inlinable
    func partialLotLosses(units r: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        guard let t = partialStart else {
            let y = rng.beta(BetaShape(a: SIMD4(repeating: a), b: SIMD4(repeating: b)))
            return r - rng.binomial(count: r, probability: y)
        }
        // A raw pointer is not bounds-checked, even in debug builds: the start table has L + 1 rows.
        assert(all((r .>= 0) .& (r .<= lotSize)), "partial lot outside 0…L units")
        let s0 = t[Int(r[0])], s1 = t[Int(r[1])], s2 = t[Int(r[2])], s3 = t[Int(r[3])]
        let median = SIMD4(s0[0], s1[0], s2[0], s3[0])
        let pMedian = SIMD4(s0[1], s1[1], s2[1], s3[1])
        let cdfMedian = SIMD4(s0[2], s1[2], s2[2], s3[2])
        let u = rng.uniform()
        var k = median, p = pMedian, cdf = cdfMedian
        // Smallest k with P(X ≤ k) > u: up while u ≥ cdf, down while u < P(X ≤ k − 1) = cdf − P(k).
        var up = (u .>= cdf) .& (k .< r)
        var down = (u .< cdf - p) .& (k .> 0)
        while any(up .| down) {
            // One division per step: P(k+1)/P(k) in lanes going up, P(k−1)/P(k) in lanes going down. The ratio
            // does not depend on p, so the division runs beside the multiply chain.
            let left: SIMD4<Double> = r - k
            let upNumerator: SIMD4<Double> = left * (b + k)
            let upDenominator: SIMD4<Double> = (k + 1) * (a + left - 1)
            let downNumerator: SIMD4<Double> = k * (a + left)
            let downDenominator: SIMD4<Double> = (left + 1) * (b + k - 1)
            let numerator = upNumerator.replacing(with: downNumerator, where: down)
            let denominator = upDenominator.replacing(with: downDenominator, where: down)
            let pNext = p * (numerator / denominator)
            let moving = up .| down
            cdf = cdf.replacing(with: cdf + pNext, where: up).replacing(with: cdf - p, where: down)
            p = p.replacing(with: pNext, where: moving)
            k = k.replacing(with: k + 1, where: up).replacing(with: k - 1, where: down)
            up = up .& (u .>= cdf) .& (k .< r)
            down = down .& (u .< cdf - p) .& (k .> 0)
        }
        return k
    }
}
