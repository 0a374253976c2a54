// Line-model features a wafer fab's re-entrant route needs (SMT2020: Kopp, Hassoun, Kalir and Mönch, "SMT2020 —
// A Semiconductor Manufacturing Testbed", IEEE Trans. Semiconductor Manufacturing 33(4), 2020): processing per
// wafer, per lot, per batch or cascading, load/unload per dispatch, setups, station calendars and steps with no
// station. Every one feeds the station load per started unit through `Formulas`; see docs/file-format.md.

/// What one tool spends on one dispatch (one load of the tool: a lot, or a batch of lots).
public enum Processing: Codable, Sendable, Hashable {
    /// Each unit (wafer) of the lot in turn: `seconds` per unit.
    case perUnit(seconds: Double)
    /// The whole lot at once: `seconds` per lot.
    case perLot(seconds: Double)
    /// A batch of units (a furnace load): `seconds` per batch, whatever its size within `batch`.
    case perBatch(seconds: Double, batch: BatchSize)
    /// A cascading tool: the first item leaves after `firstSeconds`, each further item `intervalSeconds` later.
    case cascade(Cascade)
}

/// Batch size limits of a batch step, in units (wafers); lot-based limits are stored as lots × units per lot.
public struct BatchSize: Codable, Sendable, Hashable {
    /// Fewest units a batch may start with.
    public var minUnits: Double
    /// Most units one batch holds.
    public var maxUnits: Double
    /// Units per batch the plan assumes (the batch fill), in [minUnits, maxUnits].
    public var plannedUnits: Double

    public init(minUnits: Double, maxUnits: Double, plannedUnits: Double? = nil) {
        self.minUnits = minUnits
        self.maxUnits = maxUnits
        self.plannedUnits = plannedUnits ?? maxUnits
    }
}

/// What a cascading tool's items are: single units (wafers of a lot) or whole lots.
public enum CascadeItem: String, Codable, Sendable, Hashable, CaseIterable {
    /// Wafers of a lot follow each other through the tool.
    case unit
    /// Lots follow each other through the tool (one lot per dispatch).
    case lot
}

/// A cascading (pipelined) tool: items overlap, so a run of items takes
/// `firstSeconds + (items − 1) × intervalSeconds`.
public struct Cascade: Codable, Sendable, Hashable {
    /// Time from the first item's start to its end, seconds.
    public var firstSeconds: Double
    /// Time between two items leaving, seconds (≤ `firstSeconds` on a real cascade).
    public var intervalSeconds: Double
    /// What an item is.
    public var item: CascadeItem
    /// Dispatches that follow each other back to back without the cascade emptying, ≥ 1. The first item's extra
    /// time (`firstSeconds − intervalSeconds`) is paid once per run, so it is shared by this many dispatches.
    /// 1 = every dispatch fills and empties the tool (the conservative reading).
    public var dispatchesPerRun: Double

    public init(firstSeconds: Double, intervalSeconds: Double, item: CascadeItem = .unit, dispatchesPerRun: Double = 1) {
        self.firstSeconds = firstSeconds
        self.intervalSeconds = intervalSeconds
        self.item = item
        self.dispatchesPerRun = dispatchesPerRun
    }
}

/// A rate given as tool time per dispatch of lots, the way a wafer fab's route quotes it.
///
/// Seconds per unit = (processing time of one dispatch + load + unload) / units per dispatch
/// (`DispatchRate.secondsPerUnit` in `Formulas`).
public struct DispatchRate: Codable, Sendable, Hashable {
    /// How the tool spends its time on one dispatch.
    public var processing: Processing
    /// Units (wafers) in one lot, e.g. 25.
    public var unitsPerLot: Double
    /// Tool time to load one dispatch, seconds.
    public var loadSeconds: Double
    /// Tool time to unload one dispatch, seconds.
    public var unloadSeconds: Double

    public init(processing: Processing, unitsPerLot: Double, loadSeconds: Double = 0, unloadSeconds: Double = 0) {
        self.processing = processing
        self.unitsPerLot = unitsPerLot
        self.loadSeconds = loadSeconds
        self.unloadSeconds = unloadSeconds
    }
}

/// Setup (changeover) time of a step's dispatches.
public struct SetupTime: Codable, Sendable, Hashable {
    /// Tool time of one setup, seconds.
    public var secondsPerChange: Double
    /// Expected setups per dispatch of this step, in [0, 1]: 1 is the bound (every dispatch needs a setup),
    /// 1/7 a run of at least 7 dispatches per setup.
    public var changesPerDispatch: Double

    public init(secondsPerChange: Double, changesPerDispatch: Double = 1) {
        self.secondsPerChange = secondsPerChange
        self.changesPerDispatch = changesPerDispatch
    }
}

/// A route step that uses no station (a queue-time delay, transport): it adds cycle time and no tool load.
public struct RouteDelay: Codable, Sendable, Hashable {
    /// Step name, e.g. "032_Delay".
    public var name: String
    /// Time a lot spends in the step, hours.
    public var hours: Double
    /// Station steps (`Product.route` entries) before this one in the route: its place in the step order.
    public var position: Int

    public init(name: String, hours: Double, position: Int) {
        self.name = name
        self.hours = hours
        self.position = position
    }
}

/// A station's down-time calendar: breakdowns and preventive maintenance, combined into availability by
/// `StationCalendar.availability` (docs/file-format.md states the formula).
public struct StationCalendar: Codable, Sendable, Hashable {
    /// Unplanned failures, each cause with its own MTBF and MTTR.
    public var breakdowns: [Breakdown]
    /// Preventive maintenance plans.
    public var maintenance: [Maintenance]

    public init(breakdowns: [Breakdown] = [], maintenance: [Maintenance] = []) {
        self.breakdowns = breakdowns
        self.maintenance = maintenance
    }
}

/// One cause of failure: mean up time between failures and mean repair time, hours.
public struct Breakdown: Codable, Sendable, Hashable {
    /// Mean time between failures (up time), hours.
    public var mtbfHours: Double
    /// Mean time to repair, hours.
    public var mttrHours: Double

    public init(mtbfHours: Double, mttrHours: Double) {
        self.mtbfHours = mtbfHours
        self.mttrHours = mttrHours
    }
}

/// One preventive maintenance plan: `hours` of down time every `every`.
public struct Maintenance: Codable, Sendable, Hashable {
    /// What triggers the maintenance.
    public var every: MaintenanceInterval
    /// Down time of one maintenance, hours.
    public var hours: Double

    public init(every: MaintenanceInterval, hours: Double) {
        self.every = every
        self.hours = hours
    }
}

/// When preventive maintenance falls due.
public enum MaintenanceInterval: Codable, Sendable, Hashable {
    /// Every so many hours of up time.
    case hours(Double)
    /// Every so many units processed; `busyHoursPerUnit` (tool hours one unit keeps a tool busy at this station)
    /// turns the count into busy hours between maintenances.
    case units(count: Double, busyHoursPerUnit: Double)
}
