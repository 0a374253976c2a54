import Foundation
import Testing
@testable import YieldMC

/// The vectorised BTRD rejection loop (steps 2–3, `btrdRejection`) on its own, with every lane forced into it.
///
/// Working: BTRD's first uniform v is U(0, 1). If v ≤ u_r·v_r (= 0.86·v_r) the fast path returns
/// k = ⌊g(u)⌋ with u = v/v_r − 0.43 ~ U(−0.43, 0.43) and g(u) = (2a/(½ − |u|) + b)·u + c (increasing in u), so its
/// law is A(k) = |{u ∈ (−0.43, 0.43): k ≤ g(u) < k + 1}| / 0.86. Otherwise (probability 1 − u_r·v_r) the rejection
/// loop runs; call its law B. The sampler is exact, so Binomial(n, p) = u_r·v_r·A + (1 − u_r·v_r)·B, hence
/// B(k) = (pmf(k) − u_r·v_r·A(k)) / (1 − u_r·v_r). We call the loop with v ~ U(u_r·v_r, 1) in all four lanes and
/// test B by χ² (5-sigma bound), which checks steps 2, 3.0, 3.1 (recursive f(k)/f(m)) and 3.2–3.4 (squeeze and
/// Stirling test) without the fast path diluting them.
@Suite("vectorised BTRD rejection loop against its exact conditional law")
struct BTRDRejectionTests {
    /// (n, p ≤ ½): the bench's wafer case (609 gross dies, p ≈ 0.17 after the flip: |k − m| ≤ 15 mostly, step 3.1)
    /// and a wide one (npq = 1050, sd ≈ 32) use the log-factorial table's exact test; n = 20,000 is above the table
    /// (the recursive product for |k − m| ≤ 15, the squeeze and the Stirling test otherwise).
    @Test("χ² of the rejection-loop output against B = (pmf − u_r·v_r·A)/(1 − u_r·v_r)",
          arguments: [(609, 0.17), (5000, 0.3), (60, 0.5), (20_000, 0.3)])
    func rejectionLoopLaw(n: Int, p: Double) {
        let nv = SIMD4<Double>(repeating: Double(n)), pv = SIMD4<Double>(repeating: p)
        let s = BTRDSetup(n: nv, p: pv, q: 1 - pv)
        let a = s.a[0], b = s.b[0], c = s.c[0], urvr = s.urvr[0]
        func g(_ u: Double) -> Double { (2 * a / (0.5 - Swift.abs(u)) + b) * u + c }
        /// Measure of u ∈ (−0.43, 0.43) with g(u) < x, by bisection (g is increasing).
        func below(_ x: Double) -> Double {
            if g(-0.43) >= x { return 0 }
            if g(0.43) < x { return 0.86 }
            var lo = -0.43, hi = 0.43
            for _ in 0..<60 { let mid = (lo + hi) / 2; if g(mid) < x { lo = mid } else { hi = mid } }
            return lo + 0.43
        }
        let pmf = binomialPMF(n: n, p: p)
        let lawB: (Int) -> Double = { k in
            let fast = (below(Double(k + 1)) - below(Double(k))) / 0.86
            return (pmf(k) - urvr * fast) / (1 - urvr)
        }
        var g4 = Xoshiro256x4(seed: 77, block: UInt64(n))
        var counts: [Int: Int] = [:]
        let rounds = 5_000
        let all = SIMDMask<SIMD4<Int64>>(repeating: true)
        for _ in 0..<rounds {
            let v = urvr + (1 - urvr) * g4.uniform()
            let x = g4.btrdRejection(s, firstV: v, lanes: all)
            for i in 0..<4 {
                #expect(x[i] >= 0 && x[i] <= Double(n) && x[i] == x[i].rounded())
                counts[Int(x[i]), default: 0] += 1
            }
        }
        let (chi2, dof) = chiSquare(counts: counts, total: rounds * 4, pmf: lawB, support: 0...n)
        #expect(dof > 10)
        #expect(chi2 < chiSquareBound(dof: dof), "χ² = \(chi2) on \(dof) dof")
    }

    @Test("lanes outside the mask are left at 0 and masked lanes come back in range")
    func maskedLanes() {
        let nv = SIMD4<Double>(609, 609, 5000, 609), pv = SIMD4<Double>(0.17, 0.17, 0.3, 0.17)
        let s = BTRDSetup(n: nv, p: pv, q: 1 - pv)
        var g4 = Xoshiro256x4(seed: 78, block: 0)
        let lanes = SIMD4<Int64>(0, 1, 0, 1) .== 0
        for _ in 0..<1_000 {
            let x = g4.btrdRejection(s, firstV: SIMD4(repeating: 0.99), lanes: lanes)
            #expect(x[1] == 0 && x[3] == 0)
            #expect(x[0] >= 0 && x[0] <= 609 && x[2] >= 0 && x[2] <= 5000)
        }
    }
}
