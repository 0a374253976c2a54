extension Xoshiro256x4 {
    /// Two independent standard normal vectors by Box–Muller, using both outputs:
    /// r = √(−2 ln U₁), (z₁, z₂) = (r cos θ, r sin θ) with θ uniform on a turn from 64 more random bits.
    /// Branch-free; own `log` and cos/sin kernels, `sqrtpd` with `-fno-math-errno`.
    @inlinable @inline(__always)
    public mutating func normalPair() -> (SIMD4<Double>, SIMD4<Double>) {
        let u = uniformOpenZero()
        let r = (-2.0 * VectorMath.log(u)).squareRoot()
        let (c, s) = VectorMath.cosSinOfRandomAngle(next())
        return (r * c, r * s)
    }

    /// Four exponential draws with mean 1 (−ln U, U ∈ (0, 1]).
    @inlinable @inline(__always)
    public mutating func exponential() -> SIMD4<Double> {
        -VectorMath.log(uniformOpenZero())
    }
}
