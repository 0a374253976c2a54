/// The inverse of a queue-time estimate: the highest utilization at which the expected queue time stays
/// within a limit. Planning caps utilization there, which keeps the capacity rows linear.
public enum UtilizationLimit {
    /// Largest u in [0, 1) with `QueueTime.hours(model, station at u) ≤ queueLimitHours`; every other field
    /// of `station` (servers, SCVs, process time) is held fixed.
    ///
    /// Kingman (one server, Sakasegawa at m = 1) has the closed form u* = L / (L + V t_e); the other cases
    /// bisect, since each estimate rises strictly with u on [0, 1). V = 0 (no variability) gives no queue at
    /// any u < 1 and so returns 1, whatever the limit; otherwise a limit of 0 returns 0.
    public static func largestUtilization(queueLimitHours limit: Double, model: QueueTimeModel,
                                          station: StationLoad) -> Double {
        let v = station.variabilityFactor, te = station.processTime.meanHours
        guard v > 0, te > 0 else { return 1 }
        guard limit > 0 else { return 0 }
        if model == .sakasegawa, station.servers <= 1 { return limit / (limit + v * te) }
        var low = 0.0, high = 1.0
        var s = station
        for _ in 0..<64 {
            let mid = (low + high) / 2
            s.utilization = mid
            if QueueTime.hours(model, s) <= limit { low = mid } else { high = mid }
        }
        return low
    }
}
