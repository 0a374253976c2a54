/// Four independent xoshiro256++ streams in the lanes of `SIMD4<UInt64>`: one stream per Monte Carlo trial lane.
///
/// Lane `i` produces exactly the sequence of a scalar `Xoshiro256PlusPlus` with lane `i`'s state (tested).
/// The rotates are written with `&+` instead of `|`: the two shifted halves have no bits in common, so the
/// result is the same, but LLVM then keeps the rotate in vector registers instead of scalarising it
/// (see shared/reference/simd-facts.md §1.3).
@frozen
public struct Xoshiro256x4: Sendable {
    @usableFromInline var s0: SIMD4<UInt64>
    @usableFromInline var s1: SIMD4<UInt64>
    @usableFromInline var s2: SIMD4<UInt64>
    @usableFromInline var s3: SIMD4<UInt64>

    /// Raw state (lane-wise). No lane may be all zero; `init(seed:block:)` guarantees that.
    @inlinable
    public init(s0: SIMD4<UInt64>, s1: SIMD4<UInt64>, s2: SIMD4<UInt64>, s3: SIMD4<UInt64>) {
        self.s0 = s0; self.s1 = s1; self.s2 = s2; self.s3 = s3
    }

    /// The generator of trial block `block` of a run with seed `seed`. It depends only on `(seed, block)`,
    /// never on the thread that runs the block: this is what makes results independent of the thread count.
    public init(seed: UInt64, block: UInt64) {
        var sm = SplitMix64(seed: SplitMix64.mix(seed ^ 0x6A09_E667_F3BC_C909) ^ SplitMix64.mix(block &+ 0xBB67_AE85_84CA_A73B))
        var w = [SIMD4<UInt64>](repeating: .zero, count: 4)
        for word in 0..<4 {
            for lane in 0..<4 { w[word][lane] = sm.next() }
        }
        for lane in 0..<4 where w[0][lane] | w[1][lane] | w[2][lane] | w[3][lane] == 0 { w[0][lane] = 1 }
        self.init(s0: w[0], s1: w[1], s2: w[2], s3: w[3])
    }

    /// Next four 64-bit outputs, one per lane.
    @inlinable @inline(__always)
    public mutating func next() -> SIMD4<UInt64> {
        let sum = s0 &+ s3
        let result = ((sum &<< 23) &+ (sum &>> 41)) &+ s0
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< 45) &+ (s3 &>> 19)
        return result
    }

    /// Four uniforms in [0, 1) with 52 random bits each.
    @inlinable @inline(__always)
    public mutating func uniform() -> SIMD4<Double> {
        unsafeBitCast((next() &>> 12) | SIMD4(repeating: 0x3FF0_0000_0000_0000), to: SIMD4<Double>.self) - 1.0
    }

    /// Four uniforms in (0, 1]: safe to take the logarithm of.
    @inlinable @inline(__always)
    public mutating func uniformOpenZero() -> SIMD4<Double> {
        2.0 - unsafeBitCast((next() &>> 12) | SIMD4(repeating: 0x3FF0_0000_0000_0000), to: SIMD4<Double>.self)
    }

    /// The scalar generator of lane `lane` (its current state). Draws made on it do not advance this vector
    /// generator until they are written back with `setLane(_:_:)`.
    @inlinable @inline(__always)
    public func lane(_ lane: Int) -> Xoshiro256PlusPlus {
        Xoshiro256PlusPlus(state0: s0[lane], state1: s1[lane], state2: s2[lane], state3: s3[lane])
    }

    /// Stores a scalar generator's state back into lane `lane`: the slow paths of the samplers advance only the
    /// lanes that need extra draws.
    @inlinable @inline(__always)
    public mutating func setLane(_ lane: Int, _ g: Xoshiro256PlusPlus) {
        s0[lane] = g.s0; s1[lane] = g.s1; s2[lane] = g.s2; s3[lane] = g.s3
    }

    /// Replaces all four lanes at once from scalar generators. Building the vectors from scalars avoids the
    /// store-forwarding stall of writing single lanes of a vector in memory and reading the vector back.
    @inlinable @inline(__always)
    public mutating func setLanes(_ g0: Xoshiro256PlusPlus, _ g1: Xoshiro256PlusPlus, _ g2: Xoshiro256PlusPlus, _ g3: Xoshiro256PlusPlus) {
        s0 = SIMD4(g0.s0, g1.s0, g2.s0, g3.s0)
        s1 = SIMD4(g0.s1, g1.s1, g2.s1, g3.s1)
        s2 = SIMD4(g0.s2, g1.s2, g2.s2, g3.s2)
        s3 = SIMD4(g0.s3, g1.s3, g2.s3, g3.s3)
    }
}
