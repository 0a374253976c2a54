extension Xoshiro256x4 {
    /// Four beta draws Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (per-lane parameters).
    /// In the yield model, a = mean · concentration and b = (1 − mean) · concentration. If both gammas underflow
    /// to 0 (only possible for tiny shapes), the lane returns the mean a / (a + b).
    @inlinable
    public mutating func beta(a: SIMD4<Double>, b: SIMD4<Double>) -> SIMD4<Double> {
        let x = gamma(shape: a)
        let y = gamma(shape: b)
        let sum = x + y
        let ratio = x / sum.replacing(with: 1, where: sum .== 0)
        return ratio.replacing(with: a / (a + b), where: sum .== 0)
    }
}
