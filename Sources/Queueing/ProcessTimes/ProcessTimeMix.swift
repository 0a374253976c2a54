/// One job class at a shared station: how often its jobs arrive and how long they take.
public struct JobClass: Sendable, Hashable, Codable {
    /// Jobs of this class arriving per hour.
    public var jobsPerHour: Double
    /// Effective process time of one job of this class.
    public var processTime: ProcessTime

    public init(jobsPerHour: Double, processTime: ProcessTime) {
        self.jobsPerHour = jobsPerHour
        self.processTime = processTime
    }
}

/// The process time a FCFS station sees when several job classes (products, route steps) share it.
public enum ProcessTimeMix {
    /// The process time of a job drawn at random from the arriving stream: a mixture of the classes weighted
    /// by arrival rate. Mean = Σ p_i t_i, E[T²] = Σ p_i t_i² (1 + c_i²), SCV = E[T²] / mean² − 1, with
    /// p_i = λ_i / Σ λ. Different means alone make the mix variable (two deterministic classes give SCV > 0).
    /// Returns `nil` when no jobs arrive.
    public static func mixed(_ classes: [JobClass]) -> ProcessTime? {
        let total = classes.reduce(0) { $0 + $1.jobsPerHour }
        guard total > 0 else { return nil }
        var mean = 0.0, second = 0.0
        for c in classes where c.jobsPerHour > 0 {
            let p = c.jobsPerHour / total
            mean += p * c.processTime.meanHours
            second += p * c.processTime.secondMomentHours2
        }
        guard mean > 0 else { return ProcessTime(meanHours: 0, scv: 0) }
        return ProcessTime(meanHours: mean, scv: max(0, second / (mean * mean) - 1))
    }
}
