/// SplitMix64 (Steele, Lea, Flood 2014): a tiny 64-bit generator used here only to turn
/// `(seed, blockIndex)` into well-mixed xoshiro256++ states. It is never used to draw trial randomness.
@frozen
public struct SplitMix64: Sendable {
    /// The Weyl-sequence state; advances by the golden-ratio increment on every call.
    @usableFromInline var state: UInt64

    /// A generator whose first output is `mix(seed + 0x9E3779B97F4A7C15)`.
    @inlinable
    public init(seed: UInt64) { state = seed }

    /// The SplitMix64 output function (a bijective 64-bit finalizer).
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// Next 64-bit output.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }
}
