import LineModel

/// The figures a planner compares across what-ifs, taken from one `PlanReport` (money in the model's currency,
/// volumes in units, tools in tools). Contains nothing that depends on timing, so results are reproducible.
public struct PlanKeyFigures: Sendable, Hashable, Codable {
    public var status: PlanStatus
    /// Objective value in its own unit (currency for profit/cost, good units for max-output); nil without a plan.
    public var objective: Double?
    /// Revenue minus all costs and the unmet-demand penalty, whole horizon, currency.
    public var profit: Double?
    /// Revenue, whole horizon, currency.
    public var revenue: Double?
    /// Good units shipped, whole horizon.
    public var goodUnits: Double?
    /// Units demanded, whole horizon.
    public var demandUnits: Double?
    /// Demand not met, whole horizon, units.
    public var unmetUnits: Double?
    /// Capital spent on tool purchases, whole horizon, currency.
    public var capitalSpend: Double?
    /// Tools ordered, all stations and periods (fractional in LP mode).
    public var toolsBought: Double?
    /// Route yield of each product (product of its step yields), by product id.
    public var routeYields: [String: Double]
    /// The most valuable binding stations, highest first, as `site/station@period`.
    public var topBottlenecks: [String]
    /// The proof behind the plan, its best bound and gap (`PlanQuality`).
    public var quality: PlanQuality?

    /// Reads the key figures of `report`; `model` supplies the route yields; `bottleneckCount` limits the list.
    public init(report: PlanReport, model: LineModel, bottleneckCount: Int = 5) {
        status = report.status
        objective = report.objective
        let f = report.financials
        profit = f?.profit
        revenue = f?.revenue
        goodUnits = f?.goodUnits
        demandUnits = f?.demandUnits
        unmetUnits = f?.unmetUnits
        capitalSpend = f?.capitalSpend
        toolsBought = f == nil ? nil : report.purchases.reduce(0) { $0 + $1.tools }
        routeYields = Dictionary(model.products.map { ($0.id, $0.routeYield) }, uniquingKeysWith: { a, _ in a })
        topBottlenecks = report.bottlenecks.prefix(bottleneckCount).map { "\($0.site)/\($0.station)@\($0.period)" }
        quality = report.quality
    }
}
