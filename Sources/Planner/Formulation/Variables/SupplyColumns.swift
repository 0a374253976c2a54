import LineModel
import LinearSolver

extension FormulationBuilder {
    /// Wafer starts w[d,t] (wafers) for every die type of the fab, bounded by the period's wafer starts.
    mutating func addWaferColumns() {
        guard let fab = model.fab else { return }
        for d in fab.dieTypes {
            var series = emptySeries
            for t in 0..<periodCount {
                let cap = fab.waferStartsPerPeriod[period(t)] ?? 0
                series[t] = addColumn("wafers[\(d),\(period(t))]", upper: cap, cost: fab.waferCost / PlanScale.money)
            }
            columns.wafers.append(DieTypeSeries(dieType: d, series: series))
        }
    }

    /// Dies bought b[u,t] (kilo-dies) from every supplier, bounded by its cap per period when it has one.
    mutating func addDieBuyColumns() {
        let U = PlanScale.units
        for supplier in model.dieSuppliers {
            var series = emptySeries
            for t in 0..<periodCount {
                let cap = supplier.capPerPeriod.map { ($0[period(t)] ?? 0) / U } ?? .infinity
                series[t] = addColumn("diebuy[\(supplier.id),\(period(t))]", upper: cap,
                                      cost: supplier.costPerDie * U / PlanScale.money)
            }
            columns.dieBuys.append(series)
        }
    }
}
