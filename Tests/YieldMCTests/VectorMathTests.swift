import Foundation
import Testing
@testable import YieldMC

@Suite("own exp/log/floor/cos-sin kernels")
struct VectorMathTests {
    /// Inputs spanning many binades: (1e-12, 1] and e^[-600, 600], deterministic.
    static let logInputs: [Double] = {
        var g = Xoshiro256PlusPlus(state0: 9, state1: 8, state2: 7, state3: 6)
        var xs: [Double] = [1, 2, 0.5, Double.leastNormalMagnitude, 1e-300, 0x1p-53, 0.9999999999999999]
        for _ in 0..<4000 { xs.append(1e-12 + g.uniform()) }
        for _ in 0..<4000 { xs.append(Foundation.exp(1200 * g.uniform() - 600)) }
        return xs
    }()

    @Test("log: max relative error vs libm ≤ 4e-16, and SIMD lanes equal scalar bit for bit")
    func logAccuracy() {
        var worst = 0.0
        let xs = Self.logInputs
        var i = 0
        while i + 4 <= xs.count {
            let v = SIMD4(xs[i], xs[i + 1], xs[i + 2], xs[i + 3])
            let lv = VectorMath.log(v)
            for j in 0..<4 {
                let ref = Foundation.log(xs[i + j])
                let mine = VectorMath.log(xs[i + j])
                #expect(mine.bitPattern == lv[j].bitPattern)
                if ref != 0 { worst = Swift.max(worst, Swift.abs(mine - ref) / Swift.abs(ref)) } else { #expect(mine == 0) }
            }
            i += 4
        }
        #expect(worst <= 4e-16, "max rel error \(worst)")
    }

    @Test("log1p: relative error vs libm ≤ 1e-15 from 1e-300 to 1e6 (and −0.9); the gamma Laplace transform")
    func log1pAccuracy() {
        var g = Xoshiro256PlusPlus(state0: 15, state1: 16, state2: 17, state3: 18)
        var worst = 0.0
        var xs: [Double] = [1e-300, 1e-20, 1e-9, -1e-9, -0.5, -0.9, 1, 1e6]
        for _ in 0..<4000 { xs.append(Foundation.exp(40 * g.uniform() - 35)) }   // e^[−35, 5]
        for x in xs {
            let ref = Foundation.log1p(x)
            worst = Swift.max(worst, Swift.abs(VectorMath.log1p(x) - ref) / Swift.abs(ref))
        }
        #expect(worst <= 1e-15, "max rel error \(worst)")
        // (1 + 0.25)^−2 = 0.64 (A·D0 = 0.5, α = 2: the negative binomial die yield); the Poisson limit α = 10⁶ of
        // A·D0 = 0.05 is e^−0.05 within 1.25e-9 (the next term of the expansion: e^−0.05·0.05²/(2α)).
        #expect(Swift.abs(VectorMath.gammaLaplaceTransform(1, shape: 2, scale: 0.25) - 0.64) < 1e-15)
        #expect(Swift.abs(VectorMath.gammaLaplaceTransform(1, shape: 1e6, scale: 0.05e-6) - Foundation.exp(-0.05))
                < 1.3e-9)
    }

    @Test("exp: max relative error vs libm ≤ 4e-16 on [-700, 700], SIMD lanes equal scalar")
    func expAccuracy() {
        var g = Xoshiro256PlusPlus(state0: 5, state1: 6, state2: 7, state3: 8)
        var worst = 0.0
        for _ in 0..<2000 {
            let v = SIMD4(1400 * g.uniform() - 700, 60 * g.uniform() - 30, g.uniform() - 0.5, -2 * g.uniform())
            let ev = VectorMath.exp(v)
            for j in 0..<4 {
                let mine = VectorMath.exp(v[j])
                #expect(mine.bitPattern == ev[j].bitPattern)
                worst = Swift.max(worst, Swift.abs(mine - Foundation.exp(v[j])) / Foundation.exp(v[j]))
            }
        }
        #expect(worst <= 4e-16, "max rel error \(worst)")
        #expect(VectorMath.exp(0.0) == 1)
    }

    @Test("floor matches Foundation floor, including negatives and exact integers")
    func floorMatches() {
        let xs: [Double] = [-2.5, -2, -1.0000001, -0.5, -0.0, 0, 0.49999999999999994, 0.5, 1, 1.5, 2.5, 1e15 + 0.5, -1e15 - 0.5]
        for x in xs {
            #expect(VectorMath.floor(x) == Foundation.floor(x), "x = \(x)")
            #expect(VectorMath.floor(SIMD4(repeating: x))[0] == Foundation.floor(x))
        }
    }

    @Test("cos/sin of a random angle match libm at the encoded angle within 2e-16 absolute")
    func cosSin() {
        // θ = q·π/2 + (f − 1/2)·π/2 where q = top 2 bits and f = low 52 bits / 2^52.
        var g = Xoshiro256x4(seed: 11, block: 0)
        var worst = 0.0
        for _ in 0..<1000 {
            let bits = g.next()
            let (c, s) = VectorMath.cosSinOfRandomAngle(bits)
            for j in 0..<4 {
                let q = Double(bits[j] >> 62)
                let f = Double(bits[j] & 0x000F_FFFF_FFFF_FFFF) * 0x1p-52
                let theta = q * Double.pi / 2 + (f - 0.5) * (Double.pi / 2)
                worst = Swift.max(worst, Swift.abs(c[j] - Foundation.cos(theta)), Swift.abs(s[j] - Foundation.sin(theta)))
            }
        }
        // Angle rounding (θ up to 7π/4 ≈ 5.5, ulp ≈ 9e-16) dominates the reference side; the kernel itself is
        // good to ~1e-16, so allow 2e-15.
        #expect(worst < 2e-15, "max abs error \(worst)")
    }
}
