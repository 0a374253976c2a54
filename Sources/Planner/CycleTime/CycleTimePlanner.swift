import LineModel
import Queueing

/// Plans with cycle-time targets per product and stations' queue-time limits, keeping the LP linear: each
/// queue-time limit becomes a utilization cap by inverting the queue-time approximation
/// (`UtilizationLimit`), and the caps are applied to the model before the formulation is built
/// (docs/cycle-time.md, "Planning with a cycle-time target").
///
/// Caps depend on the plan (the product mix at a station, its tools), so planning is a fixed-point
/// iteration: plan, derive caps from that plan (`QueueShares` shares each target among its stations),
/// re-plan, until the caps stop moving.
public enum CycleTimePlanner {
    /// Most plans solved, the first one (without target caps) included.
    public static let maxPlans = 12
    /// Caps that move less than this between two rounds count as converged.
    static let capTolerance = 1e-9
    /// Rounds in which caps may move both ways; after them a cap can only fall. Free rounds find the fixed
    /// point of lines whose plan responds smoothly (the tests); on a large LP, tool purchases and the
    /// product mix jump between vertices and free rounds can cycle, which the one-way rounds stop: they end
    /// at caps no tighter than the plan they give needs, i.e. a plan that meets the targets.
    static let freeRounds = 4
    /// The lowest cap planned with: the smallest `utilization_cap` the model validator accepts (its solver
    /// floor, docs/file-format.md "Accepted ranges"); a limit that would need less leaves the station at it.
    static let smallestCap = 0.001

    /// The best plan whose expected cycle time meets every target (and whose stations meet their
    /// `max_queue_hours`), by the queueing estimate of `queueModel`.
    /// - Throws: `CycleTimeTargetError` for a bad target, `PlanError` as `CapacityPlanner.optimize`.
    public static func optimize(_ model: LineModel, targets: [CycleTimeTarget], options: PlanOptions = PlanOptions(),
                                queueModel: QueueTimeModel = .sakasegawa) throws -> PlanReport {
        try plan(model, targets: targets, options: options, queueModel: queueModel).report
    }

    /// True when `model` and `targets` ask for anything this planner does (a target, or a station with
    /// `max_queue_hours`); otherwise `CapacityPlanner.optimize` gives the same plan.
    public static func isNeeded(_ model: LineModel, targets: [CycleTimeTarget]) -> Bool {
        !targets.isEmpty || model.sites.contains { $0.stations.contains { $0.queueing?.maxQueueHours != nil } }
    }

    /// As `optimize`, and also the model with the derived caps that the returned plan was solved from (to
    /// export that LP, or re-solve it).
    public static func plan(_ model: LineModel, targets: [CycleTimeTarget], options: PlanOptions = PlanOptions(),
                            queueModel: QueueTimeModel = .sakasegawa) throws -> (report: PlanReport, cappedModel: LineModel) {
        let goals = try CycleTimeGoals(model: model, targets: targets)
        var plan = try CapacityPlanner.optimize(model, options: options)
        guard goals.constrainsAnything else { return (plan, model) }
        var limits: [QueueStation: Double] = [:]
        var caps: [QueueStation: Double]? = nil
        var solved = 1, converged = false
        while solved < maxPlans, plan.status == .optimal || plan.status == .feasible, let cycle = plan.cycleTime {
            limits = QueueShares.limits(goals, plan, cycle, binding: caps.map { binding(plan, $0) } ?? [], previous: limits)
            var next = derivedCaps(model, plan, limits, queueModel)
            if let caps, solved > freeRounds { next.merge(caps, uniquingKeysWith: min) }
            let current = caps ?? [:]
            if next.keys == current.keys, next.allSatisfy({ abs($0.value - current[$0.key]!) < capTolerance }) {
                converged = true
                break
            }
            caps = next
            plan = try CapacityPlanner.optimize(capped(model, next), options: options)
            solved += 1
        }
        attach(goals, limits: limits, caps: caps ?? [:], model: model, solved: solved, converged: converged, to: &plan)
        return (plan, capped(model, caps ?? [:]))
    }

    /// Stations whose derived cap binds in `plan` (utilization within 1e-6 of it in some period).
    static func binding(_ plan: PlanReport, _ caps: [QueueStation: Double]) -> Set<QueueStation> {
        var result = Set<QueueStation>()
        for s in plan.stations {
            let key = QueueStation(site: s.site, station: s.station)
            if let cap = caps[key], s.utilization >= cap - 1e-6 { result.insert(key) }
        }
        return result
    }

    /// Per limited station: min over periods of the largest utilization meeting its limit with that period's
    /// tools and product mix, and never above the model's own cap.
    static func derivedCaps(_ model: LineModel, _ plan: PlanReport, _ limits: [QueueStation: Double],
                            _ queueModel: QueueTimeModel) -> [QueueStation: Double] {
        let flows = StationFlows(model: model, plan: plan)
        var caps: [QueueStation: Double] = [:]
        for (key, limit) in limits {
            guard let station = model.site(key.site)?.station(key.station) else { continue }
            var cap = station.utilizationCap
            for period in model.periods {
                let k = StationFlows.Key(site: key.site, station: key.station, period: period.id)
                guard let load = flows.load(k, station: station) ?? nominalLoad(model, key, station, flows.toolCount(k))
                else { continue }
                cap = min(cap, UtilizationLimit.largestUtilization(queueLimitHours: limit, model: queueModel, station: load))
            }
            caps[key] = max(cap, smallestCap)
        }
        return caps
    }

    /// A station that no lot crosses in a period: the equal-weight mix of the lots that could cross it.
    static func nominalLoad(_ model: LineModel, _ key: QueueStation, _ station: Station, _ tools: Double) -> StationLoad? {
        var classes: [JobClass] = []
        for product in model.products where product.sites.contains(key.site) {
            for step in product.route where step.station == key.station {
                classes.append(JobClass(jobsPerHour: 1, processTime: StationFlows.lotProcessTime(
                    station, step, lotSizeUnits: product.lotSize)))
            }
        }
        guard let mix = ProcessTimeMix.mixed(classes) else { return nil }
        return StationLoad(servers: max(1, tools), arrivalSCV: station.arrivalSCV, processTime: mix, utilization: 0)
    }

    static func capped(_ model: LineModel, _ caps: [QueueStation: Double]) -> LineModel {
        var m = model
        for i in m.sites.indices {
            for j in m.sites[i].stations.indices {
                if let cap = caps[QueueStation(site: m.sites[i].id, station: m.sites[i].stations[j].id)] {
                    m.sites[i].stations[j].utilizationCap = cap
                }
            }
        }
        return m
    }

    static func attach(_ goals: CycleTimeGoals, limits: [QueueStation: Double], caps: [QueueStation: Double],
                       model: LineModel, solved: Int, converged: Bool, to plan: inout PlanReport) {
        guard plan.cycleTime != nil else { return }
        let list = caps.keys.sorted().map { key in
            QueueTimeCap(site: key.site, station: key.station, queueLimitHours: limits[key] ?? .infinity,
                         modelCap: model.site(key.site)?.station(key.station)?.utilizationCap ?? 1, cap: caps[key]!)
        }
        plan.cycleTime!.targets = CycleTimeTargetOutcome(targets: goals.targets, plansSolved: solved,
                                                         converged: converged, caps: list)
        let byProduct = Dictionary(goals.targets.map { ($0.product, $0.hours) }, uniquingKeysWith: min)
        for i in plan.cycleTime!.products.indices {
            plan.cycleTime!.products[i].targetHours = byProduct[plan.cycleTime!.products[i].product]
        }
    }
}
