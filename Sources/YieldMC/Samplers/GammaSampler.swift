/// Per-lane constants of the Marsaglia–Tsang gamma sampler for a shape vector, computed once and reused
/// for many draws with the same shapes (e.g. every lot of a step).
@frozen
public struct GammaShape: Sendable {
    /// The requested shape per lane.
    public let shape: SIMD4<Double>
    /// d = a' − 1/3 where a' = shape, or shape + 1 for shapes below 1 (boosted).
    @usableFromInline let d: SIMD4<Double>
    /// c = 1 / √(9d).
    @usableFromInline let c: SIMD4<Double>
    /// k = ¾·d·c⁴ (= 1/(108 d)): scale of the shape-dependent squeeze of `gammaAttempt`.
    @usableFromInline let k: SIMD4<Double>
    /// Lanes with shape < 1 (multiply by U^(1/shape) at the end).
    @usableFromInline let boost: SIMDMask<SIMD4<Int64>>
    /// Lanes with shape ≤ 0 (return 0).
    @usableFromInline let zero: SIMDMask<SIMD4<Int64>>
    /// 1/shape for boosted lanes, 1 elsewhere.
    @usableFromInline let inverseShape: SIMD4<Double>
    /// k when every lane has the same whole shape k in 1...4 (Erlang: Gamma(k) = −ln(U₁⋯U_k), exact and
    /// without rejection), else 0.
    @usableFromInline let erlangCount: Int

    @inlinable
    public init(_ shape: SIMD4<Double>) {
        self.shape = shape
        zero = shape .<= 0
        boost = shape .< 1
        var a = shape.replacing(with: shape + 1, where: boost)
        a = a.replacing(with: 1, where: zero)
        d = a - (1.0 / 3.0)
        c = 1.0 / (9.0 * d).squareRoot()
        let c2 = c * c
        k = 0.75 * d * (c2 * c2)
        inverseShape = 1.0 / shape.replacing(with: 1, where: .!boost .| zero)
        let s0 = shape[0]
        let uniformShape = shape == SIMD4(repeating: s0)
        erlangCount = uniformShape && s0 >= 1 && s0 <= 4 && s0 == VectorMath.floor(s0) ? Int(s0) : 0
    }

    /// The same constants for one shape in every lane, computed once in scalar arithmetic (bit-identical to the
    /// lane-wise computation: the same IEEE operations in the same order).
    @inlinable
    public init(_ shape: Double) {
        self.shape = SIMD4(repeating: shape)
        let isZero = shape <= 0, isBoost = shape < 1
        zero = SIMDMask(repeating: isZero)
        boost = SIMDMask(repeating: isBoost)
        let a = isZero ? 1 : (isBoost ? shape + 1 : shape)
        let dd = a - (1.0 / 3.0)
        d = SIMD4(repeating: dd)
        let cc = 1.0 / (9.0 * dd).squareRoot()
        c = SIMD4(repeating: cc)
        let c2 = cc * cc
        k = SIMD4(repeating: 0.75 * dd * (c2 * c2))
        inverseShape = SIMD4(repeating: 1.0 / (isBoost && !isZero ? shape : 1))
        erlangCount = shape >= 1 && shape <= 4 && shape == VectorMath.floor(shape) ? Int(shape) : 0
    }
}

extension Xoshiro256x4 {
    /// Four gamma draws (scale 1). A whole shape k ≤ 4 shared by all lanes (e.g. the clustering α = 2) is
    /// drawn as an Erlang sum, −ln(U₁⋯U_k); every other shape by Marsaglia–Tsang (2000):
    ///
    /// Propose v = (1 + c·z)³ with z normal; accept d·v if u < 1 − 0.0331 z⁴ (the squeeze, about 98 % of
    /// proposals, no logarithm) or ln u < z²/2 + d(1 − v + ln v). Shape a < 1 uses the boost
    /// Gamma(a) = Gamma(a + 1) · U^(1/a). A lane with shape ≤ 0 returns 0.
    ///
    /// The rejection is lane-synchronous: every round draws for all four lanes, and the call returns when all
    /// have accepted. Each Box–Muller pair feeds two proposals. The stream used by a lane therefore depends on
    /// its neighbours, which is deterministic for the fixed lane width 4 (part of the seed semantics).
    @inlinable
    public mutating func gamma(_ g: GammaShape) -> SIMD4<Double> {
        if g.erlangCount > 0 {
            var product = uniformOpenZero()
            var i = 1
            while i < g.erlangCount { product *= uniformOpenZero(); i += 1 }
            return -VectorMath.log(product)
        }
        var result = SIMD4<Double>.zero
        var done = g.zero
        while true {
            let (z1, z2) = normalPair()
            let u1 = uniformOpenZero()
            gammaAttempt(z: z1, u: u1, d: g.d, c: g.c, k: g.k, result: &result, done: &done)
            if all(done) { break }
            let u2 = uniformOpenZero()
            gammaAttempt(z: z2, u: u2, d: g.d, c: g.c, k: g.k, result: &result, done: &done)
            if all(done) { break }
        }
        return applyBoost(result, g)
    }

