import Foundation
import Testing
@testable import YieldMC

/// The samplers of a station's random downtime: failures N ~ Poisson(λ) from a precomputed table, then the total
/// repair time Gamma(N) as a product of uniforms (Erlang).
@Suite("tool-failure samplers: tabulated Poisson and Erlang")
struct FailureSamplerTests {
    @Test("tabulated Poisson χ² against the exact pmf: λ = 0.4, 3.6 (search from 0) and 40 (search from the 1/4096 quantile)",
          arguments: [0.4, 3.6, 40.0])
    func tabulatedPoissonChiSquare(lambda: Double) throws {
        var tables = PoissonTables()
        _ = tables.add(mean: 7)   // a table before it: offsets must be honoured
        let added = tables.add(mean: lambda)
        let i = try #require(added)
        var g = Xoshiro256x4(seed: 31, block: UInt64(lambda * 10))
        var counts: [Int: Int] = [:]
        let rounds = 10_000
        for _ in 0..<rounds {
            let x = g.poisson(table: i, of: tables)
            for lane in 0..<4 { counts[Int(x[lane]), default: 0] += 1 }
        }
        // Pearson χ² over cells of expected count ≥ 10; accepted below dof + 5·√(2·dof) (5 SD of χ²).
        let (chi2, dof) = chiSquare(counts: counts, total: rounds * 4, pmf: poissonPMF(lambda: lambda), support: 0...200)
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("tables: CDF ends at 1, the fast start skips less than 1/4096 of the mass, means outside (0, 64] are refused")
    func tableLayout() throws {
        var tables = PoissonTables()
        #expect(tables.add(mean: 0) == nil)
        #expect(tables.add(mean: 65) == nil)
        let added = tables.add(mean: 40)
        let i = try #require(added)
        let n = tables.count(i)
        let cdf = Array(tables.cdf[tables.start[i] ..< tables.start[i] + n])
        #expect(cdf.last == 1)
        // pmf(97) ≈ 1e-13 is above the cut, so the table reaches past 97; the stop rule (k ≥ 2λ and a term
        // below 1e-18, reached near k = 108 since ln pmf(110) ≈ −42.8) ends it well before 140.
        #expect(n > 97 && n < 140, "\(n) entries")
        let f = tables.first[i]
        #expect(f > 0 && cdf[f - 1] < PoissonTables.skipBelow && cdf[f] >= PoissonTables.skipBelow)
        // CDF against the closed form at k = 40: Σ_{j ≤ 40} e^−40 40^j / j! (lgamma in the test only).
        let exact = (0...40).reduce(0.0) { $0 + poissonPMF(lambda: 40)($1) }
        #expect(Swift.abs(cdf[40] - exact) < 1e-13)
    }

    @Test("Erlang with per-lane counts (0, 1, 3, 8: product of uniforms; 3, 17, 33, 70: Marsaglia–Tsang): mean = variance = N within 5 SE")
    func erlangMoments() {
        for counts in [SIMD4<Double>(0, 1, 3, 8), SIMD4<Double>(3, 17, 33, 70)] {
            var g = Xoshiro256x4(seed: 32, block: UInt64(counts[3]))
            var m = [SampleMoments](repeating: SampleMoments(), count: 4)
            let rounds = 8_000
            for _ in 0..<rounds {
                let x = g.erlang(count: counts)
                for lane in 0..<4 { m[lane].add(x[lane]) }
            }
            for lane in 0..<4 {
                let a = counts[lane]
                if a == 0 { #expect(m[lane].sum == 0); continue }
                // Gamma(a): SE(mean) = √(a/n); SE(sample variance) ≈ √((2a² + 6a)/n) (4th central moment 3a² + 6a).
                #expect(Swift.abs(m[lane].mean - a) < 5 * (a / m[lane].n).squareRoot(), "N = \(a): mean \(m[lane].mean)")
                #expect(Swift.abs(m[lane].variance - a) < 5 * ((2 * a * a + 6 * a) / m[lane].n).squareRoot(),
                        "N = \(a): variance \(m[lane].variance)")
            }
        }
    }

    @Test("Erlang χ² against the Gamma(N) CDF in 20 equal-probability cells: N = 5 and 8 (product of uniforms), 40 (Marsaglia–Tsang)",
          arguments: [5, 8, 40])
    func erlangChiSquare(n: Int) {
        // Cells [x_j, x_{j+1}) with P = 1/20 each, boundaries found by bisection on the closed-form CDF
        // F(x) = 1 − e^−x Σ_{i<N} x^i/i!. Under H0 the 19-dof χ² has mean 19 and SD √38.
        func cdf(_ x: Double) -> Double {
            var term = 1.0, sum = 1.0
            for i in 1..<n { term *= x / Double(i); sum += term }
            return 1 - Foundation.exp(-x) * sum
        }
        var bounds: [Double] = []
        for j in 1..<20 {
            var lo = 0.0, hi = Double(n) * 10 + 50
            for _ in 0..<200 { let mid = (lo + hi) / 2; if cdf(mid) < Double(j) / 20 { lo = mid } else { hi = mid } }
            bounds.append(lo)
        }
        var g = Xoshiro256x4(seed: 33, block: UInt64(n))
        var cells = [Int](repeating: 0, count: 20)
        let rounds = 5_000
        for _ in 0..<rounds {
            let x = g.erlang(count: SIMD4(repeating: Double(n)))
            for lane in 0..<4 { cells[bounds.firstIndex { x[lane] < $0 } ?? 19] += 1 }
        }
        let expected = Double(rounds * 4) / 20
        let chi2 = cells.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < chiSquareBound(dof: 19), "χ² = \(chi2) on 19 dof")
    }
}
