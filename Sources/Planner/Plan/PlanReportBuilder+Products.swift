import LineModel

extension PlanReportBuilder {
    /// Starts, good output, demand, unmet demand, inventory and what limits every product-period.
    func productPeriods(_ input: SectionInput) -> [ProductPeriod] {
        let U = PlanScale.units
        let columns = formulation.columns
        var out: [ProductPeriod] = []
        for (p, product) in model.products.enumerated() {
            for t in 0..<periodCount {
                var bySite: [String: Double] = [:]
                var starts = 0.0
                for s in columns.starts[p] {
                    let v = s.columns[t].map { input.x[$0] * U } ?? 0
                    bySite[s.site] = v
                    starts += v
                }
                let unmet = columns.unmet[p][t].map { input.x[$0] * U } ?? 0
                let inventory = columns.inventory[p][t].map { input.x[$0] * U } ?? 0
                let demand = product.demand[model.periods[t].id] ?? 0
                out.append(ProductPeriod(
                    product: product.id, period: model.periods[t].id, starts: starts, startsBySite: bySite,
                    goodOutput: starts * product.routeYield, demand: demand, unmet: unmet, inventory: inventory,
                    limitedBy: limits(product: p, period: t, unmet: unmet, demand: demand, input)))
            }
        }
        return out
    }

    /// The binding constraints on product `p`'s path in period `t`, or "demand" when all demand is met.
    ///
    /// A station counts when its capacity row has a positive value; then its floor limit counts when the tools in
    /// place are at the limit, and a capital budget counts when it is spent to the limit in a period that could
    /// still have bought a tool for this period. Tightness, not duals, decides the last two, so MIP plans (whose
    /// duals come from the LP with purchases fixed) explain themselves too.
    private func limits(product p: Int, period t: Int, unmet: Double, demand: Double, _ input: SectionInput) -> [String] {
        if unmet <= max(1e-6 * demand, 1e-6) { return ["demand"] }
        var out: [String] = []
        let dearestUsefulTool = stationLimits(product: p, period: t, input, into: &out)
        supplyLimits(product: p, period: t, input, into: &out)
        if dearestUsefulTool > 0 { budgetLimits(period: t, dearestUsefulTool: dearestUsefulTool, input, into: &out) }
        if out.isEmpty { out.append(formulation.objective == .maxProfit ? "margin (not worth building)" : "no binding constraint") }
        return out
    }

    /// Binding capacity rows and floor limits on the product's route; returns the dearest next tool among the
    /// binding stations that could still have bought one for this period (−∞ if none).
    private func stationLimits(product p: Int, period t: Int, _ input: SectionInput, into out: inout [String]) -> Double {
        let product = model.products[p]
        let periodID = model.periods[t].id
        var dearestUsefulTool = -Double.infinity
        for siteID in product.sites {
            var seen = Set<String>()
            for step in product.route where seen.insert(step.station).inserted {
                guard let i = formulation.stationIndex(of: StationKey(site: siteID, station: step.station)),
                      let r = formulation.rows.capacity[i][t], input.dual(r) > 0 else { continue }
                out.append("capacity \(siteID)/\(step.station) \(periodID)")
                let st = formulation.stationData[i]
                if let maxTools = st.maxTools,
                   input.tools[i][t] >= Double(maxTools) - 1e-6 {
                    out.append("floor limit \(siteID)/\(step.station)")
                } else if formulation.columns.buys[i].entries.contains(where: { $0.period + st.leadTimePeriods <= t }) {
                    dearestUsefulTool = max(dearestUsefulTool, st.toolPrice)
                }
            }
        }
        return dearestUsefulTool
    }

    /// Binding die-supply rows of the product's dies and the fab's wafer starts one cycle earlier.
    private func supplyLimits(product p: Int, period t: Int, _ input: SectionInput, into out: inout [String]) {
        let periodID = model.periods[t].id
        for use in model.products[p].dies {
            if let r = formulation.rows.dieSupply(of: use.dieType)?[t], input.dual(r) > 0 {
                out.append("die supply \(use.dieType) \(periodID)")
            }
        }
        if let fab = model.fab, let r = formulation.rows.fab[t - fab.cycleTimePeriods], input.dual(r) > 0 {
            out.append("fab wafer starts \(model.periods[t - fab.cycleTimePeriods].id)")
        }
    }

    /// Capital budgets (of periods up to t, and the total) with less slack than the dearest useful tool.
    private func budgetLimits(period t: Int, dearestUsefulTool: Double, _ input: SectionInput, into out: inout [String]) {
        func spent(_ r: RowIndex) -> Bool {
            let upper = formulation.problem.rows[r.raw].upper
            let tight = upper.isFinite && input.activities[r] >= upper - max(1e-6 * abs(upper), 1e-6)
            return tight || (upper - input.activities[r]) * PlanScale.money < dearestUsefulTool
        }
        for (tb, r) in formulation.rows.budgetPerPeriod.entries where tb <= t && spent(r) {
            out.append("capital budget \(model.periods[tb].id)")
        }
        if let r = formulation.rows.budgetTotal, spent(r) { out.append("capital budget total") }
    }
}