    /// Four gamma draws with per-lane shape `shape` (scale 1). See `gamma(_: GammaShape)`.
    @inlinable @inline(__always)
    public mutating func gamma(shape: SIMD4<Double>) -> SIMD4<Double> {
        gamma(GammaShape(shape))
    }

    /// Four gamma draws with the same shape in every lane.
    @inlinable @inline(__always)
    public mutating func gamma(shape: Double) -> SIMD4<Double> {
        gamma(GammaShape(shape))
    }

    /// Four gamma draws with a whole, per-lane shape N ≥ 0 (the sum of N unit exponentials; 0 for N = 0), e.g. the
    /// total repair time of N failures in units of the MTTR.
    ///
    /// Up to `erlangLimit` in every lane: exactly −ln(U₁⋯U_N), every lane drawing one uniform per round up to the
    /// largest N of the four (a lane past its N multiplies by exactly 1); at most 8 factors of at least 2^−52, so the
    /// product cannot underflow. No rejection and one logarithm. Larger counts use Marsaglia–Tsang
    /// (`gamma(shape:)`), which is cheaper there (one Box–Muller pair per two proposals instead of N uniforms);
    /// the threshold was set by instruction counts of the estimator (5, 8 and 11 tried; 8 best).
    @inlinable
    public mutating func erlang(count n: SIMD4<Double>) -> SIMD4<Double> {
        let most = Swift.max(Swift.max(n[0], n[1]), Swift.max(n[2], n[3]))
        if most > Self.erlangLimit { return gamma(shape: n) }
        var product = SIMD4<Double>.one
        let rounds = Int(most)
        var i = 0
        while i < rounds {
            // A lane past its count keeps multiplying by exactly 1: its 52 mantissa bits are masked to 0, and
            // 2 − 1.0 = 1. Active lanes get uniformOpenZero() unchanged.
            let active = unsafeBitCast(n .> SIMD4(repeating: Double(i)), to: SIMD4<UInt64>.self)
            let bits = (next() &>> 12) & active
            product *= 2.0 - unsafeBitCast(bits | SIMD4(repeating: 0x3FF0_0000_0000_0000), to: SIMD4<Double>.self)
            i &+= 1
        }
        return 0 - VectorMath.log(product)
    }

    /// Largest per-lane count drawn by the product of uniforms in `erlang(count:)`.
    public static let erlangLimit = 8.0

    /// Multiplies boosted lanes by U^(1/shape) and zeroes shape-0 lanes.
    @inlinable @inline(__always)
    mutating func applyBoost(_ x: SIMD4<Double>, _ g: GammaShape) -> SIMD4<Double> {
        var result = x
        if any(g.boost) {
            let u = uniformOpenZero()
            let power = VectorMath.exp(VectorMath.log(u) * g.inverseShape)
            result = result.replacing(with: result * power, where: g.boost)
        }
        return result.replacing(with: 0, where: g.zero)
    }
}

/// One Marsaglia–Tsang proposal for the lanes not yet accepted (squeezes first; logs only if a lane needs them).
///
/// Exact test: accept if ln u < z²/2 + d(1 − v + ln v), v = (1 + cz)³. With y = cz the right side is
/// d·h(y), h(y) = 3[ln(1+y) − y + y²/2 − y³/3], and h(y) ≥ −¾y⁴/min(1, 1 + y) for y > −1 (for y ≥ 0 the
/// derivative of ln(1+y) − y + y²/2 − y³/3 + y⁴/4 is y⁴/(1+y) ≥ 0; for y < 0 the remainder −Σ_{j≥4}|y|^j/j is
/// at least −|y|⁴/(4(1 − |y|))). Since ln u ≤ u − 1, u < 1 − k·z⁴/m with k = ¾dc⁴ and m = min(1, 1 + cz)
/// implies acceptance: this squeeze (checked as u·m < m − k·z⁴) is sharper than Marsaglia–Tsang's
/// u < 1 − 0.0331·z⁴ for every d ≥ 2/3 when z ≥ 0 (k = 1/(108d)), so both are tried and the logs are needed
/// in far fewer rounds (about 0.8 % of lanes at shape 4 instead of ~10 %, almost never at shape 100+).
/// Both squeezes only short-cut the exact test, so the accepted values are the same as with the exact test alone.
@inlinable @inline(__always)
func gammaAttempt(
    z: SIMD4<Double>, u: SIMD4<Double>, d: SIMD4<Double>, c: SIMD4<Double>, k: SIMD4<Double>,
    result: inout SIMD4<Double>, done: inout SIMDMask<SIMD4<Int64>>
) {
    let v1 = 1.0 + c * z
    let positive = v1 .> 0
    let v = v1 * v1 * v1
    let z2 = z * z
    let z4 = z2 * z2
    let m = v1.replacing(with: 1, where: v1 .> 1)
    let squeeze = (u .< 1.0 - 0.0331 * z4) .| (u * m .< m - k * z4)
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
