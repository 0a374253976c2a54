import Foundation
import Testing
@testable import YieldMC

/// Small hand-checkable models.
enum Models {
    /// One period; fab die 100 gross/wafer, A = 1 cm², D0 = 0.5, α = 2, 20 wafers; no back end.
    static func dieOnly(alpha: Double = 2, d0: Double = 0.5) -> YieldInput {
        YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 100)], stations: [],
            fab: YieldFab(clusteringAlpha: alpha, sortYield: 1, dieTypes: [
                YieldDieType(name: "die", grossDiesPerWafer: 100, dieAreaSquareCentimetres: 1,
                             defectDensityPerCm2: [d0], wafersPerPeriod: [20]),
            ]),
            products: [])
    }

    /// One product, 5,000 starts, three steps with yields 0.99 (c = 50), 0.95 (c = 200), 0.98 (no spread),
    /// ample capacity, lots of 1,000 units.
    static func routeOnly() -> YieldInput {
        YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 1000)],
            stations: [YieldStation(name: "s0", toolsPerPeriod: [10])],
            products: [YieldProduct(name: "X", demandPerPeriod: [0], routes: [
                YieldRoute(site: "A", startsPerPeriod: [5000], steps: [
                    YieldStep(name: "a", stationIndex: 0, secondsPerUnit: 1, nominalYield: 0.99, yieldConcentration: 50),
                    YieldStep(name: "b", stationIndex: 0, secondsPerUnit: 1, nominalYield: 0.95, yieldConcentration: 200),
                    YieldStep(name: "c", stationIndex: 0, secondsPerUnit: 1, nominalYield: 0.98),
                ]),
            ])],
            unitsPerLot: 1000)
    }

    /// Fab-limited, capacity-limited line (worked in `zeroVariabilityIsDeterministic`).
    static func line(variability: Variability = .full) -> YieldInput {
        YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 30)],
            stations: [
                YieldStation(name: "bond", toolsPerPeriod: [2], availability: 0.9, utilizationCap: 0.8),
                YieldStation(name: "test", toolsPerPeriod: [1], mtbfHours: 90, mttrHours: 10),
            ],
            fab: YieldFab(clusteringAlpha: 2, sortYield: 0.95, dieTypes: [
                YieldDieType(name: "die", grossDiesPerWafer: 500, dieAreaSquareCentimetres: 0.5,
                             defectDensityPerCm2: [0.2], wafersPerPeriod: [10]),
            ]),
            products: [YieldProduct(name: "X", demandPerPeriod: [4000], demandCV: 0.1, routes: [
                YieldRoute(site: "A", startsPerPeriod: [5000], fabDieType: 0, fabDiesPerUnit: 1, steps: [
                    YieldStep(name: "bond", stationIndex: 0, secondsPerUnit: 10, nominalYield: 0.98, yieldConcentration: 100),
                    YieldStep(name: "test", stationIndex: 1, secondsPerUnit: 30, nominalYield: 0.95),
                ]),
            ])],
            unitsPerLot: 500, variability: variability)
    }
}

