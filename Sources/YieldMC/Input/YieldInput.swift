/// Everything the Monte Carlo estimator needs, as plain numbers: no file formats, no line-model types.
/// `Planner` builds one from a `LineModel` (and optionally a plan's starts); tests and benchmarks build them
/// directly. Arrays indexed "per period" have one entry per element of `periods`, in the same order.
public struct YieldInput: Codable, Sendable, Hashable {
    /// Planning periods; each Monte Carlo trial simulates every period once, independently.
    public var periods: [YieldPeriod]
    /// Stations (tool groups) of every site, flattened; steps refer to them by index.
    public var stations: [YieldStation]
    /// The wafer fab that supplies dies, if any.
    public var fab: YieldFab?
    /// Products (each with one or more routes, e.g. one per site).
    public var products: [YieldProduct]
    /// Units per back-end lot: the granularity at which step yields are drawn (beta per lot). Default 1,000.
    public var unitsPerLot: Double
    /// Which sources of randomness are on.
    public var variability: Variability
    /// How lots with a dispersed step yield are drawn (same distribution either way).
    public var lotSampling: LotSampling
    /// How the good dies of a die type's wafers are drawn (same distribution either way).
    public var waferSampling: WaferSampling
    /// Above this many lots in a step (or wafers of a die type) per trial and period, the step's losses (the good
    /// dies) are one normal draw with the exact mean and variance instead of a draw per lot (per wafer table
    /// search): the aggregate rule of docs/yield-model.md §4, default 256. A huge value (e.g. 1e15) samples
    /// every lot exactly, at a cost that grows with the volume (used to measure the rule's bias).
    public var aggregateAboveLots: Double

    public init(
        periods: [YieldPeriod], stations: [YieldStation], fab: YieldFab? = nil, products: [YieldProduct],
        unitsPerLot: Double = 1000, variability: Variability = .full, lotSampling: LotSampling = .betaBinomialTable,
        waferSampling: WaferSampling = .gammaBinomialTable, aggregateAboveLots: Double = aggregateThresholdLots
    ) {
        self.periods = periods
        self.stations = stations
        self.fab = fab
        self.products = products
        self.unitsPerLot = unitsPerLot
        self.variability = variability
        self.lotSampling = lotSampling
        self.waferSampling = waferSampling
        self.aggregateAboveLots = aggregateAboveLots
    }

    private enum CodingKeys: String, CodingKey {
        case periods, stations, fab, products, unitsPerLot, variability, lotSampling, waferSampling, aggregateAboveLots
    }

    /// Decodes an input; `unitsPerLot`, `variability`, `lotSampling`, `waferSampling` and `aggregateAboveLots` may be
    /// left out (defaults).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        periods = try c.decode([YieldPeriod].self, forKey: .periods)
        stations = try c.decode([YieldStation].self, forKey: .stations)
        fab = try c.decodeIfPresent(YieldFab.self, forKey: .fab)
        products = try c.decode([YieldProduct].self, forKey: .products)
        unitsPerLot = try c.decodeIfPresent(Double.self, forKey: .unitsPerLot) ?? 1000
        variability = try c.decodeIfPresent(Variability.self, forKey: .variability) ?? .full
        lotSampling = try c.decodeIfPresent(LotSampling.self, forKey: .lotSampling) ?? .betaBinomialTable
        waferSampling = try c.decodeIfPresent(WaferSampling.self, forKey: .waferSampling) ?? .gammaBinomialTable
        aggregateAboveLots = try c.decodeIfPresent(Double.self, forKey: .aggregateAboveLots) ?? aggregateThresholdLots
    }
}

/// How the good units of a full lot at a step with lot-to-lot yield spread are drawn. Both give exactly the
/// same distribution of good units (a beta-binomial); they differ in cost.
public enum LotSampling: String, Codable, Sendable, Hashable {
    /// Two stages per lot, as the model is written: yield ~ Beta, then good ~ Binomial(lot, yield).
    case betaThenBinomial
    /// One uniform per lot, inverted through the beta-binomial CDF tabulated once per step
    /// (`BetaBinomialTable`). Partial lots, and steps whose table would be impractical, use the two stages.
    case betaBinomialTable
}

/// How the good dies on a die type's wafers are drawn. Both give exactly the same distribution (per wafer, a
/// gamma-mixed binomial); they differ in cost.
public enum WaferSampling: String, Codable, Sendable, Hashable {
    /// Two stages per wafer, as the model is written: defect density ~ Gamma, then good dies ~ Binomial.
    case gammaThenBinomial
    /// The exact law of one wafer's good dies, tabulated once per die type and defect density
    /// (`GoodDiesPerWafer`), and its sums over 2, 4, … wafers (`WaferDieTable`): one uniform per binary digit of
    /// the wafer count. Falls back to the two stages when the law would be impractical to tabulate.
    case gammaBinomialTable
}

