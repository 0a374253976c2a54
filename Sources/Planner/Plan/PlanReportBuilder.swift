import LineModel
import LinearSolver

/// Reads a solver `Solution` back into a `PlanReport` in model units.
struct PlanReportBuilder {
    let formulation: Formulation
    /// The solution whose statuses and duals are reported.
    let solution: Solution
    /// The solution whose primal values are reported (differs for max-output's tie-break pass).
    let values: Solution
    let integerTools: Bool
    /// `.keyFigures` skips the product-period, die and fab sections.
    var detail: PlanReportDetail = .full

    private var model: LineModel { formulation.model }

    /// The reported primal values. In MIP mode the purchases are differences of integer order counts (C8),
    /// which the simplex returns as e.g. 2.9999999999; they are snapped to the integer they stand for.
    private var columnValues: [Double] {
        var x = values.columnValues
        guard integerTools else { return x }
        for cols in formulation.buyColumns.values {
            for j in cols.values where j < x.count {
                let r = x[j].rounded()
                if abs(x[j] - r) < 1e-6 { x[j] = r }
            }
        }
        return x
    }
    /// +1 when the LP maximizes (duals are values), −1 when it minimizes (duals are savings, sign flipped).
    private var valueSign: Double { formulation.problem.sense == .maximize ? 1 : -1 }
    /// Multiplier that turns a dual per LP row unit into the report's shadow-price unit: the objective's LP unit
    /// is thousands of currency (profit, cost) or thousands of good units (max-output).
    private var dualScale: Double { formulation.objective == .maxOutput ? PlanScale.units : PlanScale.money }

