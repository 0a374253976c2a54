/// A whole back-end capacity model: planning periods, sites with their stations (tool groups), products with
/// their routes and demand, the domestic wafer fab, bought-die suppliers and capital budgets.
///
/// A `LineModel` that exists has been validated: the loader (`LineModelLoader`) refuses every inconsistency
/// with a located error, so later stages (the planner, the Monte Carlo estimator) never check it again.
///
/// Identifiers (`id`) are unique within their collection. Route steps name a station *kind* by id; that id
/// must exist at every site the product may be built at.
public struct LineModel: Codable, Sendable, Hashable {
    /// Human-readable name of the model, e.g. "Vietnam back-end 2026-2030".
    public var name: String
    /// Free text for the planner.
    public var description: String?
    /// Currency of every money figure in the model (informative only), e.g. "USD".
    public var currency: String
    /// Planning periods, in time order.
    public var periods: [Period]
    /// Plants with their stations.
    public var sites: [Site]
    /// Die designs used by products (size; made by the fab and/or bought).
    public var dieTypes: [DieType]
    /// Package families built on the lines.
    public var products: [Product]
    /// The domestic wafer fab, if modelled.
    public var fab: Fab?
    /// External die suppliers.
    public var dieSuppliers: [DieSupplier]
    /// Capital budgets for tool purchases.
    public var budget: Budget

    public init(
        name: String, description: String? = nil, currency: String = "USD",
        periods: [Period], sites: [Site], dieTypes: [DieType] = [], products: [Product],
        fab: Fab? = nil, dieSuppliers: [DieSupplier] = [], budget: Budget = Budget()
    ) {
        self.name = name
        self.description = description
        self.currency = currency
        self.periods = periods
        self.sites = sites
        self.dieTypes = dieTypes
        self.products = products
        self.fab = fab
        self.dieSuppliers = dieSuppliers
        self.budget = budget
    }
}

/// A planning period (a month, quarter or year).
public struct Period: Codable, Sendable, Hashable {
    /// Identifier used everywhere a period is referenced, e.g. "2027" or "2027Q3".
    public var id: String
    /// Productive hours one tool can run in this period before availability and utilization caps
    /// (e.g. 8,760 h in a year of 24/7 operation minus planned shutdowns).
    public var hoursPerTool: Double

    public init(id: String, hoursPerTool: Double) {
        self.id = id
        self.hoursPerTool = hoursPerTool
    }
}

/// A plant (an assembly-and-test site, a test-only plant, ...).
public struct Site: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    /// Where it is, e.g. "Saigon Hi-Tech Park, Ho Chi Minh City".
    public var location: String?
    /// Tool groups at this site.
    public var stations: [Station]

    public init(id: String, name: String? = nil, location: String? = nil, stations: [Station]) {
        self.id = id
        self.name = name
        self.location = location
        self.stations = stations
    }
}

/// How much of the calendar a tool is up.
public enum Availability: Codable, Sendable, Hashable {
    /// Availability given directly as a fraction in (0, 1].
    case fraction(Double)
    /// From reliability figures (SEMI E10): A = MTBF / (MTBF + MTTR), hours.
    case reliability(mtbfHours: Double, mttrHours: Double)
    /// From a station calendar of breakdowns and preventive maintenance (`StationCalendar.availability`).
    case calendar(StationCalendar)
}

/// A station: a group of identical tools at one site (wire bonders, ATE test cells, burn-in ovens, ...).
public struct Station: Codable, Sendable, Hashable {
    /// Station kind, referenced by route steps, e.g. "wire-bond". Unique within a site.
    public var id: String
    public var name: String?
    /// Tools installed at the start of the horizon.
    public var installedTools: Int
    /// Fraction of time a tool is up.
    public var availability: Availability
    /// Highest planned utilization of up-time, in (0, 1]; keeps queues (cycle time) bounded.
    public var utilizationCap: Double
    /// Price of one new tool (capital), currency units.
    public var toolPrice: Double
    /// Periods between ordering a tool and its first productive period (0 = available in the period bought).
    public var leadTimePeriods: Int
    /// Most tools the floor can hold (installed + bought). `nil` means no floor limit.
    public var maxTools: Int?
    /// Operating cost per productive tool-hour (labour, power, consumables), currency units.
    public var operatingCostPerToolHour: Double
    /// Variability figures for cycle-time estimates and a queue-time limit (docs/cycle-time.md);
    /// `nil` = every default of `StationQueueing`.
    public var queueing: StationQueueing?

    public init(
        id: String, name: String? = nil, installedTools: Int, availability: Availability,
        utilizationCap: Double = 1, toolPrice: Double = 0, leadTimePeriods: Int = 0, maxTools: Int? = nil,
        operatingCostPerToolHour: Double = 0, queueing: StationQueueing? = nil
    ) {
        self.id = id
        self.name = name
        self.installedTools = installedTools
        self.availability = availability
        self.utilizationCap = utilizationCap
        self.toolPrice = toolPrice
        self.leadTimePeriods = leadTimePeriods
        self.maxTools = maxTools
        self.operatingCostPerToolHour = operatingCostPerToolHour
        self.queueing = queueing
    }
}

