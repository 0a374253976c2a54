import Foundation
import Testing
@testable import YieldMC

@Suite("samplers against their exact distributions")
struct SamplerTests {
    @Test("Box–Muller normals: mean 0, variance 1, within 5 standard errors")
    func normalMoments() {
        // n draws: SE(mean) = 1/√n; SE(sample variance) = √(2/n) for a normal.
        var g = Xoshiro256x4(seed: 21, block: 0)
        var m = SampleMoments()
        for _ in 0..<10_000 {
            let (a, b) = g.normalPair()
            for i in 0..<4 { m.add(a[i]); m.add(b[i]) }
        }
        #expect(Swift.abs(m.mean) < 5 / m.n.squareRoot())
        #expect(Swift.abs(m.variance - 1) < 5 * (2 / m.n).squareRoot())
    }

    @Test("gamma (Marsaglia–Tsang) shapes 2, 0.5 and 30: mean = variance = shape, within 5 SE", arguments: [2.0, 0.5, 30.0])
    func gammaMoments(shape a: Double) {
        // Gamma(a, 1): mean a, variance a, 4th central moment 3a² + 6a, so
        // SE(mean) = √(a/n) and SE(sample variance) ≈ √((3a² + 6a − a²)/n) = √((2a² + 6a)/n).
        var g = Xoshiro256x4(seed: 22, block: UInt64(a * 10))
        var m = SampleMoments()
        for _ in 0..<5_000 {
            let x = g.gamma(shape: a)
            for i in 0..<4 { #expect(x[i] >= 0); m.add(x[i]) }
        }
        #expect(Swift.abs(m.mean - a) < 5 * (a / m.n).squareRoot(), "mean \(m.mean)")
        #expect(Swift.abs(m.variance - a) < 5 * ((2 * a * a + 6 * a) / m.n).squareRoot(), "variance \(m.variance)")
    }

    @Test("gamma squeezes never accept where the exact Marsaglia–Tsang test rejects (grid over d and z)")
    func gammaSqueezeIsALowerBound() {
        // The exact test accepts (z, u) iff u < A(z) = exp(z²/2 + d(1 − v + ln v)), v = (1 + cz)³ > 0. A squeeze
        // accepts iff u < S(z); it is valid iff S(z) ≤ A(z) everywhere. Checked on 4,001 z per d from just above
        // −1/c (v → 0) to 12, against libm's exp/log; 1e-12 absolute slack for the rounding of both sides.
        for a in [1.0, 1.5, 4.0, 10.0, 156.25, 2000.0] {
            let g = GammaShape(a)
            let d = g.d[0], c = g.c[0], k = g.k[0]
            let low = -1 / c
            for i in 0...4000 {
                let z = low + (12 - low) * (Double(i) + 0.5) / 4001
                let v1 = 1 + c * z
                guard v1 > 0 else { continue }
                let v = v1 * v1 * v1
                let exact = Foundation.exp(0.5 * z * z + d * (1 - v + Foundation.log(v)))
                let m = Swift.min(v1, 1)
                let shapeSqueeze = 1 - k * z * z * z * z / m
                let mtSqueeze = 1 - 0.0331 * z * z * z * z
                #expect(shapeSqueeze <= exact + 1e-12, "a = \(a), z = \(z): \(shapeSqueeze) > \(exact)")
                #expect(mtSqueeze <= exact + 1e-12, "a = \(a), z = \(z)")
            }
        }
    }

    @Test("gamma with per-lane shapes, including shape 0 → 0")
    func gammaPerLane() {
        var g = Xoshiro256x4(seed: 23, block: 0)
        var sums = SIMD4<Double>.zero
        let rounds = 10_000
        let shape = SIMD4<Double>(0, 1, 4, 9)
        for _ in 0..<rounds { sums += g.gamma(shape: shape) }
        #expect(sums[0] == 0)
        for i in 1..<4 {
            // SE(mean) = √(a/n)
            #expect(Swift.abs(sums[i] / Double(rounds) - shape[i]) < 5 * (shape[i] / Double(rounds)).squareRoot())
        }
    }

    @Test("beta(20, 2) and beta(198, 2): mean a/(a+b) and variance ab/((a+b)²(a+b+1)) within 5 SE")
    func betaMoments() {
        for (a, b) in [(20.0, 2.0), (198.0, 2.0)] {
            var g = Xoshiro256x4(seed: 24, block: UInt64(a))
            var m = SampleMoments()
            for _ in 0..<4_000 {
                let x = g.beta(a: SIMD4(repeating: a), b: SIMD4(repeating: b))
                for i in 0..<4 { #expect(x[i] > 0 && x[i] < 1); m.add(x[i]) }
            }
            let mean = a / (a + b)
            let variance = a * b / ((a + b) * (a + b) * (a + b + 1))
            // SE(mean) = σ/√n; the variance check uses a loose 4th-moment bound SE ≈ σ²·√(8/n) (skewed beta).
            #expect(Swift.abs(m.mean - mean) < 5 * (variance / m.n).squareRoot(), "a=\(a) mean \(m.mean)")
            #expect(Swift.abs(m.variance - variance) < 5 * variance * (8 / m.n).squareRoot(), "a=\(a) var \(m.variance)")
        }
    }

    /// (n, p, draws): BTRD (n·min(p,q) ≥ 10, including p > ½ through the flip), inversion below.
    static let binomialCases: [(Int, Double)] = [(500, 0.9), (609, 0.83), (60, 0.5), (5000, 0.3), (20, 0.9), (40, 0.1), (3131, 0.96)]

    @Test("binomial χ² against the exact pmf (BTRD and inversion branches)", arguments: binomialCases)
    func binomialChiSquare(n: Int, p: Double) {
        var g = Xoshiro256x4(seed: 25, block: UInt64(n))
        var counts: [Int: Int] = [:]
        let rounds = 5_000
        for _ in 0..<rounds {
            let x = g.binomial(count: SIMD4(repeating: Double(n)), probability: SIMD4(repeating: p))
            for i in 0..<4 {
                #expect(x[i] >= 0 && x[i] <= Double(n) && x[i] == x[i].rounded())
                counts[Int(x[i]), default: 0] += 1
            }
        }
        let (chi2, dof) = chiSquare(counts: counts, total: rounds * 4, pmf: binomialPMF(n: n, p: p), support: 0...n)
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("binomial with different n and p per lane: lane means n·p within 5 SE; n = 0 and p = 0, 1 exact")
    func binomialPerLane() {
        var g = Xoshiro256x4(seed: 26, block: 0)
        let n = SIMD4<Double>(1000, 7, 250, 0), p = SIMD4<Double>(0.97, 0.4, 0.02, 0.5)
        var sums = SIMD4<Double>.zero
        let rounds = 10_000
        for _ in 0..<rounds { sums += g.binomial(count: n, probability: p) }
        #expect(sums[3] == 0)
        for i in 0..<3 {
            // SE(mean) = √(n p q / rounds)
            let se = (n[i] * p[i] * (1 - p[i]) / Double(rounds)).squareRoot()
            #expect(Swift.abs(sums[i] / Double(rounds) - n[i] * p[i]) < 5 * se, "lane \(i)")
        }
        let edge = g.binomial(count: SIMD4(10, 10, 0, 3), probability: SIMD4(0, 1, 1, 1))
        #expect(edge == SIMD4(0, 10, 0, 3))
    }

    @Test("Poisson χ² against the exact pmf: λ = 0.3, 2 (SIMD inversion) and 50 (PTRS)", arguments: [0.3, 2.0, 50.0])
    func poissonChiSquare(lambda: Double) {
        var g = Xoshiro256x4(seed: 27, block: UInt64(lambda * 10))
        var counts: [Int: Int] = [:]
        let rounds = 10_000
        for _ in 0..<rounds {
            let x = g.poisson(mean: SIMD4(repeating: lambda))
            for i in 0..<4 { counts[Int(x[i]), default: 0] += 1 }
        }
        let (chi2, dof) = chiSquare(counts: counts, total: rounds * 4, pmf: poissonPMF(lambda: lambda), support: 0...400)
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("Poisson with mixed small and large means per lane: means within 5 SE; mean 0 gives 0")
    func poissonPerLane() {
        var g = Xoshiro256x4(seed: 28, block: 0)
        let lam = SIMD4<Double>(0, 3, 12, 400)
        var sums = SIMD4<Double>.zero
        let rounds = 8_000
        for _ in 0..<rounds { sums += g.poisson(mean: lam) }
        #expect(sums[0] == 0)
        for i in 1..<4 {
            // SE(mean) = √(λ / rounds)
            #expect(Swift.abs(sums[i] / Double(rounds) - lam[i]) < 5 * (lam[i] / Double(rounds)).squareRoot(), "lane \(i)")
        }
    }
}

@Suite("beta-binomial lot table")
struct BetaBinomialTableTests {
    /// Exact pmf of losses in a lot of n with loss fraction ~ Beta(b, a): C(n,k) B(k+b, n−k+a) / B(b, a).
    static func pmf(n: Int, a: Double, b: Double) -> (Int) -> Double {
        func lbeta(_ x: Double, _ y: Double) -> Double { lgamma(x) + lgamma(y) - lgamma(x + y) }
        return { k in
            guard k >= 0 && k <= n else { return 0 }
            let logC = lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
            return Foundation.exp(logC + lbeta(Double(k) + b, Double(n - k) + a) - lbeta(b, a))
        }
    }

    @Test("table inversion χ² against the exact beta-binomial pmf", arguments: [(50.0, 0.9, 20.0), (1000.0, 0.97, 300.0)])
    func chiSquareAgainstPMF(lot: Double, mean: Double, concentration: Double) throws {
        let table = try #require(BetaBinomialTable(lotSize: lot, meanYield: mean, concentration: concentration))
        var g = Xoshiro256PlusPlus(state0: 31, state1: 32, state2: 33, state3: UInt64(lot))
        var counts: [Int: Int] = [:]
        let draws = 40_000
        for _ in 0..<draws { counts[Int(table.losses(uniform: g.uniform())), default: 0] += 1 }
        let exact = Self.pmf(n: Int(lot), a: mean * concentration, b: (1 - mean) * concentration)
        let (chi2, dof) = chiSquare(counts: counts, total: draws, pmf: exact, support: 0...Int(lot))
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("ladder: total losses of 8 lots (level 3) χ² against the 8-fold convolution of the exact pmf")
    func blockTableChiSquare() throws {
        // Lot 200, mean 0.95, c = 100 (a = 95, b = 5). The test convolves its own lgamma-based pmf.
        let table = try #require(BetaBinomialTable(lotSize: 200, meanYield: 0.95, concentration: 100))
        #expect(table.ladder.levels.count == 9)   // 1, 2, 4, …, 256 lots (the aggregate threshold)
        let block = table.ladder.levels[3]
        let one = (0...200).map(Self.pmf(n: 200, a: 95, b: 5))
        var sum = one
        for _ in 0..<7 {
            var next = [Double](repeating: 0, count: sum.count + one.count - 1)
            for i in sum.indices { for j in one.indices { next[i + j] += sum[i] * one[j] } }
            sum = next
        }
        var g = Xoshiro256PlusPlus(state0: 41, state1: 42, state2: 43, state3: 44)
        var counts: [Int: Int] = [:]
        let draws = 40_000
        for _ in 0..<draws { counts[Int(block.value(uniform: g.uniform())), default: 0] += 1 }
        let (chi2, dof) = chiSquare(counts: counts, total: draws, pmf: tabulatedPMF(sum), support: 0...(sum.count - 1))
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
        // Mean of the block = 8 · 200 · 0.05 = 80 exactly in the table's pmf (to rounding).
        var mean = 0.0
        for k in 0..<block.count { mean += (block.offset + Double(k)) * block.probability(ofIndex: k) }
        #expect(Swift.abs(mean - 80) < 1e-6, "tabulated mean \(mean)")
    }

    @Test("partial lots (0, 1, 237, 1000 units): inversion χ² against the exact beta-binomial pmf of each size")
    func partialLotChiSquare() throws {
        // Lot 1000, mean 0.97, c = 300 (a = 291, b = 9): a partial lot of r units loses BetaBinomial(r, 9, 291),
        // mean 0.03·r (7.11 for r = 237, 30 for r = 1000).
        let table = try #require(BetaBinomialTable(lotSize: 1000, meanYield: 0.97, concentration: 300))
        let sizes = [0, 1, 237, 1000]
        var g = Xoshiro256x4(seed: 53, block: 0)
        let rounds = 20_000
        let counts = laneCounts(rounds: rounds) { table.partialLotLosses(units: SIMD4(0, 1, 237, 1000), rng: &g) }
        #expect(counts[0] == [0: rounds])
        for lane in 1..<4 {
            let r = sizes[lane]
            let (chi2, dof) = chiSquare(counts: counts[lane], total: rounds, pmf: Self.pmf(n: r, a: 291, b: 9), support: 0...r)
            #expect(chi2 < chiSquareBound(dof: dof), "r = \(r): χ² = \(chi2) on \(dof) dof")
        }
    }

    @Test("partial lots of a wide lot law (sd 66 units > 24): two-stage fallback, χ² against the exact pmf")
    func partialLotFallbackChiSquare() throws {
        // Lot 1000, mean 0.9, c = 20 (a = 18, b = 2): a full lot's losses have variance
        // 1000·0.9·0.1·(20 + 1000)/21 = 4371 (sd 66): no start table, beta then binomial per partial lot.
        let table = try #require(BetaBinomialTable(lotSize: 1000, meanYield: 0.9, concentration: 20))
        #expect(!table.hasPartialLotTable)
        var g = Xoshiro256x4(seed: 54, block: 0)
        let rounds = 10_000
        let counts = pooled(laneCounts(rounds: rounds) { table.partialLotLosses(units: SIMD4(repeating: 237), rng: &g) })
        let (chi2, dof) = chiSquare(counts: counts, total: 4 * rounds, pmf: Self.pmf(n: 237, a: 18, b: 2), support: 0...237)
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("two-stage draws (beta then binomial per lot) have the same mean losses: n(1 − mean) within 5 SE")
    func twoStageMatchesTableMean() {
        // Lot 1000, mean 0.97, c = 300: E[losses] = 30; Var = n p q (a+b+n)/(a+b+1) = 1000·0.03·0.97·1300/301 = 125.7.
        var g = Xoshiro256x4(seed: 34, block: 0)
        let shape = BetaShape(mean: 0.97, concentration: 300)
        var m = SampleMoments()
        for _ in 0..<5_000 {
            let y = g.beta(shape)
            let good = g.binomial(count: SIMD4(repeating: 1000), probability: y)
            for i in 0..<4 { m.add(1000 - good[i]) }
        }
        #expect(Swift.abs(m.mean - 30) < 5 * (125.7 / m.n).squareRoot(), "mean \(m.mean)")
        #expect(Swift.abs(m.variance - 125.7) < 5 * 125.7 * (4 / m.n).squareRoot(), "variance \(m.variance)")
    }
}