    func build() -> PlanReport {
        let U = PlanScale.units, M = PlanScale.money
        let status: PlanStatus
        switch (solution.termination, solution.primalStatus) {
        case (.optimal, _), (.gapLimit, .feasible), (.gapLimit, .optimal): status = .optimal
        case (.infeasible, _): status = .infeasible
        case (_, .feasible), (_, .optimal): status = .feasible
        default: status = .noSolution
        }
        let objectiveValue: Double? = solution.objective.map {
            formulation.objective == .maxOutput ? $0 * U : $0 * M
        }
        let unit = formulation.objective == .maxOutput ? "good units per tool-hour" : "\(model.currency) per tool-hour"
        var report = PlanReport(
            status: status, termination: solution.termination, objective: objectiveValue,
            objectiveKind: formulation.objective, mode: integerTools ? "mip" : "lp", mipGap: solution.mipGap.flatMap { $0.isFinite && $0 < 1e6 ? $0 : nil },
            solveSeconds: solution.solveSeconds, modelName: model.name, currency: model.currency,
            periods: model.periods.map(\.id), shadowPriceUnit: unit)
        guard values.hasPrimal else { return report }

        let x = columnValues
        let duals = solution.rowDuals
        let hasDuals = !duals.isEmpty
        func dual(_ row: Int) -> Double {
            guard hasDuals else { return 0 }
            let d = valueSign * duals[row]
            return abs(d) < 1e-9 ? 0 : d
        }
        let T = model.periods.count

        // Financials.
        var f = Financials(revenue: 0, materialCost: 0, operatingCost: 0, waferCost: 0, dieCost: 0, capitalSpend: 0,
                           holdingCost: 0, unmetPenalty: 0, profit: 0, goodUnits: 0, shippedUnits: 0, demandUnits: 0, unmetUnits: 0,
                           costPerGoodUnit: nil)
        var totalCost = 0.0
        f.revenue = formulation.revenueConstant * M
        for j in x.indices {
            f.revenue += formulation.revenueCoefficients[j] * x[j] * M
            f.unmetPenalty += formulation.penaltyCoefficients[j] * x[j] * M
            f.capitalSpend += formulation.capitalCoefficients[j] * x[j] * M
            totalCost += formulation.costCoefficients[j] * x[j] * M
            f.goodUnits += formulation.outputCoefficients[j] * x[j] * U
        }
        for (_, cols) in formulation.waferColumns { for c in cols { f.waferCost += x[c] * (model.fab?.waferCost ?? 0) } }
        for (ui, cols) in formulation.dieBuyColumns { for c in cols { f.dieCost += x[c] * U * model.dieSuppliers[ui].costPerDie } }
        for (pi, cols) in formulation.inventoryColumns {
            for c in cols { f.holdingCost += x[c] * U * (model.products[pi].holdingCostPerUnitPeriod ?? 0) }
        }
        for (pi, product) in model.products.enumerated() {
            let loads = product.loadSecondsPerStartedUnit
            for (siteID, cols) in formulation.startColumns[pi] ?? [:] {
                let site = model.site(siteID)
                var opPerUnit = 0.0
                for (j, step) in product.route.enumerated() {
                    opPerUnit += loads[j] / 3600 * (site?.station(step.station)?.operatingCostPerToolHour ?? 0)
                }
                for c in cols {
                    f.materialCost += x[c] * U * product.materialCostPerUnit
                    f.operatingCost += x[c] * U * opPerUnit
                }
            }
            for t in 0..<T { f.demandUnits += product.demand[model.periods[t].id] ?? 0 }
            for c in formulation.unmetColumns[pi] ?? [] { f.unmetUnits += x[c] * U }
        }
        f.shippedUnits = f.demandUnits - f.unmetUnits
        f.profit = f.revenue - totalCost - f.unmetPenalty
        f.costPerGoodUnit = f.goodUnits > 1e-9 ? totalCost / f.goodUnits : nil
        report.financials = f

        // Stations: load, availability, utilization, shadow prices.
        var stationRows: [StationPeriod] = []
        // (Model order = `formulation.stationKeys` order; tools in place accumulated per period instead of
        // `toolsInPlace` per station-period, which rescans the purchases: the report is built for every sweep point.)
        for (siteID, station) in model.sites.flatMap({ site in site.stations.map { (site.id, $0) } }) {
            let key = StationKey(site: siteID, station: station.id)
            guard let rows = formulation.capacityRows[key] else { continue }
            var arriving = [Double](repeating: 0, count: T)
            for (tau, col) in formulation.buyColumns[key] ?? [:] where tau + station.leadTimePeriods < T {
                arriving[tau + station.leadTimePeriods] += x[col]
            }
            var tools = Double(station.installedTools)
            for t in 0..<T {
                tools += arriving[t]
                let hours = model.periods[t].hoursPerTool
                let effective = station.effectiveHours(hoursPerTool: hours)
                // Row activity = load − effective·bought-arrived; add the purchase part back to get the load.
                let bought = tools - Double(station.installedTools)
                let load = values.rowActivities[rows[t]] + effective * bought
                let upHours = tools * hours * station.availability.fraction
                let price = dual(rows[t]) * dualScale
                stationRows.append(StationPeriod(
                    site: key.site, station: key.station, period: model.periods[t].id, tools: tools,
                    loadHours: load, availableHours: tools * effective,
                    utilization: upHours > 0 ? load / upHours : 0,
                    shadowPricePerToolHour: price,
                    valuePerExtraTool: price * effective))
            }
        }
        report.stations = stationRows
        report.bottlenecks = stationRows.filter { $0.shadowPricePerToolHour > 1e-9 }
            .sorted { ($0.shadowPricePerToolHour, $1.site, $1.station, $1.period) > ($1.shadowPricePerToolHour, $0.site, $0.station, $0.period) }
            .enumerated().map { i, s in
                Bottleneck(rank: i + 1, site: s.site, station: s.station, period: s.period,
                           shadowPricePerToolHour: s.shadowPricePerToolHour, valuePerExtraTool: s.valuePerExtraTool,
                           utilization: s.utilization)
            }

        // Purchases.
        for key in formulation.stationKeys {
            guard let station = model.site(key.site)?.station(key.station) else { continue }
            for (t, col) in (formulation.buyColumns[key] ?? [:]).sorted(by: { $0.key < $1.key }) where x[col] > 1e-6 {
                report.purchases.append(Purchase(
                    site: key.site, station: key.station, period: model.periods[t].id,
                    arrivalPeriod: model.periods[t + station.leadTimePeriods].id, tools: x[col],
                    capitalSpend: x[col] * station.toolPrice))
            }
        }

        // Products.
        for (pi, product) in model.products.enumerated() where detail == .full {
            for t in 0..<T {
                var bySite: [String: Double] = [:]
                var starts = 0.0
                for (siteID, cols) in formulation.startColumns[pi] ?? [:] {
                    bySite[siteID] = x[cols[t]] * U
                    starts += x[cols[t]] * U
                }
                let unmet = x[formulation.unmetColumns[pi]![t]] * U
                let inventory = formulation.inventoryColumns[pi].map { x[$0[t]] * U } ?? 0
                let demand = product.demand[model.periods[t].id] ?? 0
                report.products.append(ProductPeriod(
                    product: product.id, period: model.periods[t].id, starts: starts, startsBySite: bySite,
                    goodOutput: starts * product.routeYield, demand: demand, unmet: unmet, inventory: inventory,
                    limitedBy: limits(productIndex: pi, period: t, unmet: unmet, demand: demand, values: x, dual: dual)))
            }
        }

        // Dies and fab.
        for (d, rows) in formulation.dieRows.sorted(by: { $0.key < $1.key }) where detail == .full {
            for t in 0..<T {
                var fromFab = 0.0
                if let fab = model.fab, let die = model.dieType(d), let w = formulation.waferColumns[d], t - fab.cycleTimePeriods >= 0 {
                    let ts = t - fab.cycleTimePeriods
                    fromFab = x[w[ts]] * fab.goodDiesPerWafer(for: die, periodIndex: ts, periods: model.periods)
                }
                var bought = 0.0
                for (ui, s) in model.dieSuppliers.enumerated() where s.dieType == d { bought += x[formulation.dieBuyColumns[ui]![t]] * U }
                let used = (values.rowActivities[rows[t]] * U) + fromFab + bought
                report.dies.append(DiePeriod(dieType: d, period: model.periods[t].id, used: used, fromFab: fromFab,
                                             bought: bought, shadowPricePerDie: dual(rows[t]) * dualScale / U))
            }
        }
        if let fab = model.fab, detail == .full {
            for t in 0..<T {
                var byType: [String: Double] = [:]
                var total = 0.0
                for d in fab.dieTypes { let w = x[formulation.waferColumns[d]![t]]; byType[d] = w; total += w }
                report.fab.append(FabPeriod(period: model.periods[t].id, waferStarts: total,
                                            waferCapacity: fab.waferStartsPerPeriod[model.periods[t].id] ?? 0,
                                            waferStartsByDieType: byType))
            }
        }

        // Sensitivity ranges.
        if let s = solution.sensitivity {
            var demand: [SensitivityReport.DemandRange] = []
            for (pi, product) in model.products.enumerated() {
                for t in 0..<T {
                    let r = formulation.demandRows[pi]![t]
                    demand.append(.init(product: product.id, period: model.periods[t].id,
                                        demand: product.demand[model.periods[t].id] ?? 0,
                                        lower: s.rowRHS[r].lower * U, upper: s.rowRHS[r].upper * U))
                }
            }
            var capacity: [SensitivityReport.CapacityRange] = []
            for key in formulation.stationKeys {
                guard let station = model.site(key.site)?.station(key.station), let rows = formulation.capacityRows[key] else { continue }
                for t in 0..<T {
                    let base = Double(station.installedTools) * station.effectiveHours(hoursPerTool: model.periods[t].hoursPerTool)
                    capacity.append(.init(site: key.site, station: key.station, period: model.periods[t].id,
                                          availableHours: base, lower: s.rowRHS[rows[t]].lower, upper: s.rowRHS[rows[t]].upper))
                }
            }
            report.sensitivity = SensitivityReport(demand: demand, capacity: capacity)
        }
        return report
    }

