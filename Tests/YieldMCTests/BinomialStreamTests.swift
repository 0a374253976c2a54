import Foundation
import Testing
@testable import YieldMC

/// The streaming per-wafer binomial (`binomialSum`): every lane runs its own sequence of BTRD draws, so the tests
/// use sums whose exact law is known.
@Suite("streaming wafer binomials against exact sums")
struct BinomialStreamTests {
    /// Pmf of the sum of independent Binomial(n, p_i), by convolution.
    static func sumPMF(n: Int, probabilities: [Double]) -> [Double] {
        var total = [1.0]
        for p in probabilities {
            let f = binomialPMF(n: n, p: p)
            let one = (0...n).map(f)
            var next = [Double](repeating: 0, count: total.count + n)
            for (i, a) in total.enumerated() where a > 1e-300 {
                for (j, b) in one.enumerated() { next[i + j] += a * b }
            }
            total = next
        }
        return total
    }

    @Test("5 wafers of 609 dies, one p per lane (0.83, 0.2, 0.5, 0.95: both sides of ½): each lane's sum is Binomial(3045, p), χ²")
    func constantYieldPerLane() {
        // A sum of 5 independent Binomial(609, p) is Binomial(5·609, p).
        let lanes = SIMD4<Double>(0.83, 0.2, 0.5, 0.95)
        let yields = [SIMD4<Double>](repeating: lanes, count: 5)
        var g = Xoshiro256x4(seed: 91, block: 0)
        var counts = [[Int: Int]](repeating: [:], count: 4)
        let calls = 5_000
        yields.withUnsafeBufferPointer { buffer in
            for _ in 0..<calls {
                let x = g.binomialSum(count: 609, probabilities: buffer)
                for i in 0..<4 { counts[i][Int(x[i]), default: 0] += 1 }
            }
        }
        for i in 0..<4 {
            let (chi2, dof) = chiSquare(counts: counts[i], total: calls, pmf: binomialPMF(n: 3045, p: lanes[i]), support: 0...3045)
            #expect(chi2 < chiSquareBound(dof: dof), "lane \(i): χ² = \(chi2) on \(dof) dof")
        }
    }

    /// χ² of 4,000 calls of `binomialSum(count: 609, …)` over `yields` (4 lanes each) against `pmf`.
    static func streamChiSquare(yields: [SIMD4<Double>], pmf: [Double], seed: UInt64) -> (chi2: Double, dof: Int) {
        var g = Xoshiro256x4(seed: seed, block: 0)
        let calls = 4_000
        let counts = yields.withUnsafeBufferPointer { buffer in
            laneCounts(rounds: calls) { g.binomialSum(count: 609, probabilities: buffer) }
        }
        return chiSquare(counts: pooled(counts), total: calls * 4, pmf: tabulatedPMF(pmf), support: 0...(pmf.count - 1))
    }

    @Test("3 wafers with different yields (0.83, 0.4, 0.9) in every lane: χ² against the convolution of the three pmfs")
    func varyingYields() {
        let ps = [0.83, 0.4, 0.9]
        let (chi2, dof) = Self.streamChiSquare(yields: ps.map { SIMD4<Double>(repeating: $0) },
                                               pmf: Self.sumPMF(n: 609, probabilities: ps), seed: 92)
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("wafers mixing n·min(p, q) < 10 (inversion) and ≥ 10 (streaming BTRD): χ² against the convolution")
    func mixedEligibility() {
        // 609 dies, p = 0.995 (n·q ≈ 3: inversion) and p = 0.83 (BTRD) in every lane, alternating lanes too.
        let yields = [SIMD4<Double>(0.995, 0.83, 0.995, 0.83), SIMD4<Double>(0.83, 0.995, 0.83, 0.995)]
        let (chi2, dof) = Self.streamChiSquare(yields: yields, pmf: Self.sumPMF(n: 609, probabilities: [0.995, 0.83]),
                                               seed: 94)
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("yields with n·p < 10 fall back to per-wafer draws: lane means n·Σp within 5 SE")
    func fallback() {
        // 20 dies, p = 0.3 (n·p = 6 < 10): mean 4·6 = 24 per call over 4 wafers, variance 4·20·0.21 = 16.8.
        let yields = [SIMD4<Double>](repeating: SIMD4(repeating: 0.3), count: 4)
        var g = Xoshiro256x4(seed: 93, block: 0)
        var m = SampleMoments()
        yields.withUnsafeBufferPointer { buffer in
            for _ in 0..<5_000 {
                let x = g.binomialSum(count: 20, probabilities: buffer)
                for i in 0..<4 { m.add(x[i]) }
            }
        }
        #expect(Swift.abs(m.mean - 24) < 5 * (16.8 / m.n).squareRoot())
    }

    @Test("log-factorial table: ln k! within 1e-13 relative of lgamma(k + 1)")
    func logFactorialTable() {
        let table = LogFactorialTable.values
        #expect(table[0] == 0 && table[1] == 0)
        for k in [2, 3, 10, 100, 609, 1000, 5000, LogFactorialTable.count - 1] {
            let exact: Double = lgamma(Double(k + 1))
            #expect(Swift.abs(table[k] - exact) <= 1e-13 * exact, "k = \(k): \(table[k]) vs \(exact)")
        }
    }
}
