import LineModel
import YieldMC

/// A plan file (`fabplan optimize --format json` output) that does not match the line model: where and what,
/// e.g. `plan.json: products[3].product: unknown product "x"`.
public struct PlanMismatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Key path inside the plan, e.g. `products[3].product`.
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}

/// The estimator's verdict on one product in one period of a plan.
public struct ProductRisk: Sendable, Codable, Hashable {
    public var product: String
    public var period: String
    /// Demand, units.
    public var demand: Double
    /// Good units the plan promises (deterministic), units.
    public var plannedGoodUnits: Double
    /// Mean simulated good units.
    public var meanGoodUnits: Double
    /// P(good units ≥ demand) over the trials (the service level).
    public var probabilityMeetDemand: Double
    /// E[max(demand − good, 0)], units.
    public var expectedShortfallUnits: Double
    /// Stations ("site/station") on the product's routes that bind in this period, most often first, with the
    /// fraction of trials in which each binds (only those binding in > 0 trials, at most 3).
    public var bindingStations: [BindingStation]
}

/// A station and the fraction of trials in which its capacity limits output.
public struct BindingStation: Sendable, Codable, Hashable {
    public var station: String
    public var bindingFraction: Double
}

/// Risk of a plan: per product and period service level and expected shortfall, from `trials` Monte Carlo trials.
public struct RiskReport: Sendable, Codable, Hashable {
    public var trials: Int
    public var seed: UInt64
    public var products: [ProductRisk]
    /// Mean over product-periods with demand of P(meet demand).
    public var meanServiceLevel: Double
    /// Sum of expected shortfalls, units.
    public var totalExpectedShortfallUnits: Double
}

/// Runs the Monte Carlo estimator on a plan (PlanReport) of a line model.
public enum PlanEvaluation {
    /// The estimator's plan (starts by product/site/period, tools per station and period, wafers arriving per die
    /// type and period) from a `PlanReport`. Wafer starts in period t arrive in t + fab cycle time (beyond the
    /// horizon: dropped). Throws a located `PlanMismatchError` for names the model does not have.
    public static func planStarts(from plan: PlanReport, model: LineModel) throws(PlanMismatchError) -> PlanStarts {
        let periods = Set(model.periods.map(\.id))
        func checkPeriod(_ id: String, _ path: String) throws(PlanMismatchError) {
            guard periods.contains(id) else { throw PlanMismatchError(path: path, message: "unknown period \"\(id)\"") }
        }
        var starts: [PlanStarts.Start] = []
        for (i, row) in plan.products.enumerated() {
            let path = "products[\(i)]"
            guard let product = model.products.first(where: { $0.id == row.product }) else {
                throw PlanMismatchError(path: "\(path).product", message: "unknown product \"\(row.product)\"")
            }
            try checkPeriod(row.period, "\(path).period")
            for (site, units) in row.startsBySite.sorted(by: { $0.key < $1.key }) {
                guard product.sites.contains(site) else {
                    throw PlanMismatchError(path: "\(path).startsBySite.\(site)",
                                            message: "product \"\(product.id)\" is not made at site \"\(site)\"")
                }
                guard units.isFinite && units >= 0 else {
                    throw PlanMismatchError(path: "\(path).startsBySite.\(site)", message: "starts must be ≥ 0, got \(units)")
                }
                starts.append(.init(product: row.product, site: site, period: row.period, units: units))
            }
        }
        var tools: [PlanStarts.Tools] = []
        for (i, row) in plan.stations.enumerated() {
            let path = "stations[\(i)]"
            guard let site = model.site(row.site) else {
                throw PlanMismatchError(path: "\(path).site", message: "unknown site \"\(row.site)\"")
            }
            guard site.stations.contains(where: { $0.id == row.station }) else {
                throw PlanMismatchError(path: "\(path).station", message: "unknown station \"\(row.station)\" at site \"\(row.site)\"")
            }
            try checkPeriod(row.period, "\(path).period")
            guard row.tools.isFinite && row.tools >= 0 else {
                throw PlanMismatchError(path: "\(path).tools", message: "tools must be ≥ 0, got \(row.tools)")
            }
            tools.append(.init(site: row.site, station: row.station, period: row.period, count: row.tools))
        }
        var wafers: [PlanStarts.Wafers]? = nil
        if let fab = model.fab, !plan.fab.isEmpty {
            let ids = model.periods.map(\.id)
            var list: [PlanStarts.Wafers] = []
            for (i, row) in plan.fab.enumerated() {
                let path = "fab[\(i)]"
                guard let t = ids.firstIndex(of: row.period) else {
                    throw PlanMismatchError(path: "\(path).period", message: "unknown period \"\(row.period)\"")
                }
                for (die, count) in row.waferStartsByDieType.sorted(by: { $0.key < $1.key }) {
                    guard fab.dieTypes.contains(die) else {
                        throw PlanMismatchError(path: "\(path).waferStartsByDieType.\(die)",
                                                message: "die type \"\(die)\" is not made by fab \"\(fab.id)\"")
                    }
                    let arrival = t + fab.cycleTimePeriods
                    guard arrival < ids.count else { continue }
                    list.append(.init(dieType: die, period: ids[arrival], wafers: count))
                }
            }
            wafers = list
        } else if !plan.fab.isEmpty && plan.fab.contains(where: { !$0.waferStartsByDieType.isEmpty }) {
            throw PlanMismatchError(path: "fab[0]", message: "the model has no fab")
        }
        return PlanStarts(starts: starts, tools: tools.isEmpty ? nil : tools, wafers: wafers)
    }

