/// A station's queueing figures: the variability that makes lots wait (Hopp & Spearman, *Factory Physics*,
/// ch. 8) and an optional limit on the expected queue time. Every field may be left out; the defaults below
/// apply (docs/cycle-time.md says why these values).
///
/// All variabilities are squared coefficients of variation (SCV = variance / mean², 0 = deterministic,
/// 1 = exponential), of lots: the job that queues is one lot of `Product.lotSizeUnits` units.
public struct StationQueueing: Codable, Sendable, Hashable {
    /// Default SCV of the times between lot arrivals: 1, as for Poisson arrivals (the limit of many merged
    /// independent streams, which a shared back-end tool group sees).
    public static let defaultArrivalSCV = 1.0
    /// Default SCV of a lot's natural process time (no outages): 0.25 (c = 0.5), Factory Physics' low
    /// variability class, typical of automated tools.
    public static let defaultProcessSCV = 0.25
    /// Default SCV of repair times: 1 (exponential repairs, Factory Physics' usual assumption).
    public static let defaultRepairSCV = 1.0
    /// Default lot size when a product gives none, units.
    public static let defaultLotSizeUnits = 1000.0

    /// SCV of times between lot arrivals at this station; `nil` = `defaultArrivalSCV`.
    public var arrivalSCV: Double?
    /// SCV of a lot's natural process time, outages excluded; `nil` = `defaultProcessSCV`.
    public var processSCV: Double?
    /// SCV of repair times; needs `availability: {mtbf_hours, mttr_hours}`. `nil` = `defaultRepairSCV`.
    public var repairSCV: Double?
    /// Longest expected queue time a plan may give a lot at this station, hours. Planning turns it into a
    /// utilization cap (docs/cycle-time.md). `nil` = no limit.
    public var maxQueueHours: Double?

    public init(arrivalSCV: Double? = nil, processSCV: Double? = nil, repairSCV: Double? = nil,
                maxQueueHours: Double? = nil) {
        self.arrivalSCV = arrivalSCV
        self.processSCV = processSCV
        self.repairSCV = repairSCV
        self.maxQueueHours = maxQueueHours
    }
}

extension Station {
    /// SCV of lot inter-arrival times at this station (the given value or the default).
    public var arrivalSCV: Double { queueing?.arrivalSCV ?? StationQueueing.defaultArrivalSCV }
    /// SCV of a lot's natural process time (the given value or the default).
    public var processSCV: Double { queueing?.processSCV ?? StationQueueing.defaultProcessSCV }
    /// SCV of repair times (the given value or the default).
    public var repairSCV: Double { queueing?.repairSCV ?? StationQueueing.defaultRepairSCV }
}

extension Product {
    /// Units per lot (the given value or the default).
    public var lotSize: Double { lotSizeUnits ?? StationQueueing.defaultLotSizeUnits }
}
