import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C9 `stock[s,k,t]` (tools), `.stock` only: instock_t − instock_t−1 − y_t−L = 0 for t ≥ L (instock_L − y_0 = 0):
    /// the tools added in service grow by the purchases that arrive. Three nonzeros per station-period.
    mutating func addToolStockRows() {
        for (i, entry) in stations.enumerated() {
            var series = emptyRowSeries
            let lead = entry.station.leadTimePeriods
            for (t, stock) in columns.toolStock[i].entries {
                let r = addRow("stock[\(entry.key.site),\(entry.key.station),\(period(t))]", lower: 0, upper: 0)
                set(r, stock, 1)
                if let previous = columns.toolStock[i][t - 1] { set(r, previous, -1) }
                if let arriving = columns.buys[i][t - lead] { set(r, arriving, -1) }
                series[t] = r
            }
            rows.toolStock.append(series)
        }
    }
}
