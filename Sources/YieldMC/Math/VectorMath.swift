/// Own exp/log/floor/sin-cos kernels for the sampling path, in a scalar and a 4-lane form that perform the same
/// operations in the same order, so lane `i` of the vector result equals the scalar result bit for bit.
///
/// Why not Glibc: glibc picks `exp`/`log` variants at run time by CPU (FMA variants via ifunc), so bitwise
/// output could differ between machines, and the libm loop is 1.5–3× slower than these vector kernels.
/// Accuracy (tested against libm): log and exp within 1 ulp (max relative error ≤ 4e-16) for finite positive
/// normal inputs; exp's argument is clamped to [-708, 709] (so exp(-1000) returns about 3e-308, not 0).
/// No FMA is used (Swift never contracts `a*b + c`), so the results are identical on SSE2, AVX2 and AVX-512.
public enum VectorMath {
    // fdlibm / musl log constants.
    @usableFromInline static let ln2Hi = 6.93147180369123816490e-01
    @usableFromInline static let ln2Lo = 1.90821492927058770002e-10
    @usableFromInline static let lg1 = 6.666666666666735130e-01
    @usableFromInline static let lg2 = 3.999999999940941908e-01
    @usableFromInline static let lg3 = 2.857142874366239149e-01
    @usableFromInline static let lg4 = 2.222219843214978396e-01
    @usableFromInline static let lg5 = 1.818357216161805012e-01
    @usableFromInline static let lg6 = 1.531383769920937332e-01
    @usableFromInline static let lg7 = 1.479819860511658591e-01
    // fdlibm exp constants.
    @usableFromInline static let invLn2 = 1.44269504088896338700e+00
    @usableFromInline static let p1 = 1.66666666666666019037e-01
    @usableFromInline static let p2 = -2.77777777770155933842e-03
    @usableFromInline static let p3 = 6.61375632143793436117e-05
    @usableFromInline static let p4 = -1.65339022054652515390e-06
    @usableFromInline static let p5 = 4.13813679705723846039e-08
    /// 1.5 · 2^52: adding and subtracting it rounds a double of magnitude < 2^51 to the nearest integer.
    @usableFromInline static let roundingMagic = 6755399441055744.0

    // MARK: log

    /// Natural logarithm of a positive, finite, normal `x` (fdlibm algorithm: x = 2^k·m, m ∈ [√2/2, √2),
    /// s = f/(2+f) with f = m − 1, and a degree-14 even polynomial in s).
    @inlinable @inline(__always)
    public static func log(_ x: Double) -> Double {
        let ix = x.bitPattern &+ (0x3FF0_0000_0000_0000 &- 0x3FE6_A09E_667F_3BCD)
        let k = Double(bitPattern: (ix &>> 52) | 0x4330_0000_0000_0000) - (0x1p52 + 1023)
        let m = Double(bitPattern: (ix & 0x000F_FFFF_FFFF_FFFF) &+ 0x3FE6_A09E_667F_3BCD)
        let f = m - 1
        let hfsq = 0.5 * f * f
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        return s * (hfsq + r) + k * ln2Lo - hfsq + f + k * ln2Hi
    }

    /// Lane-wise `log(_: Double)`.
    @inlinable @inline(__always)
    public static func log(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let ix = unsafeBitCast(x, to: SIMD4<UInt64>.self) &+ SIMD4(repeating: 0x3FF0_0000_0000_0000 &- 0x3FE6_A09E_667F_3BCD)
        let k = unsafeBitCast((ix &>> 52) | SIMD4(repeating: 0x4330_0000_0000_0000), to: SIMD4<Double>.self)
            - (0x1p52 + 1023)
        let m = unsafeBitCast((ix & SIMD4(repeating: 0x000F_FFFF_FFFF_FFFF)) &+ SIMD4(repeating: 0x3FE6_A09E_667F_3BCD),
                              to: SIMD4<Double>.self)
        let f = m - 1
        let hfsq = 0.5 * f * f
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        return s * (hfsq + r) + k * ln2Lo - hfsq + f + k * ln2Hi
    }