    /// The binding constraints on product `pi`'s path in period `t`, or "demand" when all demand is met.
    ///
    /// A station counts when its capacity row has a positive value; then its floor limit counts when the tools in
    /// place are at the limit, and a capital budget counts when it is spent to the limit in a period that could
    /// still have bought a tool for this period. Tightness, not duals, decides the last two, so MIP plans (whose
    /// duals come from the LP with purchases fixed) explain themselves too.
    private func limits(productIndex pi: Int, period t: Int, unmet: Double, demand: Double, values x: [Double],
                        dual: (Int) -> Double) -> [String] {
        let product = model.products[pi]
        if unmet <= max(1e-6 * demand, 1e-6) { return ["demand"] }
        func tight(_ row: Int) -> Bool {
            let upper = formulation.problem.rows[row].upper
            return upper.isFinite && values.rowActivities[row] >= upper - max(1e-6 * abs(upper), 1e-6)
        }
        var out: [String] = []
        // Dearest next tool among the binding stations that could still have bought one for this period: a budget
        // with less slack than that price keeps that station from growing, so it limits the product.
        var dearestUsefulTool = -Double.infinity
        let periodID = model.periods[t].id
        for siteID in product.sites {
            var seen = Set<String>()
            for step in product.route where seen.insert(step.station).inserted {
                let key = StationKey(site: siteID, station: step.station)
                guard let rows = formulation.capacityRows[key], dual(rows[t]) > 0 else { continue }
                out.append("capacity \(siteID)/\(step.station) \(periodID)")
                if let st = model.site(siteID)?.station(step.station), let maxTools = st.maxTools,
                   formulation.toolsInPlace(key, period: t, values: x) >= Double(maxTools) - 1e-6 {
                    out.append("floor limit \(siteID)/\(step.station)")
                } else if let st = model.site(siteID)?.station(step.station),
                          (formulation.buyColumns[key] ?? [:]).keys.contains(where: { $0 + st.leadTimePeriods <= t }) {
                    dearestUsefulTool = max(dearestUsefulTool, st.toolPrice)
                }
            }
        }
        for use in product.dies {
            if let rows = formulation.dieRows[use.dieType], dual(rows[t]) > 0 { out.append("die supply \(use.dieType) \(periodID)") }
        }
        if let fab = model.fab, t - fab.cycleTimePeriods >= 0, formulation.fabRows.count > t - fab.cycleTimePeriods,
           dual(formulation.fabRows[t - fab.cycleTimePeriods]) > 0 {
            out.append("fab wafer starts \(model.periods[t - fab.cycleTimePeriods].id)")
        }
        if dearestUsefulTool > 0 {
            func spent(_ row: Int) -> Bool {
                tight(row) || (formulation.problem.rows[row].upper - values.rowActivities[row]) * PlanScale.money < dearestUsefulTool
            }
            for (tb, r) in formulation.budgetPeriodRows.sorted(by: { $0.key < $1.key }) where tb <= t && spent(r) {
                out.append("capital budget \(model.periods[tb].id)")
            }
            if let r = formulation.budgetTotalRow, spent(r) { out.append("capital budget total") }
        }
        if out.isEmpty { out.append(formulation.objective == .maxProfit ? "margin (not worth building)" : "no binding constraint") }
        return out
    }
}