    /// Estimator verdict on `plan`: P(meet demand), expected shortfall and the most often binding stations per
    /// product and period, from `trials` trials with `seed` (bit-identical for any `threads`). `progress` hears
    /// of the trials done after each wave of blocks (`WorkPhase.monteCarloTrials`); it does not change the result.
    public static func evaluate(
        plan: PlanReport, model: LineModel, trials: Int, seed: UInt64, threads: Int = 1,
        progress: WorkProgressHandler? = nil
    ) throws -> (risk: RiskReport, yield: YieldReport) {
        try model.validate()
        let starts = try planStarts(from: plan, model: model)
        let input = try YieldInput(model: model, plan: starts)
        let estimator = try YieldEstimator(input: input)
        let report = estimator.run(.trials(trials), seed: seed, threads: threads) { done, target in
            progress?(WorkProgress(phase: .monteCarloTrials, done: done, total: target))
        }
        let planned = Dictionary(plan.products.map { ("\($0.product)\u{1}\($0.period)", $0.goodOutput) },
                                 uniquingKeysWith: +)
        return (risk(from: report, model: model, plannedGood: planned), report)
    }

    /// Condenses a yield report into a risk report (planned good units keyed "product\u{1}period").
    public static func risk(from report: YieldReport, model: LineModel, plannedGood: [String: Double]) -> RiskReport {
        var binding: [String: [(String, Double)]] = [:]   // period -> stations
        for s in report.stations where s.bindingFraction > 0 { binding[s.period, default: []].append((s.station, s.bindingFraction)) }
        var rows: [ProductRisk] = []
        for p in report.products {
            var names = Set<String>()
            if let product = model.products.first(where: { $0.id == p.product }) {
                for site in product.sites { for step in product.route { names.insert("\(site)/\(step.station)") } }
            }
            let top = (binding[p.period] ?? []).filter { names.contains($0.0) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(3)
                .map { BindingStation(station: $0.0, bindingFraction: $0.1) }
            rows.append(ProductRisk(
                product: p.product, period: p.period, demand: p.demand,
                plannedGoodUnits: plannedGood["\(p.product)\u{1}\(p.period)"] ?? p.deterministicGoodUnits,
                meanGoodUnits: p.goodUnits.mean, probabilityMeetDemand: p.probabilityMeetDemand,
                expectedShortfallUnits: p.expectedShortfallUnits, bindingStations: Array(top)))
        }
        let withDemand = rows.filter { $0.demand > 0 }
        let mean = withDemand.isEmpty ? 1 : withDemand.map(\.probabilityMeetDemand).reduce(0, +) / Double(withDemand.count)
        return RiskReport(trials: report.trials, seed: report.seed, products: rows, meanServiceLevel: mean,
                          totalExpectedShortfallUnits: rows.map(\.expectedShortfallUnits).reduce(0, +))
    }
}
