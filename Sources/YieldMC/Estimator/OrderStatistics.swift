/// Distribution-free confidence intervals for quantiles from order statistics.
///
/// For n independent draws of X and its q-quantile ξ, the number B of draws ≤ ξ is Binomial(n, q) (for a
/// continuous X; for a discrete one the counts only move the interval outwards). So [X_(l), X_(u)], the l-th and
/// u-th smallest draws, covers ξ with probability P(l ≤ B ≤ u − 1) ≥ 1 − α when l is the largest rank with
/// P(B ≤ l − 1) ≤ α/2 and u the smallest with P(B ≥ u) ≤ α/2 (e.g. David & Nagaraja, *Order Statistics*, 3rd ed.,
/// §7.1). The ranks come from the exact binomial law, tabulated around its mode (mass beyond 12 standard
/// deviations, below 1e-30, is left out).
enum OrderStatistics {
    /// Ranks (1-based) of the order statistics bounding the q-quantile with confidence ≥ 1 − alpha: `lower` = 0
    /// means no lower bound exists at this n (−∞), `upper` = n + 1 no upper bound (+∞).
    static func confidenceRanks(samples n: Int, quantile q: Double, alpha: Double = 0.05) -> (lower: Int, upper: Int) {
        guard n > 0, q > 0, q < 1 else { return (0, n + 1) }
        let sd = (Double(n) * q * (1 - q)).squareRoot()
        let mode = Swift.min(n, Swift.max(0, Int(Double(n + 1) * q)))
        let width = Int(12 * sd) + 20
        let first = Swift.max(0, mode - width), last = Swift.min(n, mode + width)
        // pmf(k) relative to pmf(mode), by the ratio pmf(k + 1)/pmf(k) = (n − k)/(k + 1) · q/(1 − q).
        var pmf = [Double](repeating: 0, count: last - first + 1)
        pmf[mode - first] = 1
        let odds = q / (1 - q)
        var k = mode
        while k < last { pmf[k + 1 - first] = pmf[k - first] * Double(n - k) / Double(k + 1) * odds; k += 1 }
        k = mode
        while k > first { pmf[k - 1 - first] = pmf[k - first] * Double(k) / Double(n - k + 1) / odds; k -= 1 }
        let total = pmf.reduce(0, +)
        let tail = alpha / 2 * total
        var lower = first, below = 0.0   // below = P(B ≤ lower − 1) · total
        while lower <= last && below + pmf[lower - first] <= tail { below += pmf[lower - first]; lower += 1 }
        var upper = last + 1, above = 0.0   // above = P(B ≥ upper) · total
        while upper - 1 >= first && above + pmf[upper - 1 - first] <= tail { above += pmf[upper - 1 - first]; upper -= 1 }
        return (lower, upper)
    }
}
