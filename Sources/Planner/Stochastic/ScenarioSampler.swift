import Foundation
import LineModel
import YieldMC

/// Scenario variants of a line model for two-stage stochastic planning, drawn with the Monte Carlo estimator's
/// RNG and samplers. Scenario k uses `Xoshiro256x4(seed: seed, block: k)` (lane 0), so the same seed gives the
/// same scenarios, and scenario k does not depend on K.
///
/// Per scenario (docs/risk.md):
/// - step yield: for steps with a lot-yield concentration c and mean μ < 1, one draw of Beta(μc, (1 − μ)c)
///   (the yield a period behaves like if its lots move together: a deliberately pessimistic spread);
/// - station availability: for stations with MTBF/MTTR, the up fraction of the installed tools over one period of
///   the first period's hours: failures ~ Poisson(tool-hours/(MTBF + MTTR)), down time ~ Gamma(failures)·MTTR,
///   floored at 1 % (given fractions stay fixed);
/// - fab defect density D0 per period: D0 · Gamma(α)/α (mean D0);
/// - demand per product and period: demand · Gamma(1/cv²)·cv² when the product has a demand CV.
/// A model with none of these sources gives K identical copies of itself.
public enum ScenarioSampler {
    public static func scenarios(of model: LineModel, count: Int, seed: UInt64) -> [LineModel] {
        (0..<Swift.max(0, count)).map { scenario(of: model, index: $0, seed: seed) }
    }

    /// Scenario `index` of `model`.
    public static func scenario(of model: LineModel, index: Int, seed: UInt64) -> LineModel {
        var rng = Xoshiro256x4(seed: seed, block: UInt64(index))
        var m = model
        for p in m.products.indices {
            for k in m.products[p].route.indices {
                let step = m.products[p].route[k]
                if let c = step.yieldConcentration, c > 0, step.yield < 1 {
                    let y = rng.beta(BetaShape(mean: step.yield, concentration: c))[0]
                    m.products[p].route[k].yield = Swift.min(1, Swift.max(1e-6, y))
                }
            }
            let cv = m.products[p].demandCV
            if cv > 0 {
                let shape = 1 / (cv * cv)
                for period in model.periods.map(\.id) {
                    guard let d = m.products[p].demand[period], d > 0 else { continue }
                    m.products[p].demand[period] = d * rng.gamma(shape: shape)[0] / shape
                }
            }
        }
        let hours = model.periods.first?.hoursPerTool ?? 0
        for s in m.sites.indices {
            for j in m.sites[s].stations.indices {
                let st = m.sites[s].stations[j]
                guard case .reliability(let mtbf, let mttr) = st.availability, st.installedTools > 0, hours > 0 else { continue }
                let calendar = Double(st.installedTools) * hours
                let failures = rng.poisson(mean: SIMD4(repeating: calendar / (mtbf + mttr)))
                let down = (rng.gamma(shape: failures) * mttr)[0]
                m.sites[s].stations[j].availability = .fraction(Swift.min(1, Swift.max(0.01, 1 - down / calendar)))
            }
        }
        if let fab = model.fab, fab.clusteringAlpha > 0 {
            let alpha = fab.clusteringAlpha
            var schedule: [String: Double] = [:]
            for (t, period) in model.periods.enumerated() {
                let d0 = fab.defectDensity(periodIndex: t, periods: model.periods)
                schedule[period.id] = d0 > 0 ? d0 * rng.gamma(shape: alpha)[0] / alpha : d0
            }
            m.fab?.defectDensityPerCm2 = schedule
        }
        return m
    }
}
