import Queueing

/// Expected queue times, cycle times and work in process of a plan, from its utilizations and the stations'
/// variability (docs/cycle-time.md). Steady-state estimates per period: each period is taken as long enough
/// for its queues to settle at the plan's rates.
public struct CycleTimeReport: Sendable, Codable, Hashable {
    /// The multi-server approximation behind every queue time.
    public var queueModel: QueueTimeModel
    /// Every station-period that lots cross, in model order.
    public var stations: [StationQueue]
    /// Every product-period with starts.
    public var products: [ProductCycleTime]
    /// How cycle-time targets and queue-time limits were turned into utilization caps; `nil` without them.
    public var targets: CycleTimeTargetOutcome?
}

/// The queue at one station in one period.
public struct StationQueue: Sendable, Codable, Hashable {
    /// Site id.
    public var site: String
    /// Station id (kind) at that site.
    public var station: String
    /// Period id.
    public var period: String
    /// Tools serving the queue (m; fractional in an LP plan).
    public var servers: Double
    /// Share of up-time busy: λ t_e / m (the plan's utilization).
    public var utilization: Double
    /// Lots arriving per hour, all products.
    public var lotsPerHour: Double
    /// SCV of lot inter-arrival times (the station's figure or its default).
    public var arrivalSCV: Double
    /// Mean effective process time of one lot, outages included, hours (arrival-weighted over products).
    public var processHours: Double
    /// SCV of the effective lot process time (outages and the product mix included).
    public var processSCV: Double
    /// Expected time a lot waits before a tool starts it, hours; `nil` when u ≥ 1 (no steady state).
    public var queueHours: Double?
    /// Lots at the station, waiting or on a tool (Little's law: λ (queue + process)); `nil` when u ≥ 1.
    public var wipLots: Double?
}

/// Expected cycle time and WIP of one product in one period (starts-weighted over its sites).
public struct ProductCycleTime: Sendable, Codable, Hashable {
    /// Product id.
    public var product: String
    /// Period id.
    public var period: String
    /// Units per lot, the job that queues.
    public var lotSizeUnits: Double
    /// Units started per hour (starts over the period's hours).
    public var startsPerHour: Double
    /// Expected hours in queue along the route; `nil` when a station on it has u ≥ 1.
    public var queueHours: Double?
    /// Hours on tools along the route (effective process times of one lot).
    public var processHours: Double
    /// Expected cycle time, start to finish, hours: queue + process; `nil` when a station has u ≥ 1.
    public var cycleTimeHours: Double?
    /// Units in process along the route (Little's law per step: units per hour reaching it × its time).
    public var wipUnits: Double?
    /// The cycle-time target the plan was made for, hours; `nil` without one.
    public var targetHours: Double?
}

/// The outcome of planning with cycle-time targets (`CycleTimePlanner`).
public struct CycleTimeTargetOutcome: Sendable, Codable, Hashable {
    /// Targets per product, hours.
    public var targets: [CycleTimeTarget]
    /// Plans solved, the first (without target caps) included.
    public var plansSolved: Int
    /// True when the last two rounds gave the same caps (within 1e-9): the plan is a fixed point.
    public var converged: Bool
    /// The utilization caps the targets and queue-time limits set.
    public var caps: [QueueTimeCap]
}

/// A utilization cap derived from a queue-time limit.
public struct QueueTimeCap: Sendable, Codable, Hashable {
    /// Site id.
    public var site: String
    /// Station id (kind) at that site.
    public var station: String
    /// The allowed expected queue time, hours (the smallest share any target gives this station, or its own
    /// `max_queue_hours`).
    public var queueLimitHours: Double
    /// The model's own utilization cap.
    public var modelCap: Double
    /// The cap planned with: min(model cap, largest utilization meeting the limit in every period).
    public var cap: Double
}

/// A product's cycle-time target: the expected start-to-finish time a plan may give its lots.
public struct CycleTimeTarget: Sendable, Codable, Hashable {
    /// Product id.
    public var product: String
    /// Longest expected cycle time, hours.
    public var hours: Double

    public init(product: String, hours: Double) {
        self.product = product
        self.hours = hours
    }
}