@Suite("estimator against closed forms")
struct EstimatorTests {
    @Test("mean die yield equals the negative binomial formula (1 + A·D0/α)^(−α) within 5 SE", arguments: [0.5, 2.0])
    func dieYieldIsNegativeBinomial(alpha: Double) throws {
        // A·D0 = 0.5: α = 2 → 1.25^−2 = 0.64; α = 0.5 → 2^−0.5 = 0.707107 (domain-data §7.2).
        let expected = pow(1 + 0.5 / alpha, -alpha)
        let report = try YieldEstimator(input: Models.dieOnly(alpha: alpha)).run(.trials(1000), seed: 7)
        let die = try #require(report.dieYields.first)
        #expect(Swift.abs(die.negativeBinomialYield - expected) < 1e-12)
        #expect(Swift.abs(die.dieYield.mean - expected) < 5 * die.dieYield.standardError,
                "mean \(die.dieYield.mean) ± \(die.dieYield.standardError) vs \(expected)")
        // The spread is real: per-trial yield of 20 wafers has sd ≈ sd(e^(−A·D))/√20 > 0.02 here.
        #expect(die.dieYield.standardDeviation > 0.02)
    }

    @Test("mean route yield equals the product of the step means within 5 SE (both lot samplers)",
          arguments: [LotSampling.betaBinomialTable, .betaThenBinomial])
    func routeYieldIsProductOfSteps(lotSampling: LotSampling) throws {
        // 0.99 · 0.95 · 0.98 = 0.921690
        var input = Models.routeOnly()
        input.lotSampling = lotSampling
        let report = try YieldEstimator(input: input).run(.trials(2000), seed: 8)
        let x = try #require(report.products.first)
        #expect(Swift.abs(x.nominalRouteYield - 0.92169) < 1e-12)
        #expect(Swift.abs(x.routeYield.mean - 0.92169) < 5 * x.routeYield.standardError,
                "mean \(x.routeYield.mean) ± \(x.routeYield.standardError)")
        // Lot-to-lot spread: a beta with c = 50 alone gives sd √(0.99·0.01/51)/√5 lots ≈ 0.0062 per trial.
        #expect(x.routeYield.standardDeviation > 0.004)
        // Plenty of capacity: good = route flow, so mean good = 5000 × mean route yield (same trials).
        #expect(Swift.abs(x.goodUnits.mean - 5000 * x.routeYield.mean) < 1e-6)
    }

    @Test("with no variability every trial reproduces the deterministic answer")
    func zeroVariabilityIsDeterministic() throws {
        // Dies: 10 wafers × 500 × (1 + 0.5·0.2/2)^−2 × 0.95 = 5000 × 0.907029478 × 0.95 = 4308.39 < 5000 starts,
        // so 4308.39 units start. Bond load 4308.39 × 10 s; test load 4308.39 × 0.98 × 30 s = 126,666.7 s.
        // Bond capacity 2 × 30 h × 0.9 × 0.8 × 3600 = 155,520 s (not binding); test capacity
        // 1 × 30 h × 90/(90+10) × 1 × 3600 = 97,200 s (binding, fraction 0.76737).
        let dies = 10 * 500 * pow(1.05, -2) * 0.95
        let testLoad = dies * 0.98 * 30
        let fraction = 97_200 / testLoad
        let good = dies * 0.98 * 0.95 * fraction
        let report = try YieldEstimator(input: Models.line(variability: .none)).run(.trials(9), seed: 1)
        let x = try #require(report.products.first)
        for value in [x.goodUnits.mean, x.goodUnits.p5, x.goodUnits.p50, x.goodUnits.p95, x.deterministicGoodUnits] {
            #expect(Swift.abs(value - good) <= 1e-12 * good, "\(value) vs \(good)")
        }
        #expect(x.goodUnits.standardDeviation == 0)
        #expect(Swift.abs(x.routeYield.mean - 0.98 * 0.95) < 1e-15)   // (n·0.98·0.95)/n, one rounding
        #expect(x.probabilityMeetDemand == 0)               // 2,972 good < 4,000 demand
        #expect(Swift.abs(x.expectedShortfallUnits - (4000 - good)) <= 1e-9)
        #expect(report.stations.map(\.bindingFraction) == [0, 1])
        #expect(Swift.abs(report.stations[1].meanUtilization - 1) < 1e-15)
        #expect(Swift.abs(report.stations[0].meanUtilization - dies * 10 / 155_520) < 1e-12)
    }

    @Test("same seed gives bit-identical reports with 1, 2 and 8 threads (partial last block included)")
    func threadCountIndependence() throws {
        var input = Models.line()
        input.fab?.dieTypes[0].wafersPerPeriod = [3]   // a cheaper trial; every random source is still on
        let estimator = try YieldEstimator(input: input)
        let trials = YieldEstimator.trialsPerWave + 2 * YieldEstimator.trialsPerBlock + 7
        let one = estimator.run(.trials(trials), seed: 99, threads: 1)
        let two = estimator.run(.trials(trials), seed: 99, threads: 2)
        let eight = estimator.run(.trials(trials), seed: 99, threads: 8)
        #expect(one.trials == trials)
        #expect(one == two)
        #expect(one == eight)
        let other = estimator.run(.trials(trials), seed: 100, threads: 2)
        #expect(other.products[0].goodUnits.mean != one.products[0].goodUnits.mean)
    }

    @Test("tool failures: mean up hours per tool = H·MTBF/(MTBF+MTTR) within 5 SE")
    func upHoursMean() throws {
        // Station: 4 tools × 500 h, MTBF 40 h, MTTR 10 h. Failures N ~ Poisson(2000/50 = 40); down | N ~ Gamma(N, 10).
        // E[up per tool] = 500 − 40·10/4 = 400 = 500·40/50. Var(down) = λ·E[X²] = 40·2·10² = 8000, so
        // SE(mean up per tool) = √(8000/n)/4.
        var input = Models.routeOnly()
        input.periods = [YieldPeriod(name: "P1", hoursPerTool: 500)]
        input.stations = [YieldStation(name: "s0", toolsPerPeriod: [4], mtbfHours: 40, mttrHours: 10)]
        input.variability = Variability(unitSampling: false, toolFailures: true, demandNoise: false)
        let n = 4000.0
        let report = try YieldEstimator(input: input).run(.trials(Int(n)), seed: 5)
        let se = (8000 / n).squareRoot() / 4
        #expect(Swift.abs(report.stations[0].meanUpHoursPerTool - 400) < 5 * se, "\(report.stations[0].meanUpHoursPerTool)")
    }

    @Test("demand noise with CV 1 (exponential demand): P(meet) = 1 − e^(−g/μ) and shortfall = μ e^(−g/μ), within 5 SE")
    func demandNoiseClosedForm() throws {
        // Deterministic supply g = 5000 × 0.92169 = 4608.45; demand ~ Exp(mean μ = 4000).
        var input = Models.routeOnly()
        input.products[0].demandPerPeriod = [4000]
        input.products[0].demandCV = 1
        input.variability = Variability(unitSampling: false, toolFailures: false, demandNoise: true)
        let n = 8000.0
        let report = try YieldEstimator(input: input).run(.trials(Int(n)), seed: 6)
        let x = try #require(report.products.first)
        let g = 5000 * 0.99 * 0.95 * 0.98
        let pMeet = 1 - Foundation.exp(-g / 4000)
        #expect(Swift.abs(x.probabilityMeetDemand - pMeet) < 5 * (pMeet * (1 - pMeet) / n).squareRoot())
        let shortfall = 4000 * Foundation.exp(-g / 4000)
        #expect(Swift.abs(x.expectedShortfallUnits - shortfall) < 5 * x.shortfallStandardError)
    }

    @Test("precision stopping: stops after whole waves once the relative SE target is met")
    func precisionStop() throws {
        var input = Models.line()
        input.fab?.dieTypes[0].wafersPerPeriod = [3]
        let estimator = try YieldEstimator(input: input)
        // SE ∝ 1/√n: one wave (4,096 trials) gives relative SE r1 (the precision run's first wave is this same
        // wave: same seed, same blocks), so it cannot stop there for a target of 0.85·r1. Two waves give about
        // r1/√2 = 0.71·r1 (the SD estimate would have to grow by 20 % to miss), so it stops at exactly 8,192.
        let oneWave = estimator.run(.trials(YieldEstimator.trialsPerWave), seed: 3)
        let target = 0.85 * oneWave.worstRelativeStandardError
        let report = estimator.run(.precision(relativeStandardError: target, maxTrials: 1_000_000), seed: 3, threads: 2)
        #expect(report.stoppedBy == "precisionReached")
        #expect(report.worstRelativeStandardError <= target)
        #expect(report.trials == 2 * YieldEstimator.trialsPerWave)
        let capped = estimator.run(.precision(relativeStandardError: 1e-9, maxTrials: 1000), seed: 3)
        #expect(capped.stoppedBy == "maxTrials" && capped.trials == 1000)
    }

    @Test("bad input is refused with the key path of the problem")
    func validation() {
        var input = Models.line()
        input.products[0].routes[0].steps[1].nominalYield = 1.5
        // Lots and gross dies are counts of units: whole numbers only.
        var halfLot = Models.routeOnly()
        halfLot.unitsPerLot = 1000.5
        #expect(throws: YieldInputError(path: "unitsPerLot", message: "must be a whole number ≥ 1, got 1000.5")) {
            try YieldEstimator(input: halfLot)
        }
        var halfDie = Models.dieOnly()
        halfDie.fab?.dieTypes[0].grossDiesPerWafer = 99.5
        #expect(throws: YieldInputError(path: "fab.dieTypes[0].grossDiesPerWafer",
                                        message: "must be a whole number in [0, 1e9), got 99.5")) {
            try YieldEstimator(input: halfDie)
        }
        #expect(throws: YieldInputError(path: "products[0].routes[0].steps[1].nominalYield", message: "must be in (0, 1], got 1.5")) {
            try YieldEstimator(input: input)
        }
        var bad = Models.line()
        bad.products[0].routes[0].steps[0].stationIndex = 7
        #expect(throws: YieldInputError.self) { try YieldEstimator(input: bad) }
        var short = Models.line()
        short.stations[0].toolsPerPeriod = []
        #expect(throws: YieldInputError(path: "stations[0].toolsPerPeriod", message: "has 0 entries, expected one per period (1)")) {
            try YieldEstimator(input: short)
        }
    }
}