    /// ln(1 + x) for x > −1, accurate also for tiny x (Goldberg's correction: u = 1 + x rounded, then
    /// log(u)·x/(u − 1) cancels the rounding of u). Own `log`, so the same on every machine.
    @inlinable
    public static func log1p(_ x: Double) -> Double {
        let u = 1 + x
        if u == 1 { return x }
        return log(u) * (x / (u - 1))
    }

    /// E[e^(−t·S)] for S ~ Gamma(shape, scale): (1 + t·scale)^(−shape), computed as exp(−shape·log1p(t·scale))
    /// with the package's own functions (libm's pow may differ between machines). E.g. the k-th moment of a
    /// clustered die yield e^(−A·D), D ~ Gamma(α, mean D0): t = k, shape α, scale A·D0/α.
    @inlinable
    public static func gammaLaplaceTransform(_ t: Double, shape: Double, scale: Double) -> Double {
        exp(-shape * log1p(t * scale))
    }

    // MARK: exp

    /// e^x for x clamped to [-708, 709] (fdlibm algorithm: x = k·ln2 + r, |r| ≤ ln2/2, rational approximation).
    @inlinable @inline(__always)
    public static func exp(_ x: Double) -> Double {
        let xc = x < -708 ? -708 : (x > 709 ? 709 : x)
        let t = xc * invLn2 + roundingMagic
        let k = t - roundingMagic
        let scale = Double(bitPattern: (t.bitPattern &+ 1023) &<< 52)
        let hi = xc - k * ln2Hi
        let lo = k * ln2Lo
        let r = hi - lo
        let r2 = r * r
        let c = r - r2 * (p1 + r2 * (p2 + r2 * (p3 + r2 * (p4 + r2 * p5))))
        let y = 1 + ((r * c / (2 - c) - lo) + hi)
        return y * scale
    }

    /// Lane-wise `exp(_: Double)`.
    @inlinable @inline(__always)
    public static func exp(_ x: SIMD4<Double>) -> SIMD4<Double> {
        var xc = x.replacing(with: -708, where: x .< -708)
        xc = xc.replacing(with: 709, where: xc .> 709)
        let t = xc * invLn2 + roundingMagic
        let k = t - roundingMagic
        let scale = unsafeBitCast((unsafeBitCast(t, to: SIMD4<UInt64>.self) &+ 1023) &<< 52, to: SIMD4<Double>.self)
        let hi = xc - k * ln2Hi
        let lo = k * ln2Lo
        let r = hi - lo
        let r2 = r * r
        let c = r - r2 * (p1 + r2 * (p2 + r2 * (p3 + r2 * (p4 + r2 * p5))))
        let y = 1 + ((r * c / (2 - c) - lo) + hi)
        return y * scale
    }

    // MARK: floor, abs

    /// Largest integer ≤ x, for |x| < 2^51 (magic-number rounding; SSE2 has no `roundpd`).
    @inlinable @inline(__always)
    public static func floor(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let t = (x + roundingMagic) - roundingMagic
        return t - SIMD4<Double>.one.replacing(with: 0, where: t .<= x)
    }

    /// Largest integer ≤ x, for |x| < 2^51. Same operations as the vector form.
    @inlinable @inline(__always)
    public static func floor(_ x: Double) -> Double {
        let t = (x + roundingMagic) - roundingMagic
        return t <= x ? t : t - 1
    }

    /// |x| by clearing the sign bit.
    @inlinable @inline(__always)
    public static func abs(_ x: SIMD4<Double>) -> SIMD4<Double> {
        unsafeBitCast(unsafeBitCast(x, to: SIMD4<UInt64>.self) & SIMD4(repeating: 0x7FFF_FFFF_FFFF_FFFF), to: SIMD4<Double>.self)
    }

