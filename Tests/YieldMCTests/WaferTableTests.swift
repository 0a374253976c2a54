import Foundation
import Testing
@testable import YieldMC

@Suite("exact tables: discrete laws, the wafer's good dies, sums of many draws")
struct WaferTableTests {
    /// E[e^(−j·s)] for s ~ Gamma(α, scale ad/α): (1 + j·ad/α)^(−α).
    static func moment(_ j: Double, ad: Double, alpha: Double) -> Double { pow(1 + j * ad / alpha, -alpha) }

    @Test("convolution of two small laws, by hand; tails trimmed")
    func convolutionByHand() {
        // X on {1, 2} with ½, ½; Y on {2, 3} with ¼, ¾: X + Y on {3, 4, 5} with ⅛, ½ (= ⅜ + ⅛), ⅜.
        let x = DiscreteLaw(offset: 1, probabilities: [0.5, 0.5])
        let y = DiscreteLaw(offset: 2, probabilities: [0.25, 0.75])
        let z = x.convolved(with: y)
        #expect(z.offset == 3)
        #expect(z.probabilities == [0.125, 0.5, 0.375])
        #expect(Swift.abs(z.mean - (1.5 + 2.75)) < 1e-15)
        // Tails of mass 1e-20 at each end go; the rest keeps its values.
        let tails = DiscreteLaw(offset: 0, probabilities: [1e-20, 0.5, 0.5, 1e-20]).trimmed(tailMass: 1e-18)
        #expect(tails.offset == 1)
        #expect(tails.probabilities == [0.5, 0.5])
    }

    @Test("inversion table with an offset: values by hand")
    func inversionTableOffset() throws {
        // Law on {10, 11, 12} with 0.2, 0.5, 0.3: CDF 0.2, 0.7, 1.
        let table = try #require(InversionTable(law: DiscreteLaw(offset: 10, probabilities: [0.2, 0.5, 0.3])))
        #expect(table.offset == 10)
        #expect(table.value(uniform: 0) == 10)
        #expect(table.value(uniform: 0.1999) == 10)
        #expect(table.value(uniform: 0.2) == 11)
        #expect(table.value(uniform: 0.6999) == 11)
        #expect(table.value(uniform: 0.7) == 12)
        #expect(table.value(uniform: 0.999999) == 12)
        // A lower tail below 1e-17 is left out and folded into the first kept value.
        let folded = try #require(InversionTable(law: DiscreteLaw(offset: 0, probabilities: [1e-19, 0.5, 0.5])))
        #expect(folded.offset == 1)
        #expect(folded.value(uniform: 0) == 1)
    }

    @Test("good dies on a wafer of 3 dies: the closed form by inclusion–exclusion")
    func threeDieWaferByHand() throws {
        // G = 3, A·D0 = 0.5, α = 2 (θ = 0.25), m_j = E[p^j] = (1 + 0.25 j)^−2: m1 = 0.64, m2 = 0.444444,
        // m3 = 0.326531. P(3 good) = m3 = 0.326531; P(2) = 3(m2 − m3) = 0.353741;
        // P(1) = 3(m1 − 2m2 + m3) = 0.232925; P(0) = 1 − 3m1 + 3m2 − m3 = 0.086803.
        let m = (0...3).map { Self.moment(Double($0), ad: 0.5, alpha: 2) }
        let exact = [1 - 3 * m[1] + 3 * m[2] - m[3], 3 * (m[1] - 2 * m[2] + m[3]), 3 * (m[2] - m[3]), m[3]]
        #expect(Swift.abs(exact[0] - 0.086803) < 1e-6 && Swift.abs(exact[3] - 0.326531) < 1e-6)
        let law = try #require(GoodDiesPerWafer.law(grossDies: 3, areaTimesMeanDefects: 0.5, alpha: 2))
        #expect(law.offset == 0 && law.probabilities.count == 4)
        for k in 0...3 {
            #expect(Swift.abs(law.probabilities[k] - exact[k]) < 1e-13, "P(\(k)) = \(law.probabilities[k]) vs \(exact[k])")
        }
    }

    @Test("good dies on a 609-die wafer: mean G·m1 and variance G(m1 − m2) + G²(m2 − m1²)",
          arguments: [(0.2, 2.0), (0.2, 0.5), (1.5, 3.0), (0.05, 1e6)])
    func waferLawMoments(ad: Double, alpha: Double) throws {
        // m_j = (1 + j·ad/α)^−α (gamma Laplace transform). E.g. ad = 0.2, α = 2: m1 = 1.1^−2 = 0.826446,
        // mean = 609 · 0.826446 = 503.31; α = 10⁶ is the Poisson limit, m1 = e^−0.05.
        // For α = 10⁶ the last term cancels badly if m2 − m1² is formed from pow(); written as
        // m1²·expm1(α(2·log1p(x) − log1p(2x))), x = ad/α, it keeps full precision.
        let g = 609.0
        let x = ad / alpha
        let m1 = Foundation.exp(-alpha * Foundation.log1p(x)), m2 = Foundation.exp(-alpha * Foundation.log1p(2 * x))
        let m2MinusM1Squared = m1 * m1 * Foundation.expm1(alpha * (2 * Foundation.log1p(x) - Foundation.log1p(2 * x)))
        let mean = g * m1
        let variance = g * (m1 - m2) + g * g * m2MinusM1Squared
        let law = try #require(GoodDiesPerWafer.law(grossDies: 609, areaTimesMeanDefects: ad, alpha: alpha))
        #expect(Swift.abs(law.totalMass - 1) < 1e-12)
        #expect(Swift.abs(law.mean - mean) < 1e-9 * mean, "mean \(law.mean) vs \(mean)")
        #expect(Swift.abs(law.variance - variance) < 1e-7 * variance, "variance \(law.variance) vs \(variance)")
    }

