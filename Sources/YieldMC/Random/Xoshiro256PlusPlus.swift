/// xoshiro256++ 1.0 (Blackman & Vigna), one stream. Period 2^256 − 1.
///
/// Used for the scalar parts of the samplers (the slow path of PTRS), where it runs on the state of
/// one lane of `Xoshiro256x4`, so lane `i` of the vector generator and this scalar generator produce the same
/// sequence. Reference check: state {1, 2, 3, 4} gives first output 41943041.
@frozen
public struct Xoshiro256PlusPlus: Sendable, Equatable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator with the given raw state words. The all-zero state is replaced by a fixed non-zero one.
    @inlinable
    public init(state0: UInt64, state1: UInt64, state2: UInt64, state3: UInt64) {
        if state0 | state1 | state2 | state3 == 0 {
            s0 = 0x9E37_79B9_7F4A_7C15; s1 = 1; s2 = 2; s3 = 3
        } else {
            s0 = state0; s1 = state1; s2 = state2; s3 = state3
        }
    }

    /// Next 64-bit output.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let sum = s0 &+ s3
        let result = ((sum &<< 23) | (sum &>> 41)) &+ s0
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< 45) | (s3 &>> 19)
        return result
    }

    /// A uniform double in [0, 1) with 52 random bits (exponent bit trick, no int→float conversion).
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(bitPattern: (next() &>> 12) | 0x3FF0_0000_0000_0000) - 1.0
    }

    /// A uniform double in (0, 1]: safe to take the logarithm of.
    @inlinable @inline(__always)
    public mutating func uniformOpenZero() -> Double {
        2.0 - Double(bitPattern: (next() &>> 12) | 0x3FF0_0000_0000_0000)
    }
}
