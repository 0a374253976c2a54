import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C6 capital budgets (k-currency): `budget[t]` Σ price·y_t ≤ B_t per period with a budget, and
    /// `budget[total]` Σ_t Σ price·y ≤ B_total.
    mutating func addBudgetRows() {
        let M = PlanScale.money
        rows.budgetPerPeriod = emptyRowSeries
        for t in 0..<periodCount {
            guard let b = model.budget.capitalPerPeriod[period(t)] else { continue }
            let r = addRow("budget[\(period(t))]", upper: b / M)
            for (i, entry) in stations.enumerated() where entry.station.toolPrice != 0 {
                if let y = columns.buys[i][t] { set(r, y, entry.station.toolPrice / M) }
            }
            rows.budgetPerPeriod[t] = r
        }
        guard let total = model.budget.capitalTotal else { return }
        let r = addRow("budget[total]", upper: total / M)
        for (i, entry) in stations.enumerated() where entry.station.toolPrice != 0 {
            for (_, y) in columns.buys[i].entries { set(r, y, entry.station.toolPrice / M) }
        }
        rows.budgetTotal = r
    }
}
