/// The exact law of the good dies on one wafer under the clustered defect model of the fab, and tables for the
/// good dies of many wafers.
///
/// Model (docs/yield-model.md §1): the wafer's defect density D ~ Gamma(α, mean D0); given D each of the G dies
/// is good with probability e^(−A·D), independently (good | D ~ Binomial(G, e^(−A·D))). Write s = A·D ~ Gamma(α,
/// scale θ = A·D0/α). The same conditional law arises from N ~ Poisson(G·s) defects thrown uniformly on the G
/// dies (Poisson splitting: each die gets Poisson(s) defects, independently, and is good iff it gets none). So
///   - N is negative binomial: P(N) ∝ Γ(N + α)/(Γ(α) N!) · r^N with r = Gθ/(1 + Gθ) (gamma-mixed Poisson), and
///   - given N, the number J of dies hit has the classical occupancy law, built one defect at a time:
///     P_{N+1}(J = j) = P_N(j)·j/G + P_N(j − 1)·(G − j + 1)/G, P_0(J = 0) = 1.
/// Good dies = G − J, and P(good = G − j) = Σ_N P(N)·P_N(j). Every term is positive (no cancellation), so the
/// pmf is exact to floating-point rounding; the negative binomial tail is summed until it is below 1e-18.
/// Its mean is G·(1 + θ)^(−α), the negative binomial (Stapper) yield (tested).
public enum GoodDiesPerWafer {
    /// The pmf of good dies on one wafer with `grossDies` G dies, A·D0 = `areaTimesMeanDefects` and clustering
    /// `alpha`, or nil when it would cost more than `maxWork` multiply-adds (large dies counts with very many
    /// defects per wafer); the caller then draws gamma and binomial per wafer.
    public static func law(grossDies: Int, areaTimesMeanDefects ad: Double, alpha: Double,
                           maxWork: Double = 5e7) -> DiscreteLaw? {
        var work = 0.0
        return law(grossDies: grossDies, areaTimesMeanDefects: ad, alpha: alpha, maxWork: maxWork, work: &work)
    }

    /// As `law(grossDies:areaTimesMeanDefects:alpha:maxWork:)`, adding the multiply-adds spent to `work`.
    static func law(grossDies: Int, areaTimesMeanDefects ad: Double, alpha: Double, maxWork: Double,
                    work spent: inout Double) -> DiscreteLaw? {
        let g = grossDies
        guard g >= 1, ad > 0, alpha > 0, ad.isFinite, alpha.isFinite else { return nil }
        let gd = Double(g)
        let theta = ad / alpha
        let gt = gd * theta
        let r = gt / (1 + gt)
        // Occupancy law of the dies hit, over j = lo...hi (entries outside are 0), ping-pong buffers.
        var q = [Double](repeating: 0, count: g + 1)
        var next = q
        q[0] = 1
        var lo = 0, hi = 0
        var good = [Double](repeating: 0, count: g + 1)
        var weight = 1.0   // unnormalised P(N): w(0) = 1, w(N+1) = w(N)·(N + α)/(N + 1)·r
        var total = 0.0
        var n = 0.0
        var work = 0.0
        defer { spent += work }
        while true {
            // Add P(N)·P_N(j) to P(good = G − j).
            for j in lo...hi { good[g - j] += weight * q[j] }
            total += weight
            work += Double(hi - lo + 1)
            let ratio = (n + alpha) / (n + 1) * r
            // Tail bound: for α ≥ 1 the ratios fall towards r, for α < 1 they rise towards r; either way
            // every later ratio is at most max(ratio, r) < 1 once past the mode.
            let bound = Swift.max(ratio, r)
            if bound < 1 && weight * bound / (1 - bound) <= 1e-18 * total { break }
            if work > maxWork { return nil }
            weight *= ratio
            n += 1
            // One more defect: P(j) ← P(j)·j/G + P(j − 1)·(G − j + 1)/G.
            let newHi = Swift.min(hi + 1, g)
            let newLo = Swift.max(lo, 1)
            for j in newLo...newHi {
                let stay = j <= hi ? q[j] * (Double(j) / gd) : 0
                let move = j - 1 >= lo ? q[j - 1] * (Double(g - j + 1) / gd) : 0
                next[j] = stay + move
            }
            if lo == 0 { next[0] = 0 }
            for j in lo..<newLo { q[j] = 0 }
            for j in newLo...newHi { q[j] = next[j] }
            lo = newLo
            hi = newHi
            // Drop occupancy values that can no longer matter (below 1e-40 of a unit mass).
            while lo < hi && q[lo] < 1e-40 { q[lo] = 0; lo += 1 }
            if weight > 1e200 {   // keep the unnormalised weights finite (large mean defect counts)
                weight *= 1e-200
                total *= 1e-200
                for i in good.indices { good[i] *= 1e-200 }
            }
        }
        for i in good.indices { good[i] /= total }
        return DiscreteLaw(probabilities: good).trimmed(tailMass: 1e-18)
    }
}

/// Tables for the good dies on a die type's wafers in one period: the law of one wafer (`GoodDiesPerWafer`) and
/// its sums over 2, 4, … wafers (`SumTableLadder`), so W wafers cost one table search per binary digit of W below
/// the top table and one per multiple of it (200 wafers with tables up to 32: 6 × 32 + 8, seven searches)
/// instead of W gamma and W binomial draws, with the same distribution.
public struct WaferDieTable: Sendable {
    /// The ladder of sum tables.
    public let ladder: SumTableLadder
    /// Multiply-adds spent building the law and the ladder (the estimator caps its total per model).
    public let buildWork: Double

    /// Tables for up to `maxWafers` wafers, or nil when the wafer law is impractical to compute.
    public init?(grossDies: Int, areaTimesMeanDefects ad: Double, alpha: Double, maxWafers: Int) {
        var work = 0.0
        guard let law = GoodDiesPerWafer.law(grossDies: grossDies, areaTimesMeanDefects: ad, alpha: alpha,
                                             maxWork: 5e7, work: &work),
              let ladder = SumTableLadder(law: law, maxCount: maxWafers) else { return nil }
        self.ladder = ladder
        self.buildWork = work + ladder.buildWork
    }

    /// Good dies on `wafers` wafers, four independent trials.
    @inlinable
    public func goodDies(wafers: Int, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        ladder.sum(count: wafers, rng: &rng)
    }
}