    @Test("too much work to tabulate: nil, so the estimator draws per wafer")
    func impracticalLaw() {
        // 100,000 dies with 2,000 defects per wafer on average would need ~10⁸ multiply-adds.
        #expect(GoodDiesPerWafer.law(grossDies: 100_000, areaTimesMeanDefects: 0.02, alpha: 2, maxWork: 1e6) == nil)
    }

    /// The k-fold convolution by plain loops (independent of `DiscreteLaw.convolved`).
    static func power(_ law: DiscreteLaw, _ k: Int) -> [Double] {
        var sum = [1.0]
        for _ in 0..<k {
            var next = [Double](repeating: 0, count: sum.count + law.probabilities.count - 1)
            for i in sum.indices { for j in law.probabilities.indices { next[i + j] += sum[i] * law.probabilities[j] } }
            sum = next
        }
        return sum
    }

    @Test("ladder sums of 5 wafers (4 + 1), same count in every lane: χ² against the 5-fold convolution")
    func ladderSameCount() throws {
        let law = try #require(GoodDiesPerWafer.law(grossDies: 40, areaTimesMeanDefects: 0.3, alpha: 2))
        let ladder = try #require(SumTableLadder(law: law, maxCount: 5))
        #expect(ladder.levels.count == 3)   // 1, 2, 4 wafers
        let exact = Self.power(law, 5)
        let base = 5 * law.offset
        var g = Xoshiro256x4(seed: 51, block: 0)
        let rounds = 10_000
        let counts = pooled(laneCounts(rounds: rounds) { ladder.sum(count: 5, rng: &g) })
        let (chi2, dof) = chiSquare(counts: counts, total: 4 * rounds, pmf: tabulatedPMF(exact, offset: base),
                                    support: base...(base + exact.count - 1))
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("ladder sums with different counts per lane (0, 1, 3, 6 lots): each lane χ² against its convolution")
    func ladderPerLaneCounts() throws {
        let law = try #require(BetaBinomialTable(lotSize: 50, meanYield: 0.9, concentration: 20))
        let single = DiscreteLaw(probabilities: (0..<law.single.count).map { law.single.probability(ofIndex: $0) })
        let lots = [0, 1, 3, 6]
        var g = Xoshiro256x4(seed: 52, block: 0)
        let rounds = 20_000
        let counts = laneCounts(rounds: rounds) { law.totalLosses(lots: SIMD4(0, 1, 3, 6), rng: &g) }
        #expect(counts[0] == [0: rounds])
        for lane in 1..<4 {
            let exact = Self.power(single, lots[lane])
            let (chi2, dof) = chiSquare(counts: counts[lane], total: rounds,
                                        pmf: tabulatedPMF(exact), support: 0...(exact.count - 1))
            #expect(chi2 < chiSquareBound(dof: dof), "lane \(lane): χ² = \(chi2) on \(dof) dof")
        }
    }

    @Test("wafer tables: shared by equal parameters, none above 256 wafers, and none once the setup budget is spent")
    func waferTableSelection() {
        // Periods: 20 wafers at D0 0.2, 20 at D0 0.2 (same law: shared), 300 wafers (aggregate rule: no table),
        // 20 at D0 0.3 (a new law).
        let die = YieldDieType(name: "d", grossDiesPerWafer: 100, dieAreaSquareCentimetres: 1,
                               defectDensityPerCm2: [0.2, 0.2, 0.2, 0.3], wafersPerPeriod: [20, 20, 300, 20])
        let tables = CompiledModel.waferTables(dies: [die], periods: 4, alpha: 2, aggregateAbove: 256)
        #expect(tables.map { $0 != nil } == [true, true, false, true])
        #expect(tables[0]?.ladder.packed === tables[1]?.ladder.packed)
        #expect(tables[0]?.ladder.levels.count == 5)   // 1, 2, 4, 8, 16 wafers ≤ 20
        // A budget of one multiply-add: the first law is built, then the budget is spent.
        let capped = CompiledModel.waferTables(dies: [die], periods: 4, alpha: 2, aggregateAbove: 256, setupWork: 1)
        #expect(capped.map { $0 != nil } == [true, true, false, false])
    }

    @Test("estimator: both wafer samplers give the closed-form mean and variance of a trial's good dies")
    func waferSamplersAgree() throws {
        // Models.dieOnly: 20 wafers × 100 dies, A·D0 = 0.5, α = 2, sort yield 1. m1 = 0.64, m2 = 1.5^−2 = 0.444444:
        // per wafer mean 64, variance 100(0.64 − 0.444444) + 100²(0.444444 − 0.4096) = 19.5556 + 348.444 = 368.0;
        // a trial's die yield = good / 2000: mean 0.64, sd √(20 · 368.0) / 2000 = 0.042895.
        let sd = (20 * 368.0).squareRoot() / 2000
        for mode in [WaferSampling.gammaBinomialTable, .gammaThenBinomial] {
            var input = Models.dieOnly()
            input.waferSampling = mode
            let report = try YieldEstimator(input: input).run(.trials(8192), seed: 11)
            let die = try #require(report.dieYields.first)
            // SE of the mean = sd/√n = 0.00047; SE of the sample sd ≈ sd/√(2n) = 0.00034 (near-normal sum).
            #expect(Swift.abs(die.dieYield.mean - 0.64) < 5 * sd / 8192.0.squareRoot(), "\(mode): \(die.dieYield.mean)")
            #expect(Swift.abs(die.dieYield.standardDeviation - sd) < 5 * sd / (2 * 8192.0).squareRoot(),
                    "\(mode): sd \(die.dieYield.standardDeviation) vs \(sd)")
        }
    }
}
