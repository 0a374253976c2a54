/// A process time of one job (a lot) at one tool: its mean and its squared coefficient of variation.
///
/// The SCV is variance / mean² (so 0 = deterministic, 1 = as variable as an exponential time). Factory Physics
/// (Hopp & Spearman, 3rd ed., ch. 8) calls c² < 0.5 low, 0.5–1.75 moderate and above 1.75 high variability.
public struct ProcessTime: Sendable, Hashable, Codable {
    /// Mean time one tool spends on one job, hours.
    public var meanHours: Double
    /// Squared coefficient of variation of that time (variance / mean²), dimensionless, ≥ 0.
    public var scv: Double

    public init(meanHours: Double, scv: Double) {
        self.meanHours = meanHours
        self.scv = scv
    }

    /// Second moment E[T²] = mean² (1 + SCV), hours².
    public var secondMomentHours2: Double { meanHours * meanHours * (1 + scv) }
    /// Variance, hours².
    public var varianceHours2: Double { meanHours * meanHours * scv }
}
