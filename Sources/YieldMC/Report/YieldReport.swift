/// The result of a Monte Carlo run: per product and period, the distribution of good output, route yield,
/// the chance of meeting demand and the expected shortfall; per die type, the die yield; per station, how often
/// it binds. Values are in units (good packaged units) unless the name says otherwise.
public struct YieldReport: Codable, Sendable, Hashable {
    /// Trials run (each trial simulates every period once).
    public var trials: Int
    /// Seed of the run; with the same input and seed the report is bit-identical for any thread count.
    public var seed: UInt64
    /// Trials per block (part of the seed semantics: blocks are seeded from (seed, block index)).
    public var trialsPerBlock: Int
    /// Why the run stopped: "trialCount", "precisionReached" or "maxTrials".
    public var stoppedBy: String
    /// The largest relative standard error (SE / mean) of mean good output over products and periods with output.
    public var worstRelativeStandardError: Double
    /// Histogram bins behind every quantile; a quantile is within one bin width (`quantileErrorBound`) of the
    /// exact sample quantile.
    public var histogramBins: Int
    public var products: [ProductEstimate]
    public var dieYields: [DieYieldEstimate]
    public var stations: [StationEstimate]

    public init(
        trials: Int, seed: UInt64, trialsPerBlock: Int, stoppedBy: String, worstRelativeStandardError: Double,
        histogramBins: Int, products: [ProductEstimate], dieYields: [DieYieldEstimate], stations: [StationEstimate]
    ) {
        self.trials = trials
        self.seed = seed
        self.trialsPerBlock = trialsPerBlock
        self.stoppedBy = stoppedBy
        self.worstRelativeStandardError = worstRelativeStandardError
        self.histogramBins = histogramBins
        self.products = products
        self.dieYields = dieYields
        self.stations = stations
    }
}

/// Summary of a sampled quantity.
public struct Distribution: Codable, Sendable, Hashable {
    /// Sample mean.
    public var mean: Double
    /// Standard error of the mean, √(variance / n).
    public var standardError: Double
    /// Sample standard deviation.
    public var standardDeviation: Double
    /// 5th, 50th and 95th percentiles (from a fixed-bin histogram, clamped to [minimum, maximum]).
    public var p5: Double
    public var p50: Double
    public var p95: Double
    public var minimum: Double
    public var maximum: Double
    /// Largest possible error of p5/p50/p95: one histogram bin width.
    public var quantileErrorBound: Double
    /// Number of samples behind the summary (trials where the quantity is defined).
    public var samples: Int

    public init(
        mean: Double, standardError: Double, standardDeviation: Double, p5: Double, p50: Double, p95: Double,
        minimum: Double, maximum: Double, quantileErrorBound: Double, samples: Int
    ) {
        self.mean = mean
        self.standardError = standardError
        self.standardDeviation = standardDeviation
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
        self.minimum = minimum
        self.maximum = maximum
        self.quantileErrorBound = quantileErrorBound
        self.samples = samples
    }
}

/// Estimates for one product in one period.
public struct ProductEstimate: Codable, Sendable, Hashable {
    public var product: String
    public var period: String
    /// Units started (sum over routes, as given).
    public var starts: Double
    /// Mean demand, good units.
    public var demand: Double
    /// Good units out with every random quantity at its mean (the deterministic planner's answer).
    public var deterministicGoodUnits: Double
    /// Good units out, capacity-limited.
    public var goodUnits: Distribution
    /// Good units out of the yield flow / units started (before capacity limits).
    public var routeYield: Distribution
    /// Product of the nominal step yields of the first route.
    public var nominalRouteYield: Double
    /// Fraction of trials with good units ≥ demand.
    public var probabilityMeetDemand: Double
    /// Mean of max(0, demand − good units), units.
    public var expectedShortfallUnits: Double
    /// Standard error of `expectedShortfallUnits`.
    public var shortfallStandardError: Double

    public init(
        product: String, period: String, starts: Double, demand: Double, deterministicGoodUnits: Double,
        goodUnits: Distribution, routeYield: Distribution, nominalRouteYield: Double, probabilityMeetDemand: Double,
        expectedShortfallUnits: Double, shortfallStandardError: Double
    ) {
        self.product = product
        self.period = period
        self.starts = starts
        self.demand = demand
        self.deterministicGoodUnits = deterministicGoodUnits
        self.goodUnits = goodUnits
        self.routeYield = routeYield
        self.nominalRouteYield = nominalRouteYield
        self.probabilityMeetDemand = probabilityMeetDemand
        self.expectedShortfallUnits = expectedShortfallUnits
        self.shortfallStandardError = shortfallStandardError
    }
}

/// Die yield (good dies before sort / gross dies) of one fab die type in one period.
public struct DieYieldEstimate: Codable, Sendable, Hashable {
    public var dieType: String
    public var period: String
    public var wafers: Double
    public var dieYield: Distribution
    /// The closed form (1 + A·D0/α)^(−α) that the mean should match.
    public var negativeBinomialYield: Double

    public init(dieType: String, period: String, wafers: Double, dieYield: Distribution, negativeBinomialYield: Double) {
        self.dieType = dieType
        self.period = period
        self.wafers = wafers
        self.dieYield = dieYield
        self.negativeBinomialYield = negativeBinomialYield
    }
}

/// How a station fared in one period.
public struct StationEstimate: Codable, Sendable, Hashable {
    public var station: String
    public var period: String
    /// Fraction of trials in which the offered load exceeded the station's capacity (it bound throughput).
    public var bindingFraction: Double
    /// Mean of processed tool-seconds / available tool-seconds.
    public var meanUtilization: Double
    /// Mean up hours per tool.
    public var meanUpHoursPerTool: Double

    public init(station: String, period: String, bindingFraction: Double, meanUtilization: Double, meanUpHoursPerTool: Double) {
        self.station = station
        self.period = period
        self.bindingFraction = bindingFraction
        self.meanUtilization = meanUtilization
        self.meanUpHoursPerTool = meanUpHoursPerTool
    }
}
