import Foundation
import Testing
@testable import YieldMC

/// Die supply: the fab's sorted good dies first, capped suppliers up to their caps, an uncapped supplier last.
///
/// The model: one period, one die type made by the fab, 10 wafers of 100 gross dies, A·D0 = 1, α = 1, sort 1,
/// so the per-wafer yield p = e^(−A·D) with A·D ~ Exponential(1) has E[p] = m1 = (1 + 1)^(−1) = 1/2 and
/// E[p²] = m2 = (1 + 2)^(−1) = 1/3. Fab dies: mean 10·100·m1 = 500; per-wafer variance
/// G(m1 − m2) + G²(m2 − m1²) = 100/6 + 10⁴/12 = 850, so 8,500 for 10 wafers (sd 92.2). Never more than 1,000.
/// Capped suppliers deliver up to 300 dies. One route, one die per unit, one step of yield 1 on an idle station.
@Suite("die supply: fab, capped and uncapped suppliers")
struct DieSupplyTests {
    static func model(starts: Double, cap: Double = 300, unlimited: Bool = false,
                      variability: Variability = .full) -> YieldInput {
        YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 1000)],
            stations: [YieldStation(name: "s", toolsPerPeriod: [10])],
            fab: YieldFab(clusteringAlpha: 1, sortYield: 1, dieTypes: [
                YieldDieType(name: "die", grossDiesPerWafer: 100, dieAreaSquareCentimetres: 1,
                             defectDensityPerCm2: [1], wafersPerPeriod: [10], cappedPurchasePerPeriod: [cap],
                             unlimitedPurchase: unlimited),
            ]),
            products: [YieldProduct(name: "X", demandPerPeriod: [800], routes: [
                YieldRoute(site: "A", startsPerPeriod: [starts], fabDieType: 0, fabDiesPerUnit: 1, steps: [
                    YieldStep(name: "a", stationIndex: 0, secondsPerUnit: 0.001, nominalYield: 1),
                ]),
            ])],
            variability: variability)
    }

    @Test("at the means: 1,000 starts get 500 fab + 300 capped dies, so 800 good units and a fab share of 0.5")
    func deterministicCappedSupplierBesideTheFab() throws {
        // Fab dies 10·100·(1/2) = 500, capped 300: 800 < 1,000 needed, starts cut to 800, all good (yield 1).
        let report = try YieldEstimator(input: Self.model(starts: 1000, variability: .none)).run(.trials(8), seed: 1)
        let x = try #require(report.products.first)
        let s = try #require(report.dieYields.first).supply
        #expect(Swift.abs(x.deterministicGoodUnits - 800) < 1e-9)
        #expect(Swift.abs(s.meanDiesNeeded - 1000) < 1e-9)
        #expect(Swift.abs(s.meanDiesFromFab - 500) < 1e-9)
        #expect(Swift.abs(s.meanDiesFromCappedSuppliers - 300) < 1e-9)
        #expect(s.meanDiesFromUncappedSuppliers == 0)
        #expect(Swift.abs(s.fabShare - 0.5) < 1e-12)
        #expect(s.probabilityShort == 1)
        // With an uncapped supplier the last 200 dies are bought there and nothing is cut.
        let open = try YieldEstimator(input: Self.model(starts: 1000, unlimited: true, variability: .none))
        #expect(Swift.abs(open.deterministicGoodUnits()[0][0] - 1000) < 1e-9)
        let o = try #require(open.run(.trials(8), seed: 1).dieYields.first).supply
        #expect(Swift.abs(o.meanDiesFromUncappedSuppliers - 200) < 1e-9)
        #expect(o.probabilityShort == 0)
    }

    @Test("random fab dies: 2,000 starts are always short, so good = fab dies + 300 (mean 800, sd 92.2)")
    func alwaysShortGoodIsFabPlusCap() throws {
        // Fab dies ≤ 1,000, so fab + 300 < 2,000 in every trial: the capped suppliers give all 300 every time and
        // the starts are cut to fab + 300 (floor of 2,000 · available/2,000: at most 1 unit less).
        let n = 20_000
        let report = try YieldEstimator(input: Self.model(starts: 2000)).run(.trials(n), seed: 11)
        let x = try #require(report.products.first)
        let s = try #require(report.dieYields.first).supply
        let se = (8500.0 / Double(n)).squareRoot()   // 0.652
        #expect(Swift.abs(s.meanDiesFromFab - 500) < 5 * se, "fab dies \(s.meanDiesFromFab)")
        #expect(s.meanDiesFromCappedSuppliers == 300)
        #expect(s.probabilityShort == 1)
        #expect(Swift.abs(x.goodUnits.mean - 800) < 5 * se + 1, "good \(x.goodUnits.mean)")
        // sd of fab dies 92.195; the sample sd's SE ≈ sd·√((κ − 1)/(4n)) ≤ 92.2·√(4/80,000) = 0.65 for a kurtosis
        // κ ≤ 5 (the sum of 10 wafers is close to normal, κ ≈ 3); 5 SE = 3.3, plus 1 unit of flooring.
        #expect(Swift.abs(x.goodUnits.standardDeviation - 8500.0.squareRoot()) < 3.3 + 1,
                "sd \(x.goodUnits.standardDeviation)")
        #expect(Swift.abs(s.fabShare - 500.0 / 2000) < 5 * se / 2000)
    }

    @Test("with an uncapped supplier nothing is cut: 2,000 good units, uncapped buys 2,000 − fab − 300 (mean 1,200)")
    func uncappedSupplierCoversTheRest() throws {
        let n = 20_000
        let report = try YieldEstimator(input: Self.model(starts: 2000, unlimited: true)).run(.trials(n), seed: 12)
        let x = try #require(report.products.first)
        let s = try #require(report.dieYields.first).supply
        let se = (8500.0 / Double(n)).squareRoot()
        #expect(x.goodUnits.minimum == 2000 && x.goodUnits.maximum == 2000)
        #expect(x.probabilityMeetDemand == 1)
        #expect(s.probabilityShort == 0)
        #expect(Swift.abs(s.meanDiesFromUncappedSuppliers - 1200) < 5 * se)
        #expect(Swift.abs(s.meanDiesFromFab + s.meanDiesFromCappedSuppliers + s.meanDiesFromUncappedSuppliers - 2000) < 1e-6)
    }

    @Test("a die type the fab does not make (no wafers) is limited by its caps alone")
    func cappedOnlyDieType() throws {
        // 0 wafers: 0 fab dies; cap 300 of 1,000 needed → 300 good units in every trial.
        var input = Self.model(starts: 1000)
        input.fab?.dieTypes[0].wafersPerPeriod = [0]
        let report = try YieldEstimator(input: input).run(.trials(1000), seed: 3)
        let x = try #require(report.products.first)
        #expect(x.goodUnits.minimum == 300 && x.goodUnits.maximum == 300)
        #expect(try #require(report.dieYields.first).supply.fabShare == 0)
    }
}