    /// Lane-wise minimum that compiles to `minpd` (the stdlib's floating `pointwiseMin` is a branchy loop).
    @inlinable @inline(__always)
    public static func min(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        a.replacing(with: b, where: b .< a)
    }

    /// Lane-wise maximum that compiles to `maxpd`.
    @inlinable @inline(__always)
    public static func max(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        a.replacing(with: b, where: b .> a)
    }

    // MARK: cos/sin of a random angle

    /// (cos θ, sin θ) for the angle θ = q·π/2 + x encoded in 64 random bits: the top 2 bits give the quadrant q,
    /// the low 52 bits give x uniform in [-π/4, π/4). θ is then uniform on a full turn (what Box–Muller needs).
    /// Taylor series to x^17 / x^18 on [-π/4, π/4]: absolute error below 1e-16.
    @inlinable @inline(__always)
    public static func cosSinOfRandomAngle(_ bits: SIMD4<UInt64>) -> (cos: SIMD4<Double>, sin: SIMD4<Double>) {
        let f = unsafeBitCast((bits & SIMD4(repeating: 0x000F_FFFF_FFFF_FFFF)) | SIMD4(repeating: 0x3FF0_0000_0000_0000),
                              to: SIMD4<Double>.self) - 1.0
        let x = (f - 0.5) * 1.5707963267948966
        let x2 = x * x
        // Horner steps written one per line: long SIMD expression trees defeat the type checker and the
        // SLP vectoriser alike.
        var ps: SIMD4<Double> = x2 * 2.8114572543455206e-15 + -7.6471637318198165e-13
        ps = x2 * ps + 1.6059043836821613e-10
        ps = x2 * ps + -2.5052108385441719e-08
        ps = x2 * ps + 2.7557319223985891e-06
        ps = x2 * ps + -1.9841269841269841e-04
        ps = x2 * ps + 8.3333333333333333e-03
        ps = x2 * ps + -1.6666666666666666e-01
        let s: SIMD4<Double> = x + x * x2 * ps
        var pc: SIMD4<Double> = x2 * -1.5619206968586225e-16 + 4.7794773323873853e-14
        pc = x2 * pc + -1.1470745597729725e-11
        pc = x2 * pc + 2.0876756987868100e-09
        pc = x2 * pc + -2.7557319223985893e-07
        pc = x2 * pc + 2.4801587301587302e-05
        pc = x2 * pc + -1.3888888888888889e-03
        pc = x2 * pc + 4.1666666666666664e-02
        pc = x2 * pc + -0.5
        let c: SIMD4<Double> = 1.0 + x2 * pc
        // Quadrant q = top two bits: (cos, sin) = (c, s), (−s, c), (−c, −s), (s, −c) for q = 0, 1, 2, 3. Done on
        // the bits (SSE2 has no 64-bit integer compare, so `q .== 1` etc. would be emulated): swap where bit 62
        // is set (a lane mask 0 − bit), negate the first where bit 63 ≠ bit 62 and the second where bit 63 is set,
        // by flipping sign bits (exactly what unary minus does).
        let signBit = SIMD4<UInt64>(repeating: 0x8000_0000_0000_0000)
        let swap = SIMD4<UInt64>.zero &- ((bits &>> 62) & SIMD4(repeating: 1))
        let cBits = unsafeBitCast(c, to: SIMD4<UInt64>.self), sBits = unsafeBitCast(s, to: SIMD4<UInt64>.self)
        let a = (cBits & ~swap) | (sBits & swap)
        let b = (sBits & ~swap) | (cBits & swap)
        let negA = (bits ^ (bits &<< 1)) & signBit
        let negB = bits & signBit
        return (unsafeBitCast(a ^ negA, to: SIMD4<Double>.self), unsafeBitCast(b ^ negB, to: SIMD4<Double>.self))
    }
}
