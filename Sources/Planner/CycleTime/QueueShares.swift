import LineModel

/// The allocation rule: how a product's allowed queue time is shared among the stations on its route.
///
/// First round: equal shares, allowance / visits. Later rounds (a fixed-point iteration on the last plan):
/// stations whose derived cap did not bind keep their limit, and the ones that bound share what the others
/// leave: (allowance − Σ queue at non-binding visits) / binding visits. A station's limit is the smallest
/// share any product gives it, and never above its own `max_queue_hours`. At the fixed point the binding
/// stations use exactly the queue time the others leave, so the target holds with equality whenever a
/// target cap binds.
enum QueueShares {
    /// New queue-time limits per station, hours.
    /// - Parameters:
    ///   - binding: stations whose derived cap bound in `plan` (`nil` on the first round: all of them).
    ///   - previous: the limits `plan` was solved with.
    static func limits(_ goals: CycleTimeGoals, _ plan: PlanReport, _ cycle: CycleTimeReport,
                       binding: Set<QueueStation>?, previous: [QueueStation: Double]) -> [QueueStation: Double] {
        var queue: [String: Double?] = [:]
        for s in cycle.stations { queue[s.site + "\u{1}" + s.station + "\u{1}" + s.period] = s.queueHours }
        var next: [QueueStation: Double] = [:]
        for route in goals.routes where !route.visits.isEmpty {
            guard let binding else {
                let share = route.allowanceHours / Double(route.visits.count)
                for v in route.visits { next[v] = min(next[v] ?? .infinity, share) }
                continue
            }
            for row in plan.products where row.product == route.productID && (row.startsBySite[route.site] ?? 0) > 0 {
                reshare(route, period: row.period, queue, binding, &next)
            }
        }
        for (station, limit) in previous where next[station] == nil { next[station] = limit }
        for (station, own) in goals.stationLimits { next[station] = min(next[station] ?? .infinity, own) }
        return next
    }

    private static func reshare(_ route: CycleTimeGoals.Route, period: String, _ queue: [String: Double?],
                                _ binding: Set<QueueStation>, _ next: inout [QueueStation: Double]) {
        var left = route.allowanceHours
        var bound: [QueueStation] = []
        for v in route.visits {
            let w = queue[v.site + "\u{1}" + v.station + "\u{1}" + period] ?? nil
            if let w, !binding.contains(v) { left -= w } else { bound.append(v) }
        }
        guard !bound.isEmpty else { return }
        let share = max(left / Double(bound.count), 1e-9)
        for v in bound { next[v] = min(next[v] ?? .infinity, share) }
    }
}