/// How fast one tool processes a unit at one route step, in the forms the industry quotes.
/// Every form is turned into seconds per unit by `Rate.secondsPerUnit` (see `Formulas`).
public enum Rate: Codable, Sendable, Hashable {
    /// Units per hour of one tool (UPH).
    case unitsPerHour(Double)
    /// Seconds of tool time per unit.
    case secondsPerUnit(Double)
    /// Ball/wedge wire bonding: UPH = 3600 / (wiresPerUnit / wiresPerSecond + indexSeconds).
    case wireBond(wiresPerUnit: Double, wiresPerSecond: Double, indexSeconds: Double)
    /// Multi-site test cell (ATE + handler): UPH = 3600 * sites / (testSeconds + indexSeconds).
    case multiSiteTest(testSeconds: Double, sites: Double, indexSeconds: Double)
    /// Batch tool (burn-in oven, cure oven, mold press): UPH = unitsPerBatch / (batchHours + loadHours).
    case batch(unitsPerBatch: Double, batchHours: Double, loadHours: Double)
    /// Processing per unit, per lot, per batch or cascading, with load/unload per dispatch (`DispatchRate`).
    case dispatch(DispatchRate)
}

/// One step of a product's route.
public struct RouteStep: Codable, Sendable, Hashable {
    /// Step name, e.g. "final-test". Defaults to the station id.
    public var name: String
    /// Station kind (id) that performs the step.
    public var station: String
    /// Tool time per unit.
    public var rate: Rate
    /// Fraction of units entering the step that leave it good, in (0, 1].
    public var yield: Double
    /// Lot-to-lot dispersion of the step yield for Monte Carlo: the beta distribution's concentration
    /// a + b (larger = less spread). `nil` = no lot-to-lot variation.
    public var yieldConcentration: Double?
    /// Expected visits per unit entering the step, in (0, 100]: below 1 for sampling (only a share of lots is
    /// processed), above 1 for rework (a share comes back). 1 = every unit once. Scales the step's tool load.
    public var visitFraction: Double
    /// Setup time charged to the step's dispatches, `nil` = none.
    public var setup: SetupTime?

    public init(name: String? = nil, station: String, rate: Rate, yield: Double, yieldConcentration: Double? = nil,
                visitFraction: Double = 1, setup: SetupTime? = nil) {
        self.name = name ?? station
        self.station = station
        self.rate = rate
        self.yield = yield
        self.yieldConcentration = yieldConcentration
        self.visitFraction = visitFraction
        self.setup = setup
    }
}

/// How many dies of a type go into one unit of a product.
public struct DieUse: Codable, Sendable, Hashable {
    /// Die type id.
    public var dieType: String
    /// Dies per unit (e.g. 4 for a 4-high memory stack).
    public var perUnit: Double

    public init(dieType: String, perUnit: Double) {
        self.dieType = dieType
        self.perUnit = perUnit
    }
}

/// A package family built on the lines (FCBGA CPU, QFN, SiP module, stacked memory, ...).
public struct Product: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    /// Package family, informative (e.g. "FCBGA").
    public var family: String?
    /// Ordered route steps that use a station.
    public var route: [RouteStep]
    /// Steps with no station (queue-time delays, transport) in route order: cycle time, no load.
    public var delays: [RouteDelay]
    /// Sites that may build it (site ids).
    public var sites: [String]
    /// Dies consumed per unit started.
    public var dies: [DieUse]
    /// Demand in good units per period id. Periods not listed have zero demand.
    public var demand: [String: Double]
    /// Relative standard deviation of demand for Monte Carlo (0 = deterministic).
    public var demandCV: Double
    /// Revenue per good unit shipped.
    public var pricePerUnit: Double
    /// Penalty per unit of unmet demand (lost margin, goodwill).
    public var unmetPenaltyPerUnit: Double
    /// Cost of carrying one good unit from one period to the next. `nil` = no inventory carried.
    public var holdingCostPerUnitPeriod: Double?
    /// Direct material cost per unit started (substrate, wire, mold compound), excluding dies.
    public var materialCostPerUnit: Double
    /// Units per lot, the job that queues at each station (cycle-time estimates, docs/cycle-time.md).
    /// `nil` = `StationQueueing.defaultLotSizeUnits`.
    public var lotSizeUnits: Double?

    public init(
        id: String, name: String? = nil, family: String? = nil, route: [RouteStep], sites: [String],
        dies: [DieUse] = [], demand: [String: Double], demandCV: Double = 0, pricePerUnit: Double,
        unmetPenaltyPerUnit: Double = 0, holdingCostPerUnitPeriod: Double? = nil, materialCostPerUnit: Double = 0,
        lotSizeUnits: Double? = nil, delays: [RouteDelay] = []
    ) {
        self.id = id
        self.delays = delays
        self.name = name
        self.family = family
        self.route = route
        self.sites = sites
        self.dies = dies
        self.demand = demand
        self.demandCV = demandCV
        self.pricePerUnit = pricePerUnit
        self.unmetPenaltyPerUnit = unmetPenaltyPerUnit
        self.holdingCostPerUnitPeriod = holdingCostPerUnitPeriod
        self.materialCostPerUnit = materialCostPerUnit
        self.lotSizeUnits = lotSizeUnits
    }
}

