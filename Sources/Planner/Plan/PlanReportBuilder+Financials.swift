import LineModel

extension PlanReportBuilder {
    /// Revenue, costs by kind, profit and unit counts, from the accounting coefficients of every column.
    func financials(_ input: SectionInput) -> Financials {
        let U = PlanScale.units, M = PlanScale.money
        let a = formulation.accounting, x = input.x
        var f = Financials(revenue: a.revenueConstant * M, materialCost: 0, operatingCost: 0, waferCost: 0, dieCost: 0,
                           capitalSpend: 0, holdingCost: 0, unmetPenalty: 0, profit: 0, goodUnits: 0, shippedUnits: 0,
                           demandUnits: 0, unmetUnits: 0, costPerGoodUnit: nil)
        var totalCost = 0.0
        for j in x.indices {
            f.revenue += a.revenue[j] * x[j] * M
            f.unmetPenalty += a.penalty[j] * x[j] * M
            f.capitalSpend += a.capital[j] * x[j] * M
            totalCost += a.cost[j] * x[j] * M
            f.goodUnits += a.output[j] * x[j] * U
        }
        addSupplyCosts(to: &f, x)
        addProductCosts(to: &f, x)
        f.shippedUnits = f.demandUnits - f.unmetUnits
        f.profit = f.revenue - totalCost - f.unmetPenalty
        f.costPerGoodUnit = f.goodUnits > 1e-9 ? totalCost / f.goodUnits : nil
        return f
    }

    /// Wafer and die costs.
    private func addSupplyCosts(to f: inout Financials, _ x: [Double]) {
        for wafers in formulation.columns.wafers {
            for (_, c) in wafers.series.entries { f.waferCost += x[c] * (model.fab?.waferCost ?? 0) }
        }
        for (u, series) in formulation.columns.dieBuys.enumerated() {
            for (_, c) in series.entries { f.dieCost += x[c] * PlanScale.units * model.dieSuppliers[u].costPerDie }
        }
    }

    /// Material, operating and holding costs, demand and unmet units.
    private func addProductCosts(to f: inout Financials, _ x: [Double]) {
        let U = PlanScale.units
        let columns = formulation.columns
        for (p, product) in model.products.enumerated() {
            for starts in columns.starts[p] {
                let opPerUnit = model.site(starts.site).map { Formulation.operatingCostPerUnit(product, at: $0) } ?? 0
                for (_, c) in starts.columns.entries {
                    f.materialCost += x[c] * U * product.materialCostPerUnit
                    f.operatingCost += x[c] * U * opPerUnit
                }
            }
            for (_, c) in columns.inventory[p].entries { f.holdingCost += x[c] * U * (product.holdingCostPerUnitPeriod ?? 0) }
            for period in model.periods { f.demandUnits += product.demand[period.id] ?? 0 }
            for (_, c) in columns.unmet[p].entries { f.unmetUnits += x[c] * U }
        }
    }

}
