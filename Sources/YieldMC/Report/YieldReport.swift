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
    /// Histogram bins behind every quantile (interior bins over a pilot-fitted range, plus underflow and
    /// overflow); each quantile carries a 95 % confidence interval covering sampling error and binning.
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
    /// 5th, 50th and 95th percentiles (from a histogram with pilot-fitted bins, clamped to [minimum, maximum]).
    public var p5: Double
    public var p50: Double
    public var p95: Double
    public var minimum: Double
    public var maximum: Double
    /// The stated error of p5/p50/p95: the largest distance from a printed quantile to the far end of its 95 %
    /// confidence interval (`p5Interval`, …), so it covers sampling error and binning, not binning alone.
    public var quantileErrorBound: Double
    /// 95 % confidence intervals for the true 5th, 50th and 95th percentiles: distribution-free order-statistic
    /// intervals from the binomial law of the count below the quantile, widened to the edges of their bins.
    public var p5Interval: QuantileInterval
    public var p50Interval: QuantileInterval
    public var p95Interval: QuantileInterval
    /// Width of the histogram's interior bins behind the quantiles (the binning part of the error).
    public var histogramBinWidth: Double
    /// Number of samples behind the summary (trials where the quantity is defined).
    public var samples: Int

    public init(
        mean: Double, standardError: Double, standardDeviation: Double, p5: Double, p50: Double, p95: Double,
        minimum: Double, maximum: Double, p5Interval: QuantileInterval, p50Interval: QuantileInterval,
        p95Interval: QuantileInterval, histogramBinWidth: Double, samples: Int
    ) {
        self.mean = mean
        self.standardError = standardError
        self.standardDeviation = standardDeviation
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
        self.minimum = minimum
        self.maximum = maximum
        self.p5Interval = p5Interval
        self.p50Interval = p50Interval
        self.p95Interval = p95Interval
        self.histogramBinWidth = histogramBinWidth
        self.samples = samples
        quantileErrorBound = [(p5, p5Interval), (p50, p50Interval), (p95, p95Interval)]
            .map { Swift.max($0.0 - $0.1.lower, $0.1.upper - $0.0, 0) }.max() ?? 0
    }
}

/// A confidence interval for a quantile, in the quantity's units.
public struct QuantileInterval: Codable, Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
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

/// Die yield (good dies before sort / gross dies) of one supply-limited die type in one period, and where the
/// dies the starts need come from.
public struct DieYieldEstimate: Codable, Sendable, Hashable {
    public var dieType: String
    public var period: String
    /// Fab wafers whose dies arrive in the period (0: the fab does not make the die type).
    public var wafers: Double
    public var dieYield: Distribution
    /// The closed form (1 + A·D0/α)^(−α) that the mean should match.
    public var negativeBinomialYield: Double
    /// Where the dies come from: fab first, capped suppliers next, uncapped last.
    public var supply: DieSupplyEstimate

    public init(
        dieType: String, period: String, wafers: Double, dieYield: Distribution, negativeBinomialYield: Double,
        supply: DieSupplyEstimate
    ) {
        self.dieType = dieType
        self.period = period
        self.wafers = wafers
        self.dieYield = dieYield
        self.negativeBinomialYield = negativeBinomialYield
        self.supply = supply
    }
}

/// The dies of one die type and period the starts need, split by source as the trial allocates them: the fab's
/// sorted good dies first, then capped suppliers up to their caps, then an uncapped supplier. Means over trials,
/// in dies (a need the sources cannot cover is the shortfall that cuts starts).
public struct DieSupplyEstimate: Codable, Sendable, Hashable {
    /// Mean dies the period's starts need (starts × dies per unit, before any cut).
    public var meanDiesNeeded: Double
    /// Mean dies taken from the fab's sorted good dies.
    public var meanDiesFromFab: Double
    /// Mean dies bought from capped suppliers.
    public var meanDiesFromCappedSuppliers: Double
    /// Mean dies bought from an uncapped supplier.
    public var meanDiesFromUncappedSuppliers: Double
    /// Most dies the capped suppliers deliver in the period (the sum of their caps).
    public var cappedSupplyLimit: Double
    /// Whether an uncapped supplier sells the die type.
    public var uncappedSupplier: Bool
    /// Fab dies used / dies needed (ratio of the means; 0 when nothing is needed).
    public var fabShare: Double
    /// Fraction of trials in which fab and capped suppliers together fell short of the need (starts were cut).
    public var probabilityShort: Double

    public init(
        meanDiesNeeded: Double, meanDiesFromFab: Double, meanDiesFromCappedSuppliers: Double,
        meanDiesFromUncappedSuppliers: Double, cappedSupplyLimit: Double, uncappedSupplier: Bool,
        probabilityShort: Double
    ) {
        self.meanDiesNeeded = meanDiesNeeded
        self.meanDiesFromFab = meanDiesFromFab
        self.meanDiesFromCappedSuppliers = meanDiesFromCappedSuppliers
        self.meanDiesFromUncappedSuppliers = meanDiesFromUncappedSuppliers
        self.cappedSupplyLimit = cappedSupplyLimit
        self.uncappedSupplier = uncappedSupplier
        self.fabShare = meanDiesNeeded > 0 ? meanDiesFromFab / meanDiesNeeded : 0
        self.probabilityShort = probabilityShort
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
