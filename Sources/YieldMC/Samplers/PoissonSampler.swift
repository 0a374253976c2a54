extension Xoshiro256x4 {
    /// Four Poisson draws with per-lane mean `mean` (a lane with mean ≤ 0 returns 0).
    ///
    /// Means below 10: SIMD sequential-search inversion, P(k) = P(k−1)·λ/k from P(0) = e^(−λ); the loop runs
    /// until every small-mean lane has found its k (cut at k = 200, where the tail is below 1e-180).
    /// Means ≥ 10: PTRS (Hörmann 1993, transformed rejection with squeeze) in scalar code on the lane's own
    /// stream, with ln k! from a table below 20 and a Stirling series above.
    @inlinable
    public mutating func poisson(mean lambda: SIMD4<Double>) -> SIMD4<Double> {
        let small = lambda .< 10
        let lamSmall = lambda.replacing(with: 0, where: .!small .| (lambda .< 0))
        var pk = VectorMath.exp(-lamSmall)
        var cdf = pk
        var k = SIMD4<Double>.zero
        let u = uniform()
        var active = small .& (u .> cdf) .& (lambda .> 0)
        while any(active) {
            k = k.replacing(with: k + 1, where: active)
            pk = pk.replacing(with: pk * lamSmall / k, where: active)
            cdf = cdf.replacing(with: cdf + pk, where: active)
            active = active .& (u .> cdf) .& (k .< 200)
        }
        if !all(small) {
            var g0 = lane(0), g1 = lane(1), g2 = lane(2), g3 = lane(3)
            var k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3]
            if !small[0] { k0 = poissonPTRS(mean: lambda[0], rng: &g0) }
            if !small[1] { k1 = poissonPTRS(mean: lambda[1], rng: &g1) }
            if !small[2] { k2 = poissonPTRS(mean: lambda[2], rng: &g2) }
            if !small[3] { k3 = poissonPTRS(mean: lambda[3], rng: &g3) }
            setLanes(g0, g1, g2, g3)
            k = SIMD4(k0, k1, k2, k3)
        }
        return k
    }
}

/// PTRS for one lane, mean ≥ 10.
@usableFromInline
func poissonPTRS(mean lambda: Double, rng: inout Xoshiro256PlusPlus) -> Double {
    let slam = lambda.squareRoot()
    let logLambda = VectorMath.log(lambda)
    let b = 0.931 + 2.53 * slam
    let a = -0.059 + 0.02483 * b
    let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    let logInvAlpha = VectorMath.log(invAlpha)
    while true {
        let u = rng.uniform() - 0.5
        let v = rng.uniform()
        let us = 0.5 - Swift.abs(u)
        let k = VectorMath.floor((2 * a / us + b) * u + lambda + 0.43)
        if us >= 0.07 && v <= vr { return k }
        if k < 0 || (us < 0.013 && v > us) || v <= 0 { continue }
        if VectorMath.log(v) + logInvAlpha - VectorMath.log(a / (us * us) + b)
            <= -lambda + k * logLambda - logFactorial(k) {
            return k
        }
    }
}

/// ln k! for whole k ≥ 0: a sum of own logarithms below 20, the Stirling series of ln Γ(k + 1) above
/// (truncation error below 1e-14 there).
@usableFromInline
func logFactorial(_ k: Double) -> Double {
    if k < 20 {
        var sum = 0.0
        var i = 2.0
        while i <= k { sum += VectorMath.log(i); i += 1 }
        return sum
    }
    let x = k + 1
    let x2 = x * x
    return (x - 0.5) * VectorMath.log(x) - x + 0.91893853320467274178
        + (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * x2)) / x2) / x2) / x
}
