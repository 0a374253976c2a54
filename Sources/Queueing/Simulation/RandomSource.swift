import Foundation

/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64: a small, fast generator whose streams are
/// reproducible from a 64-bit seed on every machine (the simulator's tests use fixed seeds).
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform draw in (0, 1): 53 random bits, never 0 (so its logarithm is finite).
    public mutating func uniformOpen() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A standard normal draw (Box–Muller, one of the pair).
    public mutating func standardNormal() -> Double {
        let r = (-2 * log(uniformOpen())).squareRoot()
        return r * cos(2 * Double.pi * uniformOpen())
    }

    /// An exponential draw with mean `mean`.
    public mutating func exponential(mean: Double) -> Double { -mean * log(uniformOpen()) }

    /// A gamma draw with shape k > 0 and scale θ (mean kθ, SCV 1/k): Marsaglia & Tsang (2000) for k ≥ 1,
    /// and G(k + 1) · U^(1/k) for k < 1.
    public mutating func gamma(shape k: Double, scale: Double) -> Double {
        if k < 1 { return gamma(shape: k + 1, scale: scale) * pow(uniformOpen(), 1 / k) }
        let d = k - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat { x = standardNormal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniformOpen()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }

    /// A time with the mean and SCV of `time`: deterministic at SCV 0, exponential at 1, else gamma with
    /// shape 1/SCV (so every SCV > 0 is reachable with one two-parameter family).
    public mutating func draw(_ time: ProcessTime) -> Double {
        let m = time.meanHours, c2 = time.scv
        if c2 <= 0 { return m }
        if c2 == 1 { return exponential(mean: m) }
        return gamma(shape: 1 / c2, scale: m * c2)
    }

    /// A Poisson count with mean `mean` (Knuth's product of uniforms; small means only, as for failures per job).
    public mutating func poisson(mean: Double) -> Int {
        if mean <= 0 { return 0 }
        let limit = exp(-mean)
        var k = 0, p = uniformOpen()
        while p > limit { k += 1; p *= uniformOpen() }
        return k
    }
}
