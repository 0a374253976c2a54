import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C8 `ordered[s,k,t]` (tools), `.cumulative` MIP only: z_t − z_t−1 − y_t = 0 for every buy period, so the
    /// integer running order counts z make every purchase integral and give branch-and-cut a second handle.
    mutating func addOrderCountRows() {
        for (i, entry) in stations.enumerated() {
            var series = emptyRowSeries
            var previous: ColumnIndex? = nil
            for (t, z) in columns.orderCounts[i].entries {
                guard let y = columns.buys[i][t] else { continue }
                let r = addRow("ordered[\(entry.key.site),\(entry.key.station),\(period(t))]", lower: 0, upper: 0)
                set(r, z, 1)
                if let previous { set(r, previous, -1) }
                set(r, y, -1)
                series[t] = r
                previous = z
            }
            rows.orderCounts.append(series)
        }
    }
}