/// One planning period.
public struct YieldPeriod: Codable, Sendable, Hashable {
    /// Period id, e.g. "2027Q3".
    public var name: String
    /// Calendar-productive hours one tool could run in the period, before failures and the utilization cap.
    public var hoursPerTool: Double

    public init(name: String, hoursPerTool: Double) {
        self.name = name
        self.hoursPerTool = hoursPerTool
    }
}

/// A station: a group of identical tools at one site.
public struct YieldStation: Codable, Sendable, Hashable {
    /// Display name, e.g. "hcm/wire-bond".
    public var name: String
    /// Tools in service per period (may be fractional when a plan's LP relaxation says so).
    public var toolsPerPeriod: [Double]
    /// Mean time between failures, hours of up time. With `mttrHours`, up hours are random per period.
    public var mtbfHours: Double?
    /// Mean time to repair, hours.
    public var mttrHours: Double?
    /// Fraction of time up, used when MTBF/MTTR are not given (then up hours are deterministic).
    public var availability: Double
    /// Highest usable fraction of up time, in (0, 1].
    public var utilizationCap: Double

    public init(
        name: String, toolsPerPeriod: [Double], mtbfHours: Double? = nil, mttrHours: Double? = nil,
        availability: Double = 1, utilizationCap: Double = 1
    ) {
        self.name = name
        self.toolsPerPeriod = toolsPerPeriod
        self.mtbfHours = mtbfHours
        self.mttrHours = mttrHours
        self.availability = availability
        self.utilizationCap = utilizationCap
    }

    /// Mean fraction of time up: MTBF/(MTBF+MTTR) when both are given, else `availability`.
    public var meanAvailability: Double {
        if let mtbf = mtbfHours, let mttr = mttrHours { return mtbf / (mtbf + mttr) }
        return availability
    }
}

/// The wafer fab: clustering of defects, wafer-sort yield and the die types it makes.
public struct YieldFab: Codable, Sendable, Hashable {
    /// Gamma shape α of the per-wafer defect density (negative binomial clustering parameter).
    public var clusteringAlpha: Double
    /// Wafer-sort (probe) yield applied to good dies, in (0, 1].
    public var sortYield: Double
    /// Die types made by the fab.
    public var dieTypes: [YieldDieType]

    public init(clusteringAlpha: Double, sortYield: Double = 1, dieTypes: [YieldDieType]) {
        self.clusteringAlpha = clusteringAlpha
        self.sortYield = sortYield
        self.dieTypes = dieTypes
    }
}

/// A die type whose supply is limited: made by the fab (its wafers deliver dies in each period), bought from
/// suppliers with a cap, or both. In each trial and period the dies the starts need are taken from the fab's
/// sorted good dies first, then from the capped suppliers up to `cappedPurchasePerPeriod`, then, if
/// `unlimitedPurchase`, from an uncapped supplier; starts are cut back only when all of that falls short.
public struct YieldDieType: Codable, Sendable, Hashable {
    public var name: String
    /// Gross (candidate) dies per wafer, a whole number.
    public var grossDiesPerWafer: Double
    /// Die area that collects killer defects, cm².
    public var dieAreaSquareCentimetres: Double
    /// Mean defect density D0 of the wafers delivering dies in each period, defects/cm².
    public var defectDensityPerCm2: [Double]
    /// Wafers whose dies become available in each period (rounded to whole wafers when sampling; 0 for a die
    /// type the fab does not make).
    public var wafersPerPeriod: [Double]
    /// Most dies per period that capped suppliers deliver (the sum of their caps), used after the fab's dies;
    /// nil = no capped supplier.
    public var cappedPurchasePerPeriod: [Double]?
    /// Whether an uncapped supplier sells the die type: it covers whatever the fab and capped suppliers do not,
    /// so the die type never limits starts (the fab's share is still simulated and reported).
    public var unlimitedPurchase: Bool

    public init(
        name: String, grossDiesPerWafer: Double, dieAreaSquareCentimetres: Double,
        defectDensityPerCm2: [Double], wafersPerPeriod: [Double], cappedPurchasePerPeriod: [Double]? = nil,
        unlimitedPurchase: Bool = false
    ) {
        self.name = name
        self.grossDiesPerWafer = grossDiesPerWafer
        self.dieAreaSquareCentimetres = dieAreaSquareCentimetres
        self.defectDensityPerCm2 = defectDensityPerCm2
        self.wafersPerPeriod = wafersPerPeriod
        self.cappedPurchasePerPeriod = cappedPurchasePerPeriod
        self.unlimitedPurchase = unlimitedPurchase
    }

