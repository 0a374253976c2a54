/// The accepted range of every number field of the file format, in one place: the loader reads each field
/// against it and `LineModelValidator` checks models built in code against the same range, so both give the
/// same message. docs/file-format.md lists them ("Accepted ranges").
///
/// The upper ends catch unit slips; the solver floors (`NumberRange.solverFloor`) keep every LP coefficient the
/// field feeds within what GLPK's scaling accepts: 1e-300, say, as an availability or a tool price makes GLPK
/// stop with "invalid scale factor". Each floor is far below any real value.
enum FieldRanges {
    // Periods.
    /// `periods[].hours_per_tool`, hours: at most a decade of 24/7 hours; at least 36 s.
    static let hoursPerTool = NumberRange.positive(max: 87_600).solverFloor(0.01)

    // Stations.
    static let installedTools = NumberRange.nonNegative(max: 1_000_000)
    /// `availability` as a fraction: at least 0.1 % up-time.
    static let availability = NumberRange.fraction.solverFloor(0.001)
    /// `availability.mtbf_hours`: at least 0.01 h.
    static let mtbfHours = NumberRange.positive(max: 1e7).solverFloor(0.01)
    /// `availability.mttr_hours`: 0, or at least 0.0001 h.
    static let mttrHours = NumberRange.nonNegative(max: 1e5).solverFloor(1e-4)
    /// MTBF / (MTBF + MTTR) must also reach this (same floor as a fraction).
    static let smallestAvailability = 0.001
    static let utilizationCap = NumberRange.fraction.solverFloor(0.001)
    /// `tool_price`, currency: 0 (cannot be bought), or at least one cent.
    static let toolPrice = NumberRange.nonNegative(max: 1e10).solverFloor(0.01)
    static let leadTimePeriods = NumberRange.nonNegative(max: 1_000)
    static let maxTools = NumberRange.nonNegative(max: 1_000_000)
    static let operatingCostPerToolHour = NumberRange.nonNegative(max: 1e7).solverFloor(1e-6)

    // Station queueing (docs/cycle-time.md).
    /// `queueing.arrival_scv`, `process_scv`, `repair_scv`: squared coefficients of variation.
    static let scv = NumberRange.between(0, 100)
    /// `queueing.max_queue_hours`, hours.
    static let maxQueueHours = NumberRange.positive(max: 1e6)
    /// `products[].lot_size_units`, units per lot.
    static let lotSizeUnits = NumberRange.positive(max: 1e9)

    // Products.
    /// Demand and supply quantities, units per period: 0, or at least a thousandth of a unit.
    static let unitsPerPeriod = NumberRange.nonNegative(max: 1e13).solverFloor(1e-3)
    static let demandCV = NumberRange.nonNegative(max: 10)
    /// Money per unit (price, penalty, holding, material), currency: 0, or at least 1e-6.
    static let moneyPerUnit = NumberRange.nonNegative(max: 1e9).solverFloor(1e-6)
    /// Step (and sort) yield: at least 0.1 %.
    static let stepYield = NumberRange.fraction.solverFloor(0.001)
    /// The product of a route's step yields must reach this (it multiplies every start in the demand rows).
    static let smallestRouteYield = 1e-6
    static let yieldConcentration = NumberRange.positive(max: 1e9)
    static let diesPerUnit = NumberRange.positive(max: 1_000).solverFloor(0.001)

    // Rates (the resulting seconds per unit are checked against `secondsPerUnit`).
    static let unitsPerHour = NumberRange.positive(max: 1e8)
    static let secondsPerUnitField = NumberRange.positive(max: 1e8)
    static let wiresPerUnit = NumberRange.positive(max: 1e5)
    static let wiresPerSecond = NumberRange.positive(max: 1e4)
    static let indexSeconds = NumberRange.nonNegative(max: 1e5)
    static let testSeconds = NumberRange.nonNegative(max: 1e7)
    static let testSites = NumberRange.between(1, 1e5)
    static let unitsPerBatch = NumberRange.positive(max: 1e9)
    static let batchHours = NumberRange.nonNegative(max: 1e4)
    static let loadHours = NumberRange.nonNegative(max: 1e4)
    /// Seconds of tool time per unit any rate form must give: at most 36 million units per hour, at least one
    /// unit in 116 days.
    static let secondsPerUnit = NumberRange.between(1e-4, 1e7)

    // Die types, fab and suppliers.
    /// Die width and height, mm: a reticle field is at most 26 x 33 mm; at least 0.05 mm.
    static let dieEdgeMillimetres = NumberRange.positive(max: 100).solverFloor(0.05)
    static let waferDiameterMillimetres = NumberRange.between(25, 450)
    static let edgeExclusionMillimetres = NumberRange.nonNegative(max: 100)
    static let scribeMillimetres = NumberRange.nonNegative(max: 5)
    static let clusteringAlpha = NumberRange.positive(max: 1e9)
    static let waferCost = NumberRange.nonNegative(max: 1e7).solverFloor(1e-6)
    static let cycleTimePeriods = NumberRange.nonNegative(max: 1_000)
    static let defectDensity = NumberRange.nonNegative(max: 1_000)
    /// Wafer starts per period: 0, or at least a thousandth of a wafer.
    static let waferStarts = NumberRange.nonNegative(max: 1e9).solverFloor(1e-3)
    static let costPerDie = NumberRange.nonNegative(max: 1e7).solverFloor(1e-6)
    /// Smallest die yield (and good dies per wafer, 1) a D0 may leave.
    static let smallestDieYield = 0.01

    // Budget.
    static let capitalPerPeriod = NumberRange.nonNegative(max: 1e13).solverFloor(0.01)
    static let capitalTotal = NumberRange.nonNegative(max: 1e14).solverFloor(0.01)

    /// Longest id in UTF-8 bytes. The planner names LP rows and columns by up to three ids, e.g.
    /// `capacity[site,station,period]` (12 bytes of decoration), and GLPK accepts names of at most 255 bytes:
    /// 3 × 80 + 12 = 252.
    static let maxIdBytes = 80
}
