/// One G/G/m station in steady state: m identical servers (tools), FCFS, one queue.
///
/// Utilization u = λ t_e / m, with λ the jobs arriving per hour and t_e the mean effective process time; a
/// station with u ≥ 1 has no steady state (its queue grows without bound).
public struct StationLoad: Sendable, Hashable, Codable {
    /// Servers m (tools up to serve the queue). Approximations that allow it take a fractional m (an LP plan).
    public var servers: Double
    /// SCV of the times between arrivals (1 = Poisson arrivals).
    public var arrivalSCV: Double
    /// Effective process time of one job (outages and setups included).
    public var processTime: ProcessTime
    /// Share of the servers' time busy, u = λ t_e / m, in [0, 1).
    public var utilization: Double

    public init(servers: Double, arrivalSCV: Double, processTime: ProcessTime, utilization: Double) {
        self.servers = servers
        self.arrivalSCV = arrivalSCV
        self.processTime = processTime
        self.utilization = utilization
    }

    /// Jobs arriving per hour: λ = u m / t_e.
    public var jobsPerHour: Double { utilization * servers / processTime.meanHours }
    /// The variability factor V = (c_a² + c_e²) / 2 of the VUT equation.
    public var variabilityFactor: Double { (arrivalSCV + processTime.scv) / 2 }
}

/// Which closed form estimates the queue time of a G/G/m station.
public enum QueueTimeModel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sakasegawa (1977), as in Factory Physics eq. 8.26: V · u^(√(2(m+1)) − 1) / (m (1 − u)) · t_e.
    /// Kingman's formula at m = 1; defined for a fractional m. The planner's default.
    case sakasegawa
    /// Allen–Cunneen: V × the exact M/M/m (Erlang C) queue time; exact for M/M/m, needs a whole m
    /// (a fractional m is rounded down, at least 1).
    case allenCunneen
}
