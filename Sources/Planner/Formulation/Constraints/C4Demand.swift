import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C4 `demand[p,t]` (kilo-units), an equality: Y_p·Σ_s x_pst + I_p,t−1 − I_pt + m_pt = D_pt.
    mutating func addDemandRows() {
        for (p, product) in model.products.enumerated() {
            var series = emptyRowSeries
            for t in 0..<periodCount {
                let demand = (product.demand[period(t)] ?? 0) / PlanScale.units
                let r = addRow("demand[\(product.id),\(period(t))]", lower: demand, upper: demand)
                series[t] = r
                for starts in columns.starts[p] { set(r, starts.columns[t]!, product.routeYield) }
                set(r, columns.unmet[p][t]!, 1)
                if let stored = columns.inventory[p][t] {
                    set(r, stored, -1)
                    if let carried = columns.inventory[p][t - 1] { set(r, carried, 1) }
                }
            }
            rows.demand.append(series)
        }
    }
}
