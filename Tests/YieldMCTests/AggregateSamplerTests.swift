import Foundation
import Testing
@testable import YieldMC

@Suite("aggregate (normal) step and wafer sampling against the per-lot / per-wafer paths")
struct AggregateSamplerTests {
    @Test("100 lots of 100 units, mean yield 0.9, concentration 20: both paths give mean and variance of losses within 5 SE")
    func lotsMatch() {
        // Closed form: losses per lot of n = 100 ~ BetaBinomial, mean n(1 − μ) = 10,
        // variance n·μ(1 − μ)(c + n)/(c + 1) = 100·0.09·120/21 = 51.428…; 100 independent lots:
        // mean 1000, variance 5142.9 (sd 71.7). With m samples SE(mean) = sd/√m and
        // SE(variance) ≈ var·√(2/(m − 1)) (near-normal sum).
        let units = SIMD4<Double>(repeating: 10_000)
        let expectedMean = 1000.0, expectedVariance = 100 * 100 * 0.09 * 120 / 21
        var perLot = SampleMoments(), aggregate = SampleMoments()
        var g1 = Xoshiro256x4(seed: 5, block: 0), g2 = Xoshiro256x4(seed: 6, block: 0)
        for _ in 0..<500 {
            let a = sampleLots(units: units, meanYield: 0.9, concentration: 20, unitsPerLot: 100, rng: &g1)
            let b = sampleAggregateLots(units: units, meanYield: 0.9, concentration: 20, unitsPerLot: 100, rng: &g2)
            for i in 0..<4 { perLot.add(10_000 - a[i]); aggregate.add(10_000 - b[i]) }
        }
        for m in [perLot, aggregate] {
            #expect(Swift.abs(m.mean - expectedMean) < 5 * (expectedVariance / m.n).squareRoot())
            #expect(Swift.abs(m.variance - expectedVariance) < 5 * expectedVariance * (2 / (m.n - 1)).squareRoot())
        }
    }

    @Test("400 wafers of 50 gross dies, A·D0 = 0.5, α = 2: both paths match the gamma-mixture mean and variance within 5 SE")
    func wafersMatch() {
        // E[p] = (1 + 0.25)^−2 = 0.64, E[p²] = (1 + 0.5)^−2 = 0.4444…;
        // per wafer: mean 50·0.64 = 32, variance 50·(0.64 − 0.4444) + 2500·(0.4444 − 0.4096) = 9.778 + 86.94 = 96.72;
        // 400 wafers: mean 12,800, variance 38,688.
        let m1 = 0.64, m2 = 1 / 2.25
        let expectedMean = 400 * 50 * m1
        let expectedVariance = 400 * (50 * (m1 - m2) + 2500 * (m2 - m1 * m1))
        var perWafer = SampleMoments(), aggregate = SampleMoments()
        var g1 = Xoshiro256x4(seed: 7, block: 0), g2 = Xoshiro256x4(seed: 8, block: 0)
        for _ in 0..<250 {
            let a = sampleWaferDies(waferCount: 400, grossDies: 50, areaTimesMeanDefects: 0.5, alpha: 2, rng: &g1)
            let b = sampleAggregateWaferDies(waferCount: 400, grossDies: 50, areaTimesMeanDefects: 0.5, alpha: 2, rng: &g2)
            for i in 0..<4 { perWafer.add(a[i]); aggregate.add(b[i]) }
        }
        for m in [perWafer, aggregate] {
            #expect(Swift.abs(m.mean - expectedMean) < 5 * (expectedVariance / m.n).squareRoot())
            #expect(Swift.abs(m.variance - expectedVariance) < 5 * expectedVariance * (2 / (m.n - 1)).squareRoot())
        }
    }
}

@Suite("aggregate threshold per lane: groups of four trials straddling it")
struct AggregateThresholdPerLaneTests {
    @Test("units near 256 lots after a 50 % step: mean and variance of the output match the closed form within 5 SE")
    func straddlingLanes() throws {
        // Lots of 100 units, so the threshold is 25,600 units. Step 1: 51,200 starts, yield 0.5, no spread:
        // N1 ~ Binomial(51,200, 0.5), mean 25,600, sd 113, so about half the lanes of each group of four are above
        // the threshold (one normal draw) and half below (every lot sampled): the mixed path.
        // Step 2: yield 0.9, concentration 20. E[good] = 51,200·0.5·0.9 = 23,040.
        // Var[good] = Var(0.9·N1) + E[losses variance] = 0.81·12,800 + 256 lots·(100·0.9·0.1·(20 + 100)/(20 + 1))
        //           = 10,368 + 256·51.43 = 23,534 (per-lot and aggregate paths have the same exact variance).
        let input = YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 1000)],
            stations: [YieldStation(name: "s0", toolsPerPeriod: [10])],
            products: [YieldProduct(name: "X", demandPerPeriod: [0], routes: [
                YieldRoute(site: "A", startsPerPeriod: [51_200], steps: [
                    YieldStep(name: "a", stationIndex: 0, secondsPerUnit: 1, nominalYield: 0.5),
                    YieldStep(name: "b", stationIndex: 0, secondsPerUnit: 1, nominalYield: 0.9, yieldConcentration: 20),
                ]),
            ])],
            unitsPerLot: 100)
        let trials = 4096
        let report = try YieldEstimator(input: input).run(.trials(trials), seed: 5, threads: 1)
        let good = report.products[0].goodUnits
        let variance = 10_368 + 256 * (100 * 0.9 * 0.1 * 120 / 21)
        #expect(Swift.abs(good.mean - 23_040) < 5 * (variance / Double(trials)).squareRoot(), "mean \(good.mean)")
        let sampleVariance = good.standardDeviation * good.standardDeviation
        #expect(Swift.abs(sampleVariance - variance) < 5 * variance * (2 / Double(trials - 1)).squareRoot(),
                "variance \(sampleVariance)")
    }
}
