/// Per-lane constants of a beta distribution Beta(a, b), for repeated draws (every lot of a step).
@frozen
public struct BetaShape: Sendable {
    @usableFromInline let a: GammaShape
    @usableFromInline let b: GammaShape
    /// a / (a + b), returned if both gammas underflow to 0.
    @usableFromInline let mean: SIMD4<Double>

    @inlinable
    public init(a: SIMD4<Double>, b: SIMD4<Double>) {
        self.a = GammaShape(a)
        self.b = GammaShape(b)
        mean = a / (a + b)
    }

    /// Beta with mean `mean` and concentration a + b = `concentration` in every lane (the lot-yield model).
    /// The gamma constants are computed once in scalar arithmetic (bit-identical to the lane-wise form).
    @inlinable
    public init(mean: Double, concentration: Double) {
        let a = mean * concentration, b = (1 - mean) * concentration
        self.a = GammaShape(a)
        self.b = GammaShape(b)
        self.mean = SIMD4(repeating: a / (a + b))
    }
}

extension Xoshiro256x4 {
    /// Four beta draws X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b). Both gammas run in one Marsaglia–Tsang loop
    /// that feeds X from the first and Y from the second normal of each Box–Muller pair, which halves the normals
    /// needed. If both gammas underflow to 0 (only possible for tiny shapes), the lane returns the mean.
    @inlinable
    public mutating func beta(_ s: BetaShape) -> SIMD4<Double> {
        var x = SIMD4<Double>.zero, y = SIMD4<Double>.zero
        var doneX = s.a.zero, doneY = s.b.zero
        while true {
            let (z1, z2) = normalPair()
            if !all(doneX) {
                gammaAttempt(z: z1, u: uniformOpenZero(), d: s.a.d, c: s.a.c, k: s.a.k, result: &x, done: &doneX)
            }
            if !all(doneY) {
                gammaAttempt(z: z2, u: uniformOpenZero(), d: s.b.d, c: s.b.c, k: s.b.k, result: &y, done: &doneY)
            }
            if all(doneX .& doneY) { break }
        }
        x = applyBoost(x, s.a)
        y = applyBoost(y, s.b)
        let sum = x + y
        let ratio = x / sum.replacing(with: 1, where: sum .== 0)
        return ratio.replacing(with: s.mean, where: sum .== 0)
    }

    /// Four beta draws with per-lane parameters a, b. See `beta(_: BetaShape)`.
    @inlinable @inline(__always)
    public mutating func beta(a: SIMD4<Double>, b: SIMD4<Double>) -> SIMD4<Double> {
        beta(BetaShape(a: a, b: b))
    }
}
