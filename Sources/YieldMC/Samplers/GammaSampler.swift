extension Xoshiro256x4 {
    /// Four gamma draws with per-lane shape `shape` (scale 1), by Marsaglia–Tsang (2000).
    ///
    /// d = a − 1/3, c = 1/√(9d); propose v = (1 + c·z)³ with z normal; accept if u < 1 − 0.0331 z⁴ (the squeeze,
    /// about 98 % of proposals, no logarithm) or ln u < z²/2 + d(1 − v + ln v). Shape a < 1 uses the boost
    /// Gamma(a) = Gamma(a + 1) · U^(1/a). A lane with shape ≤ 0 returns 0.
    ///
    /// The rejection is lane-synchronous: every round draws for all four lanes, and the call returns when all
    /// have accepted. Each Box–Muller pair feeds two proposals. The stream used by a lane therefore depends on
    /// its neighbours, which is deterministic for the fixed lane width 4 (part of the seed semantics).
    @inlinable
    public mutating func gamma(shape: SIMD4<Double>) -> SIMD4<Double> {
        let zeroShape = shape .<= 0
        let boost = shape .< 1
        var a = shape.replacing(with: shape + 1, where: boost)
        a = a.replacing(with: 1, where: zeroShape)
        let d = a - (1.0 / 3.0)
        let c = 1.0 / (9.0 * d).squareRoot()
        var result = SIMD4<Double>.zero
        var done = SIMDMask<SIMD4<Int64>>(repeating: false)
        while true {
            let (z1, z2) = normalPair()
            let u1 = uniformOpenZero()
            gammaAttempt(z: z1, u: u1, d: d, c: c, result: &result, done: &done)
            if all(done) { break }
            let u2 = uniformOpenZero()
            gammaAttempt(z: z2, u: u2, d: d, c: c, result: &result, done: &done)
            if all(done) { break }
        }
        if any(boost) {
            let u = uniformOpenZero()
            let power = VectorMath.exp(VectorMath.log(u) / shape.replacing(with: 1, where: .!boost .| zeroShape))
            result = result.replacing(with: result * power, where: boost)
        }
        return result.replacing(with: 0, where: zeroShape)
    }

    /// Four gamma draws with the same shape in every lane.
    @inlinable @inline(__always)
    public mutating func gamma(shape: Double) -> SIMD4<Double> {
        gamma(shape: SIMD4(repeating: shape))
    }
}

/// One Marsaglia–Tsang proposal for the lanes not yet accepted (squeeze first; logs only if a lane needs them).
@inlinable @inline(__always)
func gammaAttempt(
    z: SIMD4<Double>, u: SIMD4<Double>, d: SIMD4<Double>, c: SIMD4<Double>,
    result: inout SIMD4<Double>, done: inout SIMDMask<SIMD4<Int64>>
) {
    let v1 = 1.0 + c * z
    let positive = v1 .> 0
    let v = v1 * v1 * v1
    let z2 = z * z
    let squeeze = u .< 1.0 - 0.0331 * (z2 * z2)
    let pending = .!done .& positive
    var accept = pending .& squeeze
    let needLog = pending .& .!squeeze
    if any(needLog) {
        let logV = VectorMath.log(v.replacing(with: 1, where: .!positive))
        let logU = VectorMath.log(u)
        accept = accept .| (needLog .& (logU .< 0.5 * z2 + d * (1.0 - v + logV)))
    }
    result = result.replacing(with: d * v, where: accept)
    done = done .| accept
}
