import Foundation

/// The default of `YieldInput.aggregateAboveLots`: above this many lots (or wafers) per step and lane, the kernel
/// draws the step's total losses (or the total good dies) from a normal distribution with the exact mean and
/// variance of the per-lot (per-wafer) sum instead of sampling every lot. Mean and variance are exact; the shape
/// is not (the sum's skewness is left out), which biases tail probabilities: measured in docs/yield-model.md §4
/// ("Large volumes") and Benchmarks/results/yieldmc.md.
public let aggregateThresholdLots: Double = 256

/// Good units out of a step entered by `units` (per lane), in lots of `unitsPerLot` (the last one partial),
/// by the normal approximation of the sum of per-lot beta-binomial losses:
/// a lot of n units with yield ~ Beta(μc, (1 − μ)c) loses on average n(1 − μ) units with variance
/// n·μ(1 − μ)·(c + n)/(c + 1); lots are independent, so the step's mean and variance are the sums over full lots
/// and the partial lot. The draw is rounded to whole units and clamped to [0, units].
@inline(__always)
func sampleAggregateLots(
    units: SIMD4<Double>, meanYield mu: Double, concentration c: Double, unitsPerLot lotSize: Double,
    rng: inout Xoshiro256x4
) -> SIMD4<Double> {
    sampleAggregateLots(units: units, meanYield: mu, concentration: c, unitsPerLot: lotSize, normal: rng.normalPair().0)
}

/// `sampleAggregateLots` with the standard normal draw `z` given (the kernel uses both normals of a Box–Muller
/// pair, one per aggregated step).
@inline(__always)
func sampleAggregateLots(
    units: SIMD4<Double>, meanYield mu: Double, concentration c: Double, unitsPerLot lotSize: Double,
    normal z: SIMD4<Double>
) -> SIMD4<Double> {
    let l = SIMD4<Double>(repeating: lotSize)
    let full = VectorMath.floor(units * (1.0 / lotSize))
    let remainder = VectorMath.max(units - full * l, .zero)
    let spread = mu * (1 - mu) / (c + 1)
    let variance = spread * (full * l * (c + lotSize) + remainder * (remainder + c))
    let mean = units * (1 - mu)
    // Round to nearest, ties to even, by the 1.5·2^52 magic number (what `.rounded(.toNearestOrEven)` gives for
    // |x| < 2^51, without a `rint` call per lane).
    var lost = (mean + variance.squareRoot() * z + VectorMath.roundingMagic) - VectorMath.roundingMagic
    lost = VectorMath.min(VectorMath.max(lost, .zero), units)
    return units - lost
}

/// Good dies on `waferCount` wafers (per lane, same count on every lane) by the normal approximation of the sum of
/// per-wafer good dies: with D ~ Gamma(α, mean D0) and p = e^(−A·D), E[p] = (1 + A·D0/α)^(−α) and
/// E[p²] = (1 + 2A·D0/α)^(−α) (gamma Laplace transform); one wafer of G gross dies gives mean G·E[p] and variance
/// G·(E[p] − E[p²]) + G²·(E[p²] − E[p]²). Rounded to whole dies, clamped to [0, wafers·G].
@inline(__always)
func sampleAggregateWaferDies(
    waferCount: Double, grossDies g: Double, areaTimesMeanDefects ad: Double, alpha: Double,
    rng: inout Xoshiro256x4
) -> SIMD4<Double> {
    let m1 = VectorMath.gammaLaplaceTransform(1, shape: alpha, scale: ad / alpha)
    let m2 = VectorMath.gammaLaplaceTransform(2, shape: alpha, scale: ad / alpha)
    let perWaferVariance = Swift.max(g * (m1 - m2) + g * g * (m2 - m1 * m1), 0)
    let mean = waferCount * g * m1
    let sd = (waferCount * perWaferVariance).squareRoot()
    let z = rng.normalPair().0
    let good = (SIMD4(repeating: mean) + sd * z + VectorMath.roundingMagic) - VectorMath.roundingMagic   // as `rint`
    return VectorMath.min(VectorMath.max(good, .zero), SIMD4(repeating: waferCount * g))
}
