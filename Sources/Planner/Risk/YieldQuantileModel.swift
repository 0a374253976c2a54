import Foundation
import LineModel
import YieldMC

/// `--yield-quantile Q` outside (0, 1).
public struct YieldQuantileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var quantile: Double
    public init(quantile: Double) { self.quantile = quantile }
    public var description: String { "--yield-quantile must be in (0, 1), got \(quantile)" }
}

extension LineModel {
    /// A conservative (or optimistic) variant of the model for planning: nominal yields replaced by the Monte Carlo
    /// estimator's `quantile`-quantiles (Q = 0.1: yields that are beaten 90 % of the time).
    ///
    /// Rule (docs/risk.md):
    /// - Route yield per product: the Q-quantile of one lot's route yield Π_k Y_k, Y_k ~ Beta(μ_k c_k, (1 − μ_k) c_k)
    ///   (steps without a concentration contribute μ_k), from `samples` draws; every step yield of the product is
    ///   scaled by the common factor (q / Π μ_k)^(1/steps), capped at 1, so the route yield equals the quantile.
    /// - Die yield per period: the per-wafer yield e^(−A·D), D ~ Gamma(α, mean D0), is decreasing in D, so its
    ///   Q-quantile is e^(−A·D_(1−Q)) for every die type at once; it is mapped back to the D0' that gives the same
    ///   negative-binomial yield (1 + A·D0'/α)^(−α) for the fab's largest die type:
    ///   D0' = α·(e^(A·D_(1−Q)/α) − 1)/A (smaller die types then get a slightly lower yield than their own quantile).
    /// Reproducible: draws from `Xoshiro256x4(seed:block:)` with one block per product / period.
    public func withYieldQuantile(_ quantile: Double, seed: UInt64 = 1, samples: Int = 20_000) throws(YieldQuantileError) -> LineModel {
        guard quantile > 0 && quantile < 1 else { throw YieldQuantileError(quantile: quantile) }
        var m = self
        let groups = Swift.max(1, samples / 4)
        func quantileOf(_ values: [Double], _ q: Double) -> Double {
            let sorted = values.sorted()
            let i = Swift.min(sorted.count - 1, Swift.max(0, Int((q * Double(sorted.count)).rounded(.down))))
            return sorted[i]
        }
        for (pi, product) in products.enumerated() {
            let nominal = product.route.reduce(1.0) { $0 * $1.yield }
            guard !product.route.isEmpty, nominal > 0,
                  product.route.contains(where: { ($0.yieldConcentration ?? 0) > 0 && $0.yield < 1 }) else { continue }
            var rng = Xoshiro256x4(seed: seed, block: UInt64(pi))
            var draws: [Double] = []
            draws.reserveCapacity(groups * 4)
            for _ in 0..<groups {
                var y = SIMD4<Double>.one
                for step in product.route {
                    if let c = step.yieldConcentration, c > 0, step.yield < 1 {
                        y *= rng.beta(BetaShape(mean: step.yield, concentration: c))
                    } else {
                        y *= SIMD4(repeating: step.yield)
                    }
                }
                for l in 0..<4 { draws.append(y[l]) }
            }
            let q = quantileOf(draws, quantile)
            let factor = Foundation.pow(q / nominal, 1 / Double(product.route.count))
            for k in m.products[pi].route.indices {
                m.products[pi].route[k].yield = Swift.min(1, m.products[pi].route[k].yield * factor)
            }
        }
        if let fab, fab.clusteringAlpha > 0 {
            let areas = fab.dieTypes.compactMap { dieType($0)?.areaSquareCentimetres }
            if let area = areas.max(), area > 0 {
                let alpha = fab.clusteringAlpha
                var schedule: [String: Double] = [:]
                for (t, period) in periods.enumerated() {
                    let d0 = fab.defectDensity(periodIndex: t, periods: periods)
                    guard d0 > 0 else { schedule[period.id] = d0; continue }
                    var rng = Xoshiro256x4(seed: seed, block: UInt64(products.count + t))
                    let shape = GammaShape(alpha)
                    var draws: [Double] = []
                    draws.reserveCapacity(groups * 4)
                    for _ in 0..<groups {
                        let g = rng.gamma(shape) * (d0 / alpha)
                        for l in 0..<4 { draws.append(g[l]) }
                    }
                    let dq = quantileOf(draws, 1 - quantile)
                    schedule[period.id] = alpha * (Foundation.exp(area * dq / alpha) - 1) / area
                }
                m.fab?.defectDensityPerCm2 = schedule
            }
        }
        return m
    }
}
