import LineModel

/// The allocation rule: how a product's allowed queue time is shared among the stations on its route.
///
/// Each round reads the last plan, per product, site and period with starts. A route whose stations' derived
/// caps did not bind: if its expected queue time already fits the allowance it sets no limit; if not, every
/// visit gets an equal share, allowance / visits. A route with binding visits: the stations that did not bind
/// keep their limit, and the binding ones share what the others leave, (allowance − Σ queue at non-binding
/// visits) / binding visits. A station's limit is the smallest share any product gives it, and never above its
/// own `max_queue_hours`. At the fixed point the binding stations use exactly the queue time the others leave.
enum QueueShares {
    /// New queue-time limits per station, hours.
    /// - Parameters:
    ///   - binding: stations whose derived cap bound in `plan` (empty on the first round).
    ///   - previous: the limits `plan` was solved with.
    static func limits(_ goals: CycleTimeGoals, _ plan: PlanReport, _ cycle: CycleTimeReport,
                       binding: Set<QueueStation>, previous: [QueueStation: Double]) -> [QueueStation: Double] {
        var queue: [String: Double?] = [:]
        for s in cycle.stations { queue[s.site + "\u{1}" + s.station + "\u{1}" + s.period] = s.queueHours }
        var next: [QueueStation: Double] = [:]
        for route in goals.routes where !route.visits.isEmpty {
            for row in plan.products where row.product == route.productID && (row.startsBySite[route.site] ?? 0) > 0 {
                share(route, period: row.period, queue, binding, &next)
            }
        }
        for (station, limit) in previous where next[station] == nil { next[station] = limit }
        for (station, own) in goals.stationLimits { next[station] = min(next[station] ?? .infinity, own) }
        return next
    }

    private static func share(_ route: CycleTimeGoals.Route, period: String, _ queue: [String: Double?],
                              _ binding: Set<QueueStation>, _ next: inout [QueueStation: Double]) {
        let waits = route.visits.map { queue[$0.site + "\u{1}" + $0.station + "\u{1}" + period] ?? nil }
        var left = route.allowanceHours
        var bound: [QueueStation] = []  // binding visits, and visits without a steady state
        for (v, w) in zip(route.visits, waits) {
            if let w, !binding.contains(v) { left -= w } else { bound.append(v) }
        }
        if bound.isEmpty {
            // No cap of this route binds: set limits only when the route misses its target.
            guard left < 0 else { return }
            bound = route.visits
            left = route.allowanceHours
        }
        let share = max(left / Double(bound.count), 1e-9)
        for v in bound { next[v] = min(next[v] ?? .infinity, share) }
    }
}
