import Foundation
import Testing
@testable import YieldMC

/// Quantile confidence intervals: order-statistic ranks from the binomial law, and their coverage in the estimator.
@Suite("quantile intervals cover sampling error")
struct QuantileIntervalTests {
    @Test("order-statistic ranks match the binomial tables")
    func ranksFromTheBinomialLaw() {
        // Median of n = 100: Bin(100, ½) has P(B ≤ 39) = 0.0176 ≤ 0.025 < P(B ≤ 40) = 0.0284, so l = 40, and by
        // symmetry P(B ≥ 61) = 0.0176 ≤ 0.025 < P(B ≥ 60), so u = 61: the textbook interval [X_(40), X_(61)].
        let median = OrderStatistics.confidenceRanks(samples: 100, quantile: 0.5)
        #expect(median.lower == 40 && median.upper == 61)
        // P5 of n = 20: P(B ≤ 0) = 0.95²⁰ = 0.358 > 0.025, so no lower rank (0); P(B ≥ 3) = 1 − 0.3585 − 0.3774 −
        // 0.1887 = 0.0755, P(B ≥ 4) = 0.0755 − 0.0596 = 0.0159 ≤ 0.025: u = 4.
        let p5 = OrderStatistics.confidenceRanks(samples: 20, quantile: 0.05)
        #expect(p5.lower == 0 && p5.upper == 4)
    }

    /// One step of yield 0.9 without lot spread on 100,000 starts: good ~ Binomial(100,000, 0.9), whose exact
    /// quantiles the test sums itself. Over 120 seeds of 400 trials each, the 95 % intervals must cover the true P5,
    /// P50 and P95 in ≥ 95 % − 3 SE of the runs (SE of a coverage of 0.95 over 120 runs: √(0.95·0.05/120) = 0.0199,
    /// bound 0.890). Their half-width must be near the sampling error of a sample quantile,
    /// 1.96·√(q(1−q)/n)/f(ξ) with f the normal density of sd 94.87: 19.6 units at P5/P95, 11.6 at P50 (the
    /// binomial's unit steps and the bins widen it slightly): between 0.7× and 1.6× that.
    @Test("95 % intervals cover the true binomial quantiles in ≥ 89 % of 120 seeds and are as wide as sampling error")
    func coverageOfTheBinomialQuantiles() throws {
        let n = 100_000, y = 0.9
        let truth = [0.05, 0.5, 0.95].map { binomialQuantile(n: n, p: y, q: $0) }
        let sd = (Double(n) * y * (1 - y)).squareRoot()
        let input = YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 1000)],
            stations: [YieldStation(name: "s", toolsPerPeriod: [1000])],
            products: [YieldProduct(name: "X", demandPerPeriod: [0], routes: [
                YieldRoute(site: "A", startsPerPeriod: [Double(n)], steps: [
                    YieldStep(name: "a", stationIndex: 0, secondsPerUnit: 0.001, nominalYield: y),
                ]),
            ])])
        let estimator = try YieldEstimator(input: input)
        let runs = 120, trials = 400
        var covered = [0, 0, 0]
        var halfWidth = [0.0, 0.0, 0.0]
        for seed in 0..<runs {
            let g = try #require(estimator.run(.trials(trials), seed: UInt64(1000 + seed)).products.first).goodUnits
            for (i, interval) in [g.p5Interval, g.p50Interval, g.p95Interval].enumerated() {
                if interval.lower <= truth[i] && truth[i] <= interval.upper { covered[i] += 1 }
                halfWidth[i] += (interval.upper - interval.lower) / 2 / Double(runs)
            }
        }
        for (i, q) in [0.05, 0.5, 0.95].enumerated() {
            #expect(Double(covered[i]) / Double(runs) >= 0.890, "q = \(q): covered \(covered[i]) of \(runs)")
            let z = [1.644854, 0.0, 1.644854][i]
            let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot() / sd
            let expected = 1.96 * (q * (1 - q) / Double(trials)).squareRoot() / density
            #expect(halfWidth[i] > 0.7 * expected && halfWidth[i] < 1.6 * expected,
                    "q = \(q): mean half-width \(halfWidth[i]) vs \(expected)")
        }
    }

    /// Volumes like the flagship's: 1e9 starts, yield 0.9: good ~ Binomial(1e9, 0.9), sd 9,487 units. With bins over
    /// [0, starts] (488,281 units wide) P5, P50 and P95 coincided. Now P95 − P5 must be 2·1.644854·9,487 = 31,209
    /// within 5 SE (SE of a sample quantile at n = 20,000: √(0.0475/20,000)/(0.10314/9,487) = 141.8 units; of the
    /// difference ≤ 2·141.8), and each interval must hold its true quantile (normal to within the binomial's
    /// skewness −0.8/9,487: under 0.01 units here).
    @Test("on 1e9 units P5 < P50 < P95 with the binomial's spread, and each interval holds the true quantile")
    func quantilesResolveHighVolumes() throws {
        let n = 1e9, y = 0.9
        let sd = (n * y * (1 - y)).squareRoot()
        let input = YieldInput(
            periods: [YieldPeriod(name: "P1", hoursPerTool: 1000)],
            stations: [YieldStation(name: "s", toolsPerPeriod: [1e6])],
            products: [YieldProduct(name: "X", demandPerPeriod: [0], routes: [
                YieldRoute(site: "A", startsPerPeriod: [n], steps: [
                    YieldStep(name: "a", stationIndex: 0, secondsPerUnit: 0.001, nominalYield: y),
                ]),
            ])])
        let g = try #require(try YieldEstimator(input: input).run(.trials(20_000), seed: 3).products.first).goodUnits
        #expect(g.p5 < g.p50 && g.p50 < g.p95)
        #expect(Swift.abs((g.p95 - g.p5) - 2 * 1.644854 * sd) < 5 * 2 * 141.8, "P95 − P5 = \(g.p95 - g.p5)")
        for (interval, z) in [(g.p5Interval, -1.644854), (g.p50Interval, 0), (g.p95Interval, 1.644854)] {
            let truth = n * y + z * sd
            #expect(interval.lower <= truth && truth <= interval.upper, "\(interval) vs \(truth)")
        }
        #expect(g.histogramBinWidth < sd / 50)
        #expect(g.quantileErrorBound > 0 && g.quantileErrorBound < sd / 5)
    }

    /// Smallest k with P(Binomial(n, p) ≤ k) ≥ q, by summing the pmf from 0 (ln k! as a running sum of logs).
    func binomialQuantile(n: Int, p: Double, q: Double) -> Double {
        var logFactorial = [0.0]
        for k in 1...n { logFactorial.append(logFactorial[k - 1] + log(Double(k))) }
        let logP = log(p), logQ = log(1 - p)
        var cumulative = 0.0
        for k in 0...n {
            let kd = Double(k)
            cumulative += exp(logFactorial[n] - logFactorial[k] - logFactorial[n - k] + kd * logP + Double(n - k) * logQ)
            if cumulative >= q { return kd }
        }
        return Double(n)
    }
}
