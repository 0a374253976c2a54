/// Effective process times: what a job really occupies a tool for once outages and setups are counted in
/// (Hopp & Spearman, *Factory Physics*, 3rd ed., §8.4).
public enum EffectiveProcessTime {
    /// Preemptive outages (breakdowns that strike while a job is on the tool; the job resumes after repair).
    ///
    /// Failures arrive at rate 1/MTBF during processing, repairs have mean MTTR and SCV `repairSCV`. With
    /// availability A = MTBF / (MTBF + MTTR) (Factory Physics eqs. 8.4–8.6):
    ///
    ///     t_e  = t_0 / A
    ///     c_e² = c_0² + (1 + c_r²) A (1 − A) MTTR / t_0
    ///
    /// Long, rare repairs add far more variability than short, frequent ones at the same availability.
    ///
    /// - Parameters:
    ///   - natural: the job's process time without outages (t_0, c_0²).
    ///   - mtbfHours: mean busy time between failures, hours (> 0).
    ///   - mttrHours: mean time to repair, hours (≥ 0; 0 = no outages).
    ///   - repairSCV: SCV of repair times (1 = exponential repairs).
    public static func preemptiveOutages(natural: ProcessTime, mtbfHours: Double, mttrHours: Double,
                                         repairSCV: Double) -> ProcessTime {
        let availability = mtbfHours / (mtbfHours + mttrHours)
        let outageSCV = (1 + repairSCV) * availability * (1 - availability) * mttrHours / natural.meanHours
        return ProcessTime(meanHours: natural.meanHours / availability, scv: natural.scv + outageSCV)
    }

    /// Non-preemptive outages (setups, changeovers, assists that wait for a job boundary).
    ///
    /// A setup happens on average every `jobsBetweenSetups` jobs (N_s ≥ 1, the count between setups being
    /// geometric), with mean t_s and SCV c_s² (Factory Physics eqs. 8.7–8.9):
    ///
    ///     t_e  = t_0 + t_s / N_s
    ///     σ_e² = σ_0² + σ_s² / N_s + (N_s − 1) t_s² / N_s²
    ///
    /// - Parameters:
    ///   - natural: the job's process time without setups.
    ///   - jobsBetweenSetups: mean jobs run between two setups (≥ 1).
    ///   - setupHours: mean setup time, hours.
    ///   - setupSCV: SCV of setup times.
    public static func nonPreemptiveSetups(natural: ProcessTime, jobsBetweenSetups: Double, setupHours: Double,
                                           setupSCV: Double) -> ProcessTime {
        let ns = jobsBetweenSetups
        let mean = natural.meanHours + setupHours / ns
        let variance = natural.varianceHours2 + setupSCV * setupHours * setupHours / ns
            + (ns - 1) * setupHours * setupHours / (ns * ns)
        return ProcessTime(meanHours: mean, scv: mean > 0 ? variance / (mean * mean) : 0)
    }
}