    private enum CodingKeys: String, CodingKey {
        case name, grossDiesPerWafer, dieAreaSquareCentimetres, defectDensityPerCm2, wafersPerPeriod
        case cappedPurchasePerPeriod, unlimitedPurchase
    }

    /// Decodes a die type; `cappedPurchasePerPeriod` and `unlimitedPurchase` may be left out (no purchases).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        grossDiesPerWafer = try c.decode(Double.self, forKey: .grossDiesPerWafer)
        dieAreaSquareCentimetres = try c.decode(Double.self, forKey: .dieAreaSquareCentimetres)
        defectDensityPerCm2 = try c.decode([Double].self, forKey: .defectDensityPerCm2)
        wafersPerPeriod = try c.decode([Double].self, forKey: .wafersPerPeriod)
        cappedPurchasePerPeriod = try c.decodeIfPresent([Double].self, forKey: .cappedPurchasePerPeriod)
        unlimitedPurchase = try c.decodeIfPresent(Bool.self, forKey: .unlimitedPurchase) ?? false
    }
}

/// A product (package family) with its demand and the routes that build it.
public struct YieldProduct: Codable, Sendable, Hashable {
    public var name: String
    /// Mean demand in good units per period.
    public var demandPerPeriod: [Double]
    /// Relative standard deviation of demand (0 = deterministic). Demand is gamma-distributed.
    public var demandCV: Double
    /// Routes that build the product (e.g. one per site), each with its own starts.
    public var routes: [YieldRoute]

    public init(name: String, demandPerPeriod: [Double], demandCV: Double = 0, routes: [YieldRoute]) {
        self.name = name
        self.demandPerPeriod = demandPerPeriod
        self.demandCV = demandCV
        self.routes = routes
    }
}

/// One way of building a product: an ordered list of steps at one site, and the units started per period.
public struct YieldRoute: Codable, Sendable, Hashable {
    /// Where it runs, informative (e.g. a site id).
    public var site: String
    /// Units started per period (rounded to whole units when sampling).
    public var startsPerPeriod: [Double]
    /// Index into `fab.dieTypes` of the supply-limited die each unit consumes (made by the fab and/or bought with a
    /// cap), or nil if its dies are bought without limit.
    public var fabDieType: Int?
    /// Fab dies consumed per unit started.
    public var fabDiesPerUnit: Double
    /// Ordered steps.
    public var steps: [YieldStep]

    public init(site: String, startsPerPeriod: [Double], fabDieType: Int? = nil, fabDiesPerUnit: Double = 0, steps: [YieldStep]) {
        self.site = site
        self.startsPerPeriod = startsPerPeriod
        self.fabDieType = fabDieType
        self.fabDiesPerUnit = fabDiesPerUnit
        self.steps = steps
    }
}

/// One route step.
public struct YieldStep: Codable, Sendable, Hashable {
    public var name: String
    /// Index into `YieldInput.stations`.
    public var stationIndex: Int
    /// Tool seconds per unit entering the step.
    public var secondsPerUnit: Double
    /// Mean fraction of entering units that leave good, in (0, 1].
    public var nominalYield: Double
    /// Beta concentration a + b of the lot-to-lot step yield (larger = less spread); nil = no lot-to-lot spread.
    public var yieldConcentration: Double?

    public init(name: String, stationIndex: Int, secondsPerUnit: Double, nominalYield: Double, yieldConcentration: Double? = nil) {
        self.name = name
        self.stationIndex = stationIndex
        self.secondsPerUnit = secondsPerUnit
        self.nominalYield = nominalYield
        self.yieldConcentration = yieldConcentration
    }
}

/// Which sources of randomness a run includes. With all off (`.none`), every random quantity is replaced by its
/// mean and one trial reproduces the deterministic (planner) answer.
public struct Variability: Codable, Sendable, Hashable {
    /// Per-wafer gamma defect density, binomial good dies, binomial sort, beta lot yields and binomial good
    /// units. Off: dies = wafers × gross dies × negative-binomial yield × sort yield, units × nominal yields.
    public var unitSampling: Bool
    /// Random up hours per station and period from MTBF/MTTR (stations without both are deterministic).
    public var toolFailures: Bool
    /// Gamma-distributed demand with each product's `demandCV`.
    public var demandNoise: Bool

    public init(unitSampling: Bool = true, toolFailures: Bool = true, demandNoise: Bool = true) {
        self.unitSampling = unitSampling
        self.toolFailures = toolFailures
        self.demandNoise = demandNoise
    }

    /// Every source on.
    public static let full = Variability()
    /// No randomness: the deterministic answer.
    public static let none = Variability(unitSampling: false, toolFailures: false, demandNoise: false)
}
