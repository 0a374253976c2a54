import Foundation
import YieldMC

/// `--aggregate-bias`: the bias of the aggregate rule (above 256 lots or wafers, one normal draw with the exact
/// mean and variance) on P(meet demand) and expected shortfall, measured against the exact per-lot sampler
/// (`aggregateAboveLots` = 1e15) on models where per-lot sampling is affordable. Independent runs of `trials`
/// trials each (2 threads); the difference's SE is √(SE₁² + SE₂²).
enum AggregateBias {
    /// Worst case near the threshold: one step of 300 lots of 1,000 units, yield 0.95 with a wide lot spread
    /// (concentration 50: per-lot loss sd 31.3, total sd 541.6), demand fixed at mean − 1.645 sd = 284,109
    /// (P(meet) ≈ 0.95 under a normal law), no other randomness.
    static func nearThreshold(lots: Double = 300) -> YieldInput {
        let units = lots * 1000
        let perLotVariance = 1000 * 0.95 * 0.05 * (50 + 1000) / 51
        let sd = (lots * perLotVariance).squareRoot()
        let demand = (units * 0.95 - 1.645 * sd).rounded()
        return YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 1000)],
            stations: [YieldStation(name: "s", toolsPerPeriod: [1000])],
            products: [YieldProduct(name: "step-\(Int(lots))-lots", demandPerPeriod: [demand], routes: [
                YieldRoute(site: "A", startsPerPeriod: [units], steps: [
                    YieldStep(name: "a", stationIndex: 0, secondsPerUnit: 0.001, nominalYield: 0.95, yieldConcentration: 50),
                ]),
            ])])
    }

    static func run(trials: Int) throws {
        print("aggregate rule bias: \(trials) trials per side, aggregated (256) vs every lot sampled (exact)")
        print("model | product | P(meet) aggregated | P(meet) exact | difference ± SE | E[short] aggregated | E[short] exact | relative difference ± SE")
        let models: [(String, YieldInput)] = [
            ("300 lots, c = 50", nearThreshold(lots: 300)),
            ("1,200 lots, c = 50", nearThreshold(lots: 1200)),
            ("benchmark line (PMIC 617 lots)", BenchModel.input()),
        ]
        for (name, base) in models {
            var exact = base
            exact.aggregateAboveLots = 1e15
            let a = try YieldEstimator(input: base).run(.trials(trials), seed: 101, threads: 2)
            let e = try YieldEstimator(input: exact).run(.trials(trials), seed: 202, threads: 2)
            for (pa, pe) in zip(a.products, e.products) {
                let n = Double(trials)
                let seP = (pa.probabilityMeetDemand * (1 - pa.probabilityMeetDemand) / n
                           + pe.probabilityMeetDemand * (1 - pe.probabilityMeetDemand) / n).squareRoot()
                let dS = pa.expectedShortfallUnits / pe.expectedShortfallUnits - 1
                let seS = (pa.shortfallStandardError * pa.shortfallStandardError
                           + pe.shortfallStandardError * pe.shortfallStandardError).squareRoot() / pe.expectedShortfallUnits
                print("\(name) | \(pa.product) | \(fmt(pa.probabilityMeetDemand, 4)) | \(fmt(pe.probabilityMeetDemand, 4)) | "
                      + "\(fmt(100 * (pa.probabilityMeetDemand - pe.probabilityMeetDemand), 2)) ± \(fmt(100 * seP, 2)) pp | "
                      + "\(fmt(pa.expectedShortfallUnits, 1)) | \(fmt(pe.expectedShortfallUnits, 1)) | "
                      + "\(fmt(100 * dS, 2)) ± \(fmt(100 * seS, 2)) %")
            }
        }
    }
}