/// A die design: its size on the wafer.
public struct DieType: Codable, Sendable, Hashable {
    public var id: String
    /// Die width, mm (without scribe).
    public var widthMillimetres: Double
    /// Die height, mm (without scribe).
    public var heightMillimetres: Double

    public init(id: String, widthMillimetres: Double, heightMillimetres: Double) {
        self.id = id
        self.widthMillimetres = widthMillimetres
        self.heightMillimetres = heightMillimetres
    }
}

/// Die-yield models as a function of A·D0 (A = die area in cm², D0 = defects per cm²).
public enum YieldModel: Codable, Sendable, Hashable {
    /// Y = exp(-A·D0).
    case poisson
    /// Murphy (1964): Y = ((1 - exp(-A·D0)) / (A·D0))², 1 at A·D0 = 0.
    case murphy
    /// Seeds, exponential defect distribution: Y = 1 / (1 + A·D0) (negative binomial with alpha = 1).
    case seedsExponential
    /// Y = exp(-sqrt(A·D0)) (named "Seeds" or "Moore" in different texts).
    case expSqrt
    /// Negative binomial (Stapper): Y = (1 + A·D0/alpha)^(-alpha). Uses the fab's `clusteringAlpha`.
    case negativeBinomial
}

/// The domestic wafer fab that feeds dies to the back-end lines.
public struct Fab: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    /// Wafer diameter, mm (200 or 300).
    public var waferDiameterMillimetres: Double
    /// Unusable ring at the wafer edge, mm.
    public var edgeExclusionMillimetres: Double
    /// Scribe (dicing street) width added to each die edge, mm.
    public var scribeMillimetres: Double
    /// Defect density D0 per period id (its learning curve), defects/cm². Periods not listed use the last
    /// listed earlier value (or the first value for periods before any listed one).
    public var defectDensityPerCm2: [String: Double]
    /// Clustering parameter alpha of the negative binomial model (and of the gamma-distributed D0 in Monte Carlo).
    public var clusteringAlpha: Double
    /// Which yield formula to use.
    public var yieldModel: YieldModel
    /// Wafer-start capacity per period id (the ramp). Periods not listed have zero capacity.
    public var waferStartsPerPeriod: [String: Double]
    /// Cost per wafer started, currency units.
    public var waferCost: Double
    /// Fab cycle time, whole periods between wafer start and dies available to the back end.
    public var cycleTimePeriods: Int
    /// Wafer-sort (probe) yield applied on top of the die yield, in (0, 1].
    public var sortYield: Double
    /// Die types the fab can make (ids).
    public var dieTypes: [String]

    public init(
        id: String, name: String? = nil, waferDiameterMillimetres: Double, edgeExclusionMillimetres: Double = 0,
        scribeMillimetres: Double = 0, defectDensityPerCm2: [String: Double], clusteringAlpha: Double = 2,
        yieldModel: YieldModel = .negativeBinomial, waferStartsPerPeriod: [String: Double], waferCost: Double,
        cycleTimePeriods: Int = 0, sortYield: Double = 1, dieTypes: [String]
    ) {
        self.id = id
        self.name = name
        self.waferDiameterMillimetres = waferDiameterMillimetres
        self.edgeExclusionMillimetres = edgeExclusionMillimetres
        self.scribeMillimetres = scribeMillimetres
        self.defectDensityPerCm2 = defectDensityPerCm2
        self.clusteringAlpha = clusteringAlpha
        self.yieldModel = yieldModel
        self.waferStartsPerPeriod = waferStartsPerPeriod
        self.waferCost = waferCost
        self.cycleTimePeriods = cycleTimePeriods
        self.sortYield = sortYield
        self.dieTypes = dieTypes
    }
}

/// An outside supplier of known-good dies.
public struct DieSupplier: Codable, Sendable, Hashable {
    public var id: String
    /// Die type id supplied.
    public var dieType: String
    /// Price per good die, currency units.
    public var costPerDie: Double
    /// Most dies per period id. `nil` = unlimited; periods not listed in a non-nil map have zero supply.
    public var capPerPeriod: [String: Double]?

    public init(id: String, dieType: String, costPerDie: Double, capPerPeriod: [String: Double]? = nil) {
        self.id = id
        self.dieType = dieType
        self.costPerDie = costPerDie
        self.capPerPeriod = capPerPeriod
    }
}

/// Capital budgets for tool purchases.
public struct Budget: Codable, Sendable, Hashable {
    /// Most capital spent on tools per period id. Periods not listed are unlimited.
    public var capitalPerPeriod: [String: Double]
    /// Most capital spent on tools over the whole horizon. `nil` = unlimited.
    public var capitalTotal: Double?

    public init(capitalPerPeriod: [String: Double] = [:], capitalTotal: Double? = nil) {
        self.capitalPerPeriod = capitalPerPeriod
        self.capitalTotal = capitalTotal
    }
}
