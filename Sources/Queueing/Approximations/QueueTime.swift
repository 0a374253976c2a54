import Foundation

/// Expected time a job waits in queue before a tool starts it, hours (the "CTq" of Factory Physics).
///
/// Every function returns `Double.infinity` for u ≥ 1 (no steady state) and 0 for u ≤ 0.
public enum QueueTime {
    /// The estimate of `model` for `station`.
    public static func hours(_ model: QueueTimeModel, _ station: StationLoad) -> Double {
        switch model {
        case .sakasegawa: return sakasegawaHours(station)
        case .allenCunneen: return allenCunneenHours(station)
        }
    }

    /// Kingman's VUT equation for one server: CTq = (c_a² + c_e²)/2 · u/(1 − u) · t_e (Kingman 1961;
    /// Factory Physics eq. 8.20). Exact for M/M/1 and for M/G/1 (Pollaczek–Khinchine) when c_a² = 1.
    public static func kingmanHours(arrivalSCV: Double, processTime: ProcessTime, utilization u: Double) -> Double {
        guard u > 0 else { return 0 }
        guard u < 1 else { return .infinity }
        return (arrivalSCV + processTime.scv) / 2 * u / (1 - u) * processTime.meanHours
    }

    /// Sakasegawa (1977) for m servers: CTq = V · u^(√(2(m+1)) − 1) / (m (1 − u)) · t_e; m ≥ 1 may be
    /// fractional. Equals Kingman at m = 1.
    public static func sakasegawaHours(_ s: StationLoad) -> Double {
        let u = s.utilization, m = max(1, s.servers)
        guard u > 0 else { return 0 }
        guard u < 1 else { return .infinity }
        let exponent = (2 * (m + 1)).squareRoot() - 1
        return s.variabilityFactor * pow(u, exponent) / (m * (1 - u)) * s.processTime.meanHours
    }

    /// Allen–Cunneen: V × Erlang C queue time with ⌊m⌋ (≥ 1) servers at the same utilization.
    public static func allenCunneenHours(_ s: StationLoad) -> Double {
        let m = max(1, Int(s.servers.rounded(.down)))
        return s.variabilityFactor
            * MarkovQueue.erlangCQueueHours(servers: m, meanServiceHours: s.processTime.meanHours,
                                            utilization: s.utilization)
    }
}

/// Exact queue times of Markovian queues (Poisson arrivals, exponential service): the oracles the
/// approximations and the simulator are checked against.
public enum MarkovQueue {
    /// M/M/1: Wq = u / (1 − u) · (1/μ), hours.
    public static func mm1QueueHours(meanServiceHours: Double, utilization u: Double) -> Double {
        guard u > 0 else { return 0 }
        guard u < 1 else { return .infinity }
        return u / (1 - u) * meanServiceHours
    }

    /// Erlang C: the probability an arrival waits at an M/M/m station with utilization u (offered load
    /// a = m u). Computed through the Erlang B recursion B_k = a B_{k−1} / (k + a B_{k−1}), which never
    /// forms a^m / m!, then C = B_m / (1 − u (1 − B_m)).
    public static func erlangCWaitProbability(servers m: Int, utilization u: Double) -> Double {
        guard u > 0 else { return 0 }
        guard u < 1 else { return 1 }
        let a = Double(m) * u
        var b = 1.0
        for k in 1...max(1, m) { b = a * b / (Double(k) + a * b) }
        return b / (1 - u * (1 - b))
    }

    /// M/M/m: Wq = C(m, a) · (1/μ) / (m (1 − u)), hours.
    public static func erlangCQueueHours(servers m: Int, meanServiceHours: Double, utilization u: Double) -> Double {
        guard u > 0 else { return 0 }
        guard u < 1 else { return .infinity }
        return erlangCWaitProbability(servers: m, utilization: u) * meanServiceHours / (Double(m) * (1 - u))
    }
}
